package io.antidote.tf.lesson;

/** How a stage's guide is shown: a markdown file or a jupyter notebook served by the guide endpoint. */
public enum GuideType implements Keyword {
    MARKDOWN("guide.md"), JUPYTER("guide.ipynb");

    private final String fileName;

    GuideType(String fileName) {
        this.fileName = fileName;
    }

    /** The guide's file name inside {@code stage<N>/}. */
    public String fileName() {
        return fileName;
    }
}
