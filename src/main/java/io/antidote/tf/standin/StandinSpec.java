package io.antidote.tf.standin;

import java.util.List;

/**
 * Every stand-in a curriculum needs: one per image with metadata, then the configurator and the jupyter guide.
 *
 * @param warnings what the stand-ins serve differently from what a lesson declares (a port declared both ssh and
 *        http, one user with two passwords), for the user to read
 */
public record StandinSpec(List<StandinImage> images, List<String> warnings) {
    public StandinSpec {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }
}
