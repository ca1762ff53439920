package io.antidote.tf.readiness;

/** Makes the check for each kind of port; tests substitute their own. */
public interface CheckFactory {

    ReadinessCheck tcp(CheckTarget target);

    ReadinessCheck ssh(CheckTarget target, SshCredentials credentials);
}
