package io.antidote.tf.api;

/**
 * How a request failed: the HTTP status and the gRPC status code the error body carries. The first four are the
 * reference's (its gateway maps InvalidArgument to 400, NotFound to 404, and every plain error, code Unknown, to
 * 500); the others answer what the reference's gateway answers in its own way (routing, oversized bodies) or what it
 * does not have (operator routes, health).
 */
public enum ApiStatus {
    INVALID_ARGUMENT(400, 3),
    NOT_FOUND(404, 5),
    UNKNOWN(500, 2),
    INTERNAL(500, 13),
    METHOD_NOT_ALLOWED(405, 12),
    TOO_LARGE(413, 8),
    UNAUTHENTICATED(401, 16),
    PERMISSION_DENIED(403, 7),
    UNAVAILABLE(503, 14);

    private final int http;
    private final int grpc;

    ApiStatus(int http, int grpc) {
        this.http = http;
        this.grpc = grpc;
    }

    public int http() {
        return http;
    }

    public int grpc() {
        return grpc;
    }
}
