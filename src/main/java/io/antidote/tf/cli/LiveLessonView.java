package io.antidote.tf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LivePresentation;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How the lifecycle commands show livelessons: a text block or table, or JSON. Never shows SSH passwords (the
 * livelesson's own JSON carries them, so it is not printed as is).
 */
final class LiveLessonView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The formats of what a command prints on stdout. */
    enum Format { text, json }

    private LiveLessonView() {
    }

    /** Prints one livelesson on {@code out} in {@code format}, now. */
    static void print(PrintWriter out, Format format, LiveLesson l) {
        Instant now = Instant.now();
        out.print(switch (format) {
            case text -> text(l, now);
            case json -> json(l, now);
        });
        out.flush();
    }

    /**
     * A usage error unless {@code lesson} has stage {@code stage}.
     *
     * @throws ParameterException naming the lesson and its stages
     */
    static void requireStage(CommandLine cmd, Lesson lesson, int stage) {
        if (stage < 0 || stage >= lesson.stages().size()) {
            throw new ParameterException(cmd, "lesson '" + lesson.slug() + "' has stages 0.."
                    + (lesson.stages().size() - 1) + ", there is no stage " + stage);
        }
    }

    /** One livelesson: a header line and one line per endpoint. */
    static String text(LiveLesson l, Instant now) {
        StringBuilder s = new StringBuilder();
        s.append("livelesson ").append(l.id()).append(' ').append(l.status()).append(l.error() ? " (Error)" : "")
                .append(": lesson ").append(l.lessonSlug()).append(", stage ").append(l.stage())
                .append(", session ").append(l.sessionId()).append(", age ").append(age(l, now)).append('\n');
        for (LiveEndpoint ep : l.liveEndpoints().values()) {
            s.append("  ").append(ep.name()).append(' ').append(ep.host().isEmpty() ? "-" : ep.host())
                    .append(" ports ").append(ep.ports().stream().map(String::valueOf).collect(Collectors.joining(",")));
            for (LivePresentation p : ep.presentations()) {
                s.append("  ").append(p.name()).append('=').append(p.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(':').append(p.port());
            }
            s.append('\n');
        }
        if (!l.errorDetail().isEmpty()) {
            s.append("  error: ").append(l.errorDetail().replace("\n", "\n    ")).append('\n');
        }
        return s.toString();
    }

    /**
     * Many livelessons, one line each: id, lesson, stage, status, error, session, age, endpoints; below a failed one,
     * the first line of its error detail ({@code list --output json} has all of it).
     */
    static String table(List<LiveLesson> lessons, Instant now) {
        StringBuilder s = new StringBuilder(String.format("%-12s %-20s %5s %-13s %-5s %-16s %-8s %s%n", "ID", "LESSON",
                "STAGE", "STATUS", "ERROR", "SESSION", "AGE", "ENDPOINTS"));
        for (LiveLesson l : lessons) {
            String endpoints = l.liveEndpoints().values().stream()
                    .map(ep -> ep.name() + "=" + (ep.host().isEmpty() ? "-" : ep.host()) + ":"
                            + ep.ports().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .collect(Collectors.joining(" "));
            s.append(String.format("%-12s %-20s %5d %-13s %-5s %-16s %-8s %s%n", l.id(), l.lessonSlug(), l.stage(),
                    l.status(), l.error(), l.sessionId(), age(l, now), endpoints));
            if (!l.errorDetail().isEmpty()) {
                s.append("  error: ").append(Failures.firstLine(l.errorDetail())).append('\n');
            }
        }
        return s.toString();
    }

    static String json(LiveLesson l, Instant now) {
        return write(map(l, now));
    }

    static String json(List<LiveLesson> lessons, Instant now) {
        return write(lessons.stream().map(l -> map(l, now)).toList());
    }

    private static Map<String, Object> map(LiveLesson l, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("lesson", l.lessonSlug());
        m.put("stage", l.stage());
        m.put("status", l.status().name());
        m.put("error", l.error());
        m.put("errorDetail", l.errorDetail());
        m.put("session", l.sessionId());
        m.put("created", l.createdTime().toString());
        m.put("lastActive", l.lastActiveTime().toString());
        m.put("ageSeconds", Math.max(0, Duration.between(l.createdTime(), now).toSeconds()));
        m.put("endpoints", l.liveEndpoints().values().stream().map(ep -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", ep.name());
            e.put("image", ep.image());
            e.put("host", ep.host());
            e.put("ports", ep.ports());
            e.put("presentations", ep.presentations().stream().map(p -> Map.of("name", p.name(), "type",
                    p.type().name().toLowerCase(java.util.Locale.ROOT), "port", p.port(), "hepDomain", p.hepDomain()))
                    .toList());
            return e;
        }).toList());
        return m;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize: " + e.getMessage(), e);
        }
    }

    static String age(LiveLesson l, Instant now) {
        long s = Math.max(0, Duration.between(l.createdTime(), now).toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }
}
