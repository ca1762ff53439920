package io.antidote.tf.terraform;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 {@code ListObjectsV2} call of {@link StackLister.S3}, through the AWS SDK (the JDK's HTTP connection): the
 * credentials of the SDK's default chain (environment, profile, instance role), the state bucket's region. An
 * endpoint may be given for an S3-compatible store (path-style addressing then).
 */
public final class S3ObjectPages implements StackLister.ObjectPages, AutoCloseable {
    private final S3Client s3;

    private S3ObjectPages(S3Client s3) {
        this.s3 = s3;
    }

    /** A client for the bucket's {@code region}, at {@code endpoint} when given. */
    public static S3ObjectPages of(String region, Optional<URI> endpoint) {
        var builder = S3Client.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true));
        return new S3ObjectPages(builder.build());
    }

    @Override
    public StackLister.Page listObjectsV2(String bucket, String prefix, Optional<String> continuationToken) {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                .continuationToken(continuationToken.orElse(null)));
        return new StackLister.Page(r.contents().stream().map(S3Object::key).toList(),
                Boolean.TRUE.equals(r.isTruncated()) ? Optional.ofNullable(r.nextContinuationToken())
                        : Optional.empty());
    }

    @Override
    public void close() {
        s3.close();
    }
}
