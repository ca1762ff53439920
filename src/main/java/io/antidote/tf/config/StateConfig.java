package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code backendConfigs.terraform.state}: where terraform keeps each livelesson's state: {@code local} (a file in
 * the stack's directory) or {@code s3} (a bucket, with DynamoDB locking). With {@code s3} the state of a livelesson
 * is at {@code <keyPrefix>/<instanceId>/<livelessonId>.tfstate} in {@code bucket}.
 *
 * @param type {@code local} (default) or {@code s3}
 * @param bucket the S3 bucket (required for s3)
 * @param keyPrefix the prefix of every state key (default {@code antidote-tf})
 * @param region the bucket's region (required for s3)
 * @param dynamodbTable the DynamoDB table that holds the locks (required for s3)
 */
public record StateConfig(
        @JsonProperty("type") String type,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("keyPrefix") String keyPrefix,
        @JsonProperty("region") String region,
        @JsonProperty("dynamodbTable") String dynamodbTable) {

    private static final String KEY = "backendConfigs.terraform.state.";

    public StateConfig {
        type = Checks.orDefault(type, "local");
        Checks.oneOf(KEY + "type", type, "local", "s3");
        keyPrefix = trimSlashes(Checks.orDefault(keyPrefix, "antidote-tf"));
        if (keyPrefix.isEmpty()) {
            throw new IllegalArgumentException(KEY + "keyPrefix must not be only slashes");
        }
        bucket = Checks.orDefault(bucket, "");
        region = Checks.orDefault(region, "");
        dynamodbTable = Checks.orDefault(dynamodbTable, "");
        if (type.equals("s3")) {
            Checks.required(KEY + "bucket (type s3)", bucket);
            Checks.required(KEY + "region (type s3)", region);
            Checks.required(KEY + "dynamodbTable (type s3: the lock table)", dynamodbTable);
        }
    }

    /** The skeleton's one-setting form. */
    public StateConfig(String type) {
        this(type, null, null, null, null);
    }

    public static StateConfig defaults() {
        return new StateConfig(null);
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+|/+$", "");
    }
}
