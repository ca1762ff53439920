/**
 * Dry runs: lessons become stacks without a real livelesson, and are synthesized to disk or planned with terraform
 * (never applied). Livelesson IDs are derived from the lesson slug so the same inputs give the same bytes; reports
 * are rendered as Markdown (for a pull-request comment) and JSON.
 */
package io.antidote.tf.dryrun;
