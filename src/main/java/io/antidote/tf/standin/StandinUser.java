package io.antidote.tf.standin;

import io.antidote.tf.grammar.Rule;
import io.antidote.tf.grammar.UnixNames;
import java.util.Objects;

/**
 * A login of an endpoint stand-in: the image's {@code sshUser} or {@code configUser}, its password and the uid it
 * gets (0 for root, 1000 for the SSH user, 1001 for a different config user). The name must be a login name the
 * image's {@code useradd} accepts; the password can hold anything but a NUL byte. {@link #toString()} never shows
 * the password.
 */
public record StandinUser(String name, String password, int uid) {
    /** The login names Debian's useradd accepts without {@code --badname}, at most 32 characters. */
    static final Rule LOGIN = UnixNames.USER;

    public StandinUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (!LOGIN.accepts(name)) {
            throw new IllegalArgumentException("user name must be a login name (^[a-z_][a-z0-9_-]{0,31}$)");
        }
        if (password.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the password of " + name + " holds a NUL byte, which no password can");
        }
        if ((uid == 0) != name.equals("root")) {
            throw new IllegalArgumentException("uid 0 is root's, and only root's, not " + name + "'s " + uid);
        }
    }

    public boolean root() {
        return uid == 0;
    }

    @Override
    public String toString() {
        return "StandinUser[name=" + name + ", uid=" + uid + ", password=****]";
    }
}
