package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference's {@code LiveLesson} message. Endpoints are keyed by name in name order (as the reference's gateway
 * writes maps). The jupyter guide endpoint is listed without presentations, as the reference lists it: the UI shows a
 * tab per presentation, and the guide is shown through {@code GuideDomain} instead. Beyond the reference:
 * {@code ErrorDetail}, why a failed livelesson failed and the evidence gathered (redacted, bounded; omitted when
 * empty, as zero values are).
 */
@JsonPropertyOrder(alphabetic = false)
public record LiveLessonMessage(
        @JsonProperty("ID") String id,
        @JsonProperty("SessionID") String sessionId,
        @JsonProperty("AntidoteID") String antidoteId,
        @JsonProperty("LessonSlug") String lessonSlug,
        @JsonProperty("LiveEndpoints") Map<String, Endpoint> liveEndpoints,
        @JsonProperty("CurrentStage") int currentStage,
        @JsonProperty("GuideContents") String guideContents,
        @JsonProperty("GuideType") String guideType,
        @JsonProperty("GuideDomain") String guideDomain,
        @JsonProperty("Status") String status,
        @JsonProperty("Error") boolean error,
        @JsonProperty("HealthyTests") int healthyTests,
        @JsonProperty("TotalTests") int totalTests,
        @JsonProperty("Diagram") String diagram,
        @JsonProperty("Video") String video,
        @JsonProperty("StageVideo") String stageVideo,
        @JsonProperty("ErrorDetail") String errorDetail) {

    /** The reference's {@code LiveEndpoint} message. */
    public record Endpoint(
            @JsonProperty("Name") String name,
            @JsonProperty("Image") String image,
            @JsonProperty("Ports") List<Integer> ports,
            @JsonProperty("LivePresentations") List<Presentation> livePresentations,
            @JsonProperty("Host") String host,
            @JsonProperty("SSHUser") String sshUser,
            @JsonProperty("SSHPassword") String sshPassword) {
    }

    /** The reference's {@code LivePresentation} message. */
    public record Presentation(
            @JsonProperty("Name") String name,
            @JsonProperty("Port") int port,
            @JsonProperty("Type") String type,
            @JsonProperty("HepDomain") String hepDomain) {
    }

    public static LiveLessonMessage of(LiveLesson l) {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        l.liveEndpoints().forEach((name, ep) -> endpoints.put(name, endpoint(ep)));
        return new LiveLessonMessage(l.id(), l.sessionId(), l.antidoteId(), l.lessonSlug(), endpoints, l.stage(),
                l.guideContents(), l.guideType() == null ? "" : l.guideType().id(), l.guideDomain(), l.status().name(),
                l.error(), l.healthyTests(), l.totalTests(), l.diagram(), l.video(), l.stageVideo(), l.errorDetail());
    }

    private static Endpoint endpoint(LiveEndpoint ep) {
        List<Presentation> presentations = ep.name().equals(LiveLessonFactory.JUPYTER_ENDPOINT) ? List.of()
                : ep.presentations().stream()
                        .map(p -> new Presentation(p.name(), p.port(), p.type().id(), p.hepDomain()))
                        .toList();
        return new Endpoint(ep.name(), ep.image(), ep.ports(), presentations, ep.host(), ep.sshUser(),
                ep.sshPassword());
    }
}
