package io.antidote.tf.live;

/** Where a livelesson is in its life: INITIALIZED, then BOOTING, CONFIGURATION, READY. Errors are a separate flag. */
public enum LiveLessonStatus {
    INITIALIZED, BOOTING, CONFIGURATION, READY
}
