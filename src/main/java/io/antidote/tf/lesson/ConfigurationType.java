package io.antidote.tf.lesson;

/** How an endpoint is configured at each stage; {@link #NONE} means not at all. */
public enum ConfigurationType implements Keyword {
    NONE(""), NAPALM("napalm"), PYTHON("python"), ANSIBLE("ansible");

    private final String id;

    ConfigurationType(String id) {
        this.id = id;
    }

    /** The value as written in a lesson file ({@code ""} for none). */
    @Override
    public String id() {
        return id;
    }
}
