package io.antidote.tf.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the stacks of an Antidote instance that have state, so garbage collection can find orphans after a restart.
 * {@link Local} reads the stack directories; {@link S3} pages through the bucket with list-objects-v2 calls.
 */
public interface StackLister {
    List<StackId> list(String instanceId);

    /** The stacks whose directory exists under the work directory. */
    record Local(Workspaces workspaces) implements StackLister {
        @Override
        public List<StackId> list(String instanceId) {
            return workspaces.list(instanceId).stream().map(Workspace::stack).toList();
        }
    }

    /** One page of an S3 {@code ListObjectsV2} answer: the keys and the continuation token, if more follow. */
    record Page(List<String> keys, Optional<String> nextContinuationToken) {
        public Page {
            keys = List.copyOf(keys);
        }
    }

    /** The one S3 call the lister needs ({@code aws s3api list-objects-v2 --bucket --prefix --continuation-token}). */
    @FunctionalInterface
    interface ObjectPages {
        Page listObjectsV2(String bucket, String prefix, Optional<String> continuationToken);
    }

    /** The stacks whose state object is in the bucket, under {@code <keyPrefix>/<instanceId>/}. */
    record S3(StateBackend.S3 backend, ObjectPages pages) implements StackLister {
        @Override
        public List<StackId> list(String instanceId) {
            String prefix = backend.keyPrefix() + "/" + instanceId + "/";
            List<StackId> stacks = new ArrayList<>();
            Optional<String> token = Optional.empty();
            do {
                Page page = pages.listObjectsV2(backend.bucket(), prefix, token);
                for (String key : page.keys()) {
                    String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : "";
                    if (rest.endsWith(".tfstate") && !rest.contains("/")) {
                        stacks.add(new StackId(instanceId, rest.substring(0, rest.length() - ".tfstate".length())));
                    }
                }
                token = page.nextContinuationToken();
            } while (token.isPresent());
            return List.copyOf(stacks);
        }
    }
}
