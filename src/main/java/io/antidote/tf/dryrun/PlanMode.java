package io.antidote.tf.dryrun;

/** How {@code plan} runs terraform over the selected stacks. */
public enum PlanMode {
    /** Stacks with the same provider requirements are planned together, each as a module of one root. */
    BATCH,
    /** Each stack is planned in a workspace of its own (init from a shared template, plan). */
    PER_STACK
}
