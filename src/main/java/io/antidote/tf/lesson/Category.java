package io.antidote.tf.lesson;

/** The category a lesson belongs to. */
public enum Category implements Keyword {
    FUNDAMENTALS, TOOLS, WORKFLOWS;
}
