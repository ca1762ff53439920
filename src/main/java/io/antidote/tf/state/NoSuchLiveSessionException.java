package io.antidote.tf.state;

/** An update named a livesession the DataManager does not hold. */
public final class NoSuchLiveSessionException extends StateException {
    private static final long serialVersionUID = 1L;
    private final String liveSessionId;

    public NoSuchLiveSessionException(String liveSessionId) {
        super("no livesession " + liveSessionId);
        this.liveSessionId = liveSessionId;
    }

    public String liveSessionId() {
        return liveSessionId;
    }
}
