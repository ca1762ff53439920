/**
 * Stand-in images: what a curriculum's images must offer on a machine with a Docker engine and no image registry.
 * {@link io.antidote.tf.standin.StandinSpecs} reads a loaded curriculum into a {@link io.antidote.tf.standin.StandinSpec}
 * (every image's users and ports, gathered from every lesson that uses it, plus the configurator and jupyter images),
 * and {@link io.antidote.tf.standin.BuildContexts} writes one Docker build context per image. Curriculum strings reach
 * the images only as JSON files read by the recipe's own programs, never as Dockerfile or shell text. The recipe (the
 * Dockerfiles and the programs that run in the images) is in this package's resources; {@code bin/standin-images}
 * builds the contexts on a base image of Debian packages. docs/standin-images.md is the contract.
 */
package io.antidote.tf.standin;
