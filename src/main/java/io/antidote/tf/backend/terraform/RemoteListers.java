package io.antidote.tf.backend.terraform;

import io.antidote.tf.terraform.S3ObjectPages;
import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.terraform.StateBackend;
import java.util.List;
import java.util.Optional;

/**
 * The remote state listers a state backend implies, so that garbage collection finds every stack this instance owns
 * from its state keys too, not only from the workspace directories (several instances, a lost disk): none for local
 * state; for S3, {@code ListObjectsV2} of {@code <keyPrefix>/<instanceId>/} in the state bucket.
 */
final class RemoteListers {
    private RemoteListers() {
    }

    static List<StackLister> of(StateBackend backend) {
        if (backend instanceof StateBackend.S3 s3) {
            return List.of(new StackLister.S3(s3, S3ObjectPages.of(s3.region(), Optional.empty())));
        }
        return List.of();
    }
}
