package io.antidote.tf.api;

import io.antidote.tf.AntidoteException;

/**
 * A request the API answers with an error: its {@link ApiStatus} and the one message the body carries (the
 * reference's text where the UI matches it). Never carries a secret.
 */
public final class ApiException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final ApiStatus status;

    public ApiException(ApiStatus status, String message) {
        super(message);
        this.status = status;
    }

    public ApiStatus status() {
        return status;
    }

    static ApiException invalid(String message) {
        return new ApiException(ApiStatus.INVALID_ARGUMENT, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(ApiStatus.NOT_FOUND, message);
    }

    /** One of the reference's plain errors (gRPC Unknown, HTTP 500). */
    static ApiException plain(String message) {
        return new ApiException(ApiStatus.UNKNOWN, message);
    }
}
