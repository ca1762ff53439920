package io.antidote.tf.backend.terraform;

import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.terraform.StateBackend;
import java.util.List;

/** The remote state listers a state backend implies: none for local state. */
final class RemoteListers {
    private RemoteListers() {
    }

    static List<StackLister> of(StateBackend backend) {
        if (backend instanceof StateBackend.S3 s3) {
            return List.of();
        }
        return List.of();
    }
}
