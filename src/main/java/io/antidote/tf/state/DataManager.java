package io.antidote.tf.state;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.CurriculumInfo;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All Antidote state: the curriculum (lessons, images, collections) and the live state (livelessons, livesessions).
 *
 * <p>Livelessons change only through narrow updates, each atomic on its own field: two threads updating
 * different fields of one livelesson at once never lose either update (a get-modify-put would). Every update of
 * a livelesson that does not exist throws {@link NoSuchLiveLessonException} (of a livesession,
 * {@link NoSuchLiveSessionException}); setting the address of an endpoint the
 * livelesson does not have throws {@link StateException} and changes nothing. Lessons, images and collections are
 * listed in slug order; inserting one whose slug is present replaces it. Values read back equal the values
 * stored, endpoints in their original order. Implementations are thread-safe.
 */
public interface DataManager {

    // curriculum
    void insertLessons(List<Lesson> lessons);

    List<Lesson> listLessons();

    Optional<Lesson> getLesson(String slug);

    void insertImages(List<Image> images);

    List<Image> listImages();

    Optional<Image> getImage(String slug);

    void insertCollections(List<Collection> collections);

    List<Collection> listCollections();

    Optional<Collection> getCollection(String slug);

    void setCurriculumInfo(CurriculumInfo info);

    Optional<CurriculumInfo> getCurriculumInfo();

    // livelessons
    /** Stores a new livelesson; one with the same ID already present is an error. */
    void createLiveLesson(LiveLesson liveLesson);

    List<LiveLesson> listLiveLessons();

    Optional<LiveLesson> getLiveLesson(String id);

    /** Removes a livelesson; removing one that is not there is not an error. */
    void deleteLiveLesson(String id);

    List<LiveLesson> getLiveLessonsForSession(String sessionId);

    void updateLiveLessonStage(String id, int stage);

    void updateLiveLessonGuide(String id, GuideType type, String contents);

    void updateLiveLessonStatus(String id, LiveLessonStatus status);

    /** Sets or clears the Error flag; clearing it clears the error detail too. */
    void updateLiveLessonError(String id, boolean error);

    /** Sets the Error flag and the error detail (beyond the reference: why, and the evidence gathered). */
    void updateLiveLessonErrorDetail(String id, String detail);

    void updateLiveLessonEndpointIp(String id, String endpoint, String ip);

    void updateLiveLessonTests(String id, int healthy, int total);

    void updateLiveLessonLastActiveTime(String id, Instant time);

    // livesessions
    void createLiveSession(LiveSession session);

    List<LiveSession> listLiveSessions();

    Optional<LiveSession> getLiveSession(String id);

    void deleteLiveSession(String id);

    /** Sets whether livesession {@code id}'s livelessons are kept from garbage collection. */
    void updateLiveSessionPersistence(String id, boolean persistent);
}
