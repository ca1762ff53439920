package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.GuideType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A running lesson: the state the scheduler and its backend keep true. Immutable; the DataManager applies the
 * narrow updates ({@code with...}) atomically. JSON field names are the reference's, plus {@code ErrorDetail}.
 *
 * @param liveEndpoints by endpoint name, in lesson-definition order
 * @param errorDetail beyond the reference: why the livelesson failed and the evidence gathered (terraform's
 *        diagnostics, the lesson host's logs), redacted by the backend, at most {@link #ERROR_DETAIL_MAX} characters
 *        (longer text is cut, with a note); empty when there is no error
 */
public record LiveLesson(
        @JsonProperty("LiveLessonId") String id,
        @JsonProperty("SessionId") String sessionId,
        @JsonProperty("AntidoteID") String antidoteId,
        @JsonProperty("LessonSlug") String lessonSlug,
        @JsonProperty("LiveEndpoints") Map<String, LiveEndpoint> liveEndpoints,
        @JsonProperty("LessonStage") int stage,
        @JsonProperty("GuideContents") String guideContents,
        @JsonProperty("GuideType") GuideType guideType,
        @JsonProperty("GuideDomain") String guideDomain,
        @JsonProperty("Status") LiveLessonStatus status,
        @JsonProperty("CreatedTime") Instant createdTime,
        @JsonProperty("LastActiveTime") Instant lastActiveTime,
        @JsonProperty("Error") boolean error,
        @JsonProperty("HealthyTests") int healthyTests,
        @JsonProperty("TotalTests") int totalTests,
        @JsonProperty("Diagram") String diagram,
        @JsonProperty("Video") String video,
        @JsonProperty("StageVideo") String stageVideo,
        @JsonProperty("ErrorDetail") String errorDetail) {
    /** The most characters {@code ErrorDetail} holds. */
    public static final int ERROR_DETAIL_MAX = 16 * 1024;
    private static final String CUT = "\n[... cut to " + ERROR_DETAIL_MAX + " characters]";

    public LiveLesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(lessonSlug, "lessonSlug");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(lastActiveTime, "lastActiveTime");
        antidoteId = antidoteId == null ? "" : antidoteId;
        liveEndpoints = Collections.unmodifiableMap(new LinkedHashMap<>(liveEndpoints == null ? Map.of() : liveEndpoints));
        guideContents = guideContents == null ? "" : guideContents;
        guideDomain = guideDomain == null ? "" : guideDomain;
        diagram = diagram == null ? "" : diagram;
        video = video == null ? "" : video;
        stageVideo = stageVideo == null ? "" : stageVideo;
        errorDetail = errorDetail == null ? "" : errorDetail;
        if (errorDetail.length() > ERROR_DETAIL_MAX) {
            errorDetail = errorDetail.substring(0, ERROR_DETAIL_MAX - CUT.length()) + CUT;
        }
    }

    /** Without an error detail (the reference's fields only). */
    public LiveLesson(String id, String sessionId, String antidoteId, String lessonSlug,
            Map<String, LiveEndpoint> liveEndpoints, int stage, String guideContents, GuideType guideType,
            String guideDomain, LiveLessonStatus status, Instant createdTime, Instant lastActiveTime, boolean error,
            int healthyTests, int totalTests, String diagram, String video, String stageVideo) {
        this(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType, guideDomain, status,
                createdTime, lastActiveTime, error, healthyTests, totalTests, diagram, video, stageVideo, "");
    }

    /** {@code <instanceId>-<livelessonId>}: the name that makes this livelesson's resources unique. */
    public String uullid() {
        return antidoteId + "-" + id;
    }

    public LiveLesson withStage(int newStage) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, newStage, guideContents, guideType,
                guideDomain, status, createdTime, lastActiveTime, error, healthyTests, totalTests, diagram, video,
                stageVideo, errorDetail);
    }

    public LiveLesson withGuide(GuideType type, String contents) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, contents, type,
                guideDomain, status, createdTime, lastActiveTime, error, healthyTests, totalTests, diagram, video,
                stageVideo, errorDetail);
    }

    public LiveLesson withStatus(LiveLessonStatus newStatus) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType,
                guideDomain, newStatus, createdTime, lastActiveTime, error, healthyTests, totalTests, diagram, video,
                stageVideo, errorDetail);
    }

    /** With the Error flag set or cleared; clearing it clears the error detail too. */
    public LiveLesson withError(boolean newError) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType,
                guideDomain, status, createdTime, lastActiveTime, newError, healthyTests, totalTests, diagram, video,
                stageVideo, newError ? errorDetail : "");
    }

    /** Failed, with {@code detail} saying why (cut to {@link #ERROR_DETAIL_MAX} characters). */
    public LiveLesson withErrorDetail(String detail) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType,
                guideDomain, status, createdTime, lastActiveTime, true, healthyTests, totalTests, diagram, video,
                stageVideo, detail);
    }

    public LiveLesson withTests(int healthy, int total) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType,
                guideDomain, status, createdTime, lastActiveTime, error, healthy, total, diagram, video,
                stageVideo, errorDetail);
    }

    public LiveLesson withLastActiveTime(Instant time) {
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, liveEndpoints, stage, guideContents, guideType,
                guideDomain, status, createdTime, time, error, healthyTests, totalTests, diagram, video,
                stageVideo, errorDetail);
    }

    /** This livelesson with endpoint {@code endpoint}'s host set; unknown endpoints are an error. */
    public LiveLesson withEndpointHost(String endpoint, String host) {
        LiveEndpoint ep = liveEndpoints.get(endpoint);
        if (ep == null) {
            throw new IllegalArgumentException("livelesson " + id + " has no endpoint " + endpoint);
        }
        Map<String, LiveEndpoint> eps = new LinkedHashMap<>(liveEndpoints);
        eps.put(endpoint, ep.withHost(host));
        return new LiveLesson(id, sessionId, antidoteId, lessonSlug, eps, stage, guideContents, guideType,
                guideDomain, status, createdTime, lastActiveTime, error, healthyTests, totalTests, diagram, video,
                stageVideo, errorDetail);
    }
}
