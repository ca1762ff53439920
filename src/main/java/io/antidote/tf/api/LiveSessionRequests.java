package io.antidote.tf.api;

import io.antidote.tf.api.message.LiveSessionMessage;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.NoSuchLiveSessionException;
import io.opentracing.Span;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The livesession side of the API: a new session for a learner (limited per source address, as the reference does),
 * and the operators' reading and persistence routes.
 */
public final class LiveSessionRequests {
    static final String IP_LIMIT = "This IP address has exceeded the maximum number of liveSessions";
    static final String CANNOT_ALLOCATE = "Unable to generate session ID";
    static final String NOT_FOUND = "livesession not found";
    /** The one session ID of an instance in {@code devMode}, as the reference's. */
    static final String DEV_MODE_SESSION = "antidotedevmode";
    private static final int ID_ATTEMPTS = 5;

    private final DataManager db;
    private final int liveSessionLimit;
    private final boolean devMode;
    private final Clock clock;
    private final Supplier<String> ids = LiveLessonFactory.randomIds();
    private final Object creation = new Object();

    /** @param liveSessionLimit most livesessions of one source address, 0: no limit */
    public LiveSessionRequests(DataManager db, int liveSessionLimit, boolean devMode, Clock clock) {
        this.db = db;
        this.liveSessionLimit = liveSessionLimit;
        this.devMode = devMode;
        this.clock = clock;
    }

    /** {@code POST /exp/livesession}: a new livesession of {@code sourceIp}; its ID. */
    public String request(String sourceIp, Span span) {
        span.setTag("antidote_request_source_ip", sourceIp);
        synchronized (creation) {
            if (liveSessionLimit > 0 && db.listLiveSessions().stream()
                    .filter(s -> s.sourceIp().equals(sourceIp)).count() >= liveSessionLimit) {
                span.setTag("error", true);
                throw ApiException.plain(IP_LIMIT);
            }
            if (devMode) {
                if (db.getLiveSession(DEV_MODE_SESSION).isEmpty()) {
                    db.createLiveSession(new LiveSession(DEV_MODE_SESSION, sourceIp, false, clock.instant()));
                }
                return DEV_MODE_SESSION;
            }
            for (int i = 0; i < ID_ATTEMPTS; i++) {
                String id = ids.get();
                if (db.getLiveSession(id).isEmpty()) {
                    db.createLiveSession(new LiveSession(id, sourceIp, false, clock.instant()));
                    span.setTag("allocatedSessionId", id);
                    return id;
                }
            }
            throw ApiException.plain(CANNOT_ALLOCATE);
        }
    }

    public LiveSessionMessage get(String id) {
        return db.getLiveSession(id).map(LiveSessionMessage::of).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public Map<String, LiveSessionMessage> list() {
        Map<String, LiveSessionMessage> all = new TreeMap<>();
        db.listLiveSessions().forEach(s -> all.put(s.id(), LiveSessionMessage.of(s)));
        return all;
    }

    /** Sets whether the session's livelessons are kept from garbage collection; 404 when there is no such session. */
    public void persist(String id, boolean persistent, Span span) {
        span.setTag("antidote_session_id", id);
        try {
            db.updateLiveSessionPersistence(id, persistent);
        } catch (NoSuchLiveSessionException e) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }
}
