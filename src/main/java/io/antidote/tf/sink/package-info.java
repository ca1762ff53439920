/**
 * Where text leaves the program for an interpreter: one escaping function per kind of sink, so that no sink builds
 * text by hand. Every string that came from a curriculum (or any other input) goes through the function of the sink
 * it reaches, even after validation: validation and escaping are two independent layers.
 *
 * <ul>
 *   <li>{@link io.antidote.tf.sink.ShellWord}: one word of a POSIX shell command line or assignment;</li>
 *   <li>{@link io.antidote.tf.sink.Heredoc}: a document fed to a shell here-document, with a terminator derived from
 *       the document so that the document cannot end it early;</li>
 *   <li>{@link io.antidote.tf.sink.TerraformString}: literal text inside a Terraform string, which terraform would
 *       otherwise read as a template ({@code ${...}}, {@code %{...}});</li>
 *   <li>{@link io.antidote.tf.sink.ContainerArgument}: literal text in a Kubernetes container's command, arguments or
 *       environment values, where the kubelet expands {@code $(NAME)}.</li>
 * </ul>
 * Composed sinks compose the functions from the inside out: a shell word inside a Terraform string is
 * {@code TerraformString.literal(ShellWord.quote(text))}.
 */
package io.antidote.tf.sink;
