/**
 * The API's JSON messages: the reference's protobuf messages as records, with the proto field names exactly, built
 * from the domain records by their {@code of} factories. {@link io.antidote.tf.api.ApiJson} writes them leaving out
 * every zero value (empty text, 0, false, empty lists), as the reference's gateway does.
 */
package io.antidote.tf.api.message;
