package io.antidote.tf.lesson;

/** How a learner reaches an endpoint: a web-SSH terminal or an HTTP page routed by host name. */
public enum PresentationType implements Keyword {
    HTTP, SSH;
}
