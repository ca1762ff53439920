package io.antidote.tf.api;

import java.util.Optional;

/** Lets a request into the operators' routes only with the configured bearer token. */
final class AdminGate {
    static final String OFF = "the operator routes are off: no api.adminTokenFile or api.adminTokenEnv is configured";
    static final String DENIED = "missing or wrong bearer token (Authorization: Bearer <token>)";

    private final Optional<AdminToken> token;

    AdminGate(Optional<AdminToken> token) {
        this.token = token;
    }

    /** Returns when {@code authorization} carries the token; throws 403 when the routes are off, 401 otherwise. */
    void check(String authorization) {
        AdminToken t = token.orElseThrow(() -> new ApiException(ApiStatus.PERMISSION_DENIED, OFF));
        if (!t.admits(authorization)) {
            throw new ApiException(ApiStatus.UNAUTHENTICATED, DENIED);
        }
    }
}
