/**
 * The grammars of the strings that reach a shell script, a command line, a resource name, a tag or a Terraform
 * string: DNS names, Docker image references, user names, free text. Each is a {@link io.antidote.tf.grammar.Rule}
 * that says why a value breaks it without repeating the value (the caller decides whether a value may be shown: a
 * password never is). The configuration and the curriculum both check their strings here, so one name has one
 * grammar. Validation is the first layer; the sinks of {@code io.antidote.tf.sink} escape again at every use.
 */
package io.antidote.tf.grammar;
