package io.antidote.tf.lesson;

/** Someone who contributed to a lesson. */
public record Author(String name, String link) {
    public Author {
        name = name == null ? "" : name;
        link = link == null ? "" : link;
    }
}
