package io.antidote.tf.readiness;

/** How a port is checked: a TCP connect, a real SSH exchange, or no port at all (the endpoint's definition). */
public enum CheckKind {
    /** The port accepts a TCP connection. */
    TCP,
    /** The port completes SSH version and key exchange and answers an authentication attempt. */
    SSH,
    /** The endpoint itself: it must have a host and at least one port before any port can be checked. */
    DEFINITION
}
