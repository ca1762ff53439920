package io.antidote.tf.standin;

import io.antidote.tf.AntidoteException;

/** A stand-in that cannot be built as asked: names the image (its curriculum slug, or the platform image) and why. */
public final class StandinException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String image;

    public StandinException(String image, String reason) {
        super("stand-in of image " + image + ": " + reason);
        this.image = image;
    }

    /** The image the stand-in was for. */
    public String image() {
        return image;
    }
}
