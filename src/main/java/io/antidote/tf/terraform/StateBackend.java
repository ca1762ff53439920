package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.config.StateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a stack's state lives. The stack synthesizer calls {@link #fragment(StackId)} and merges the result into the
 * stack JSON; {@link #initArgs(StackId)} gives the same settings as {@code -backend-config} arguments.
 */
public sealed interface StateBackend {

    static StateBackend from(StateConfig config) {
        return switch (config.type()) {
            case "s3" -> new S3(config.bucket(), config.keyPrefix(), config.region(), config.dynamodbTable());
            default -> new Local();
        };
    }

    /** The {@code {"terraform":{"backend":{...}}}} JSON fragment for the stack. */
    ObjectNode fragment(StackId stack);

    /** {@code -backend-config=k=v} arguments for {@code terraform init}. */
    List<String> initArgs(StackId stack);

    /** Whether the state is a file in the stack's directory (so its absence means there is nothing to destroy). */
    boolean local();

    /** The local backend: {@code terraform.tfstate} in the stack's directory; locked with fcntl by terraform. */
    record Local() implements StateBackend {
        @Override
        public ObjectNode fragment(StackId stack) {
            return wrap("local", Map.of("path", Workspace.STATE_FILE));
        }

        @Override
        public List<String> initArgs(StackId stack) {
            return List.of();
        }

        @Override
        public boolean local() {
            return true;
        }
    }

    /** S3 with DynamoDB locking; the key is {@code <keyPrefix>/<instanceId>/<liveLessonId>.tfstate}. */
    record S3(String bucket, String keyPrefix, String region, String dynamodbTable) implements StateBackend {
        public String key(StackId stack) {
            return keyPrefix + "/" + stack.instanceId() + "/" + stack.liveLessonId() + ".tfstate";
        }

        private Map<String, String> settings(StackId stack) {
            return Map.of("bucket", bucket, "key", key(stack), "region", region, "dynamodb_table", dynamodbTable,
                    "encrypt", "true");
        }

        @Override
        public ObjectNode fragment(StackId stack) {
            ObjectNode root = wrap("s3", settings(stack));
            ((ObjectNode) root.path("terraform").path("backend").path("s3")).put("encrypt", true);
            return root;
        }

        @Override
        public List<String> initArgs(StackId stack) {
            List<String> args = new ArrayList<>();
            settings(stack).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> args.add("-backend-config=" + e.getKey() + "=" + e.getValue()));
            return args;
        }

        @Override
        public boolean local() {
            return false;
        }
    }

    private static ObjectNode wrap(String type, Map<String, String> settings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode body = root.putObject("terraform").putObject("backend").putObject(type);
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> body.put(e.getKey(), e.getValue()));
        return root;
    }
}
