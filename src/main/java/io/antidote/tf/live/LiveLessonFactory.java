package io.antidote.tf.live;

import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.curriculum.CurriculumFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a lesson into a new livelesson exactly as the reference API does before the scheduler sees it: a random
 * ID, the UULLID, one live endpoint per lesson endpoint (ports deduplicated, SSH credentials from the image, a
 * HepDomain per presentation), the guide of the requested stage, and the jupyter guide endpoint when any stage
 * uses one. The command line and the service both create livelessons here.
 */
public final class LiveLessonFactory {
    /** The guide endpoint's name, as the reference names it. */
    public static final String JUPYTER_ENDPOINT = "jupyterlabguide";
    public static final String JUPYTER_PRESENTATION = "web";
    public static final int JUPYTER_PORT = 8888;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 10;

    private final String instanceId;
    private final String hepsDomain;
    private final String imageVersion;
    private final Path curriculumDir;
    private final Function<String, Optional<Image>> images;
    private final Supplier<String> ids;
    private final Clock clock;

    /**
     * @param imageVersion the platform image version ({@code BuildInfo.imageVersion}), tag of the jupyter image
     * @param images looks up an image by slug
     * @param ids makes livelesson IDs; {@link #randomIds()} in production
     */
    public LiveLessonFactory(String instanceId, String hepsDomain, String imageVersion, Path curriculumDir,
            Function<String, Optional<Image>> images, Supplier<String> ids, Clock clock) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.hepsDomain = Objects.requireNonNull(hepsDomain, "hepsDomain");
        this.imageVersion = Objects.requireNonNull(imageVersion, "imageVersion");
        this.curriculumDir = Objects.requireNonNull(curriculumDir, "curriculumDir");
        this.images = Objects.requireNonNull(images, "images");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Ten random characters of {@code [a-z0-9]}, as the reference's IDs. */
    public static Supplier<String> randomIds() {
        SecureRandom random = new SecureRandom();
        return () -> {
            StringBuilder id = new StringBuilder(ID_LENGTH);
            for (int i = 0; i < ID_LENGTH; i++) {
                id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
            return id.toString();
        };
    }

    /**
     * A new livelesson of {@code lesson} at {@code stage} for session {@code sessionId}, status INITIALIZED.
     *
     * @throws LiveLessonCreationException when the stage does not exist, an endpoint's image has no metadata, or the
     *         stage's markdown guide cannot be read
     */
    public LiveLesson create(Lesson lesson, int stage, String sessionId) {
        return create(lesson, stage, sessionId, ids.get());
    }

    /** As {@link #create(Lesson, int, String)} with a given livelesson ID. */
    public LiveLesson create(Lesson lesson, int stage, String sessionId, String liveLessonId) {
        if (stage < 0 || stage >= lesson.stages().size()) {
            throw new LiveLessonCreationException(lesson.slug(), "has stages 0.." + (lesson.stages().size() - 1)
                    + ", there is no stage " + stage, null);
        }
        LessonStage lessonStage = lesson.stage(stage);
        String uullid = instanceId + "-" + liveLessonId;
        Map<String, LiveEndpoint> endpoints = new LinkedHashMap<>();
        for (LessonEndpoint ep : lesson.endpoints()) {
            endpoints.put(ep.name(), liveEndpoint(lesson, ep, uullid));
        }
        String guideDomain = hepDomain(uullid, JUPYTER_ENDPOINT, JUPYTER_PRESENTATION);
        if (lesson.usesJupyter()) {
            if (endpoints.containsKey(JUPYTER_ENDPOINT)) {
                throw new LiveLessonCreationException(lesson.slug(), "an endpoint is named " + JUPYTER_ENDPOINT
                        + ", the name reserved for the jupyter guide endpoint", null);
            }
            endpoints.put(JUPYTER_ENDPOINT, new LiveEndpoint(JUPYTER_ENDPOINT, jupyterImage(), List.of(JUPYTER_PORT),
                    List.of(new LivePresentation(JUPYTER_PRESENTATION, JUPYTER_PORT, PresentationType.HTTP, guideDomain)),
                    null, null, null, null, null));
        }
        String guide = guideContents(lesson, stage);
        Instant now = clock.instant();
        return new LiveLesson(liveLessonId, sessionId, instanceId, lesson.slug(), endpoints, stage, guide,
                lessonStage.guideType(), guideDomain, LiveLessonStatus.INITIALIZED, now, now, false, 0, 0,
                lesson.diagram(), lesson.video(), lessonStage.stageVideo());
    }

    /**
     * What a livelesson at {@code stage} shows as its guide: the stage's markdown guide, or nothing for a jupyter
     * guide (served by the guide endpoint).
     *
     * @throws LiveLessonCreationException when the stage does not exist or its markdown guide cannot be read
     */
    public String guideContents(Lesson lesson, int stage) {
        if (stage < 0 || stage >= lesson.stages().size()) {
            throw new LiveLessonCreationException(lesson.slug(), "has stages 0.." + (lesson.stages().size() - 1)
                    + ", there is no stage " + stage, null);
        }
        LessonStage lessonStage = lesson.stage(stage);
        return lessonStage.guideType() == GuideType.MARKDOWN ? readGuide(lesson, lessonStage) : "";
    }

    /** The jupyter guide's image reference, {@code antidotelabs/jupyter:<imageVersion>}. */
    public String jupyterImage() {
        return "antidotelabs/jupyter:" + imageVersion;
    }

    private LiveEndpoint liveEndpoint(Lesson lesson, LessonEndpoint ep, String uullid) {
        Image image = images.apply(ep.image()).orElseThrow(() -> new LiveLessonCreationException(lesson.slug(),
                "endpoint " + ep.name() + " uses image " + ep.image() + ", which has no metadata in the curriculum", null));
        List<LivePresentation> presentations = ep.presentations().stream()
                .map(p -> new LivePresentation(p.name(), p.port(), p.type(), hepDomain(uullid, ep.name(), p.name())))
                .toList();
        return new LiveEndpoint(ep.name(), ep.image(), ep.ports(), presentations, ep.configurationType(),
                ep.configurationFile(), image.sshUser(), image.sshPassword(), "");
    }

    private String hepDomain(String uullid, String endpoint, String presentation) {
        return uullid + "-" + endpoint + "-" + presentation + "." + hepsDomain;
    }

    /** The markdown guide, read as the curriculum's loader checks it: inside the lesson directory, bounded. */
    private String readGuide(Lesson lesson, LessonStage stage) {
        Path lessonDir = curriculumDir.resolve(lesson.directory());
        Path file = lessonDir.resolve(stage.directory()).resolve(GuideType.MARKDOWN.fileName());
        try {
            return CurriculumFiles.read(CurriculumFiles.Scope.lesson(lessonDir), file, CurriculumFiles.MAX_GUIDE_BYTES);
        } catch (CurriculumFiles.Refused e) {
            throw new LiveLessonCreationException(lesson.slug(), "cannot read the guide of stage " + stage.index()
                    + " (" + file + "): " + e.reason(), null);
        }
    }
}
