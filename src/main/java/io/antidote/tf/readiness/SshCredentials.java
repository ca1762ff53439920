package io.antidote.tf.readiness;

import java.util.Objects;

/**
 * The user and password an SSH check offers. The check passes whether the server accepts or refuses them, so
 * made-up ones ({@link #madeUp()}) do when an endpoint has none. {@link #toString()} never shows the password.
 */
public record SshCredentials(String user, String password) {
    private static final SshCredentials MADE_UP = new SshCredentials("antidote-readiness", "not-a-real-password");

    public SshCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank()) {
            throw new IllegalArgumentException("an SSH user must not be blank");
        }
    }

    /** Credentials no server should accept; a refusal of them still proves the server speaks SSH. */
    public static SshCredentials madeUp() {
        return MADE_UP;
    }

    /** The endpoint's own credentials when it has a user, otherwise {@link #madeUp()}. */
    public static SshCredentials orMadeUp(String user, String password) {
        return user == null || user.isBlank() ? MADE_UP : new SshCredentials(user, password == null ? "" : password);
    }

    @Override
    public String toString() {
        return "SshCredentials[user=" + user + ", password=****]";
    }
}
