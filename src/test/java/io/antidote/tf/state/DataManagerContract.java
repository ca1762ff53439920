package io.antidote.tf.state;

import static io.antidote.tf.state.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DataManager} does. A store's test extends this and says how to make an empty store.
 */
abstract class DataManagerContract {
    protected DataManager db;

    /** A new, empty store. */
    protected abstract DataManager newDataManager();

    @BeforeEach
    void createStore() {
        db = newDataManager();
    }

    @Test
    void lessonsAreStoredByValueAndListedInSlugOrder() {
        assertThat(db.listLessons()).isEmpty();
        db.insertLessons(List.of(Fixtures.lesson("b-lesson"), Fixtures.lesson("a-lesson")));
        assertThat(db.listLessons()).extracting(Lesson::slug).containsExactly("a-lesson", "b-lesson");
        assertThat(db.getLesson("a-lesson")).contains(Fixtures.lesson("a-lesson"));
        assertThat(db.getLesson("missing")).isEmpty();
    }

    @Test
    void insertingALessonAgainReplacesIt() {
        db.insertLessons(List.of(Fixtures.lesson("a")));
        Lesson changed = Fixtures.lesson("b");
        Lesson renamed = new Lesson("a", "New name", changed.category(), changed.tier(), changed.collection(),
                changed.description(), changed.shortDescription(), changed.prereqs(), changed.tags(), changed.stages(),
                changed.endpoints(), changed.connections(), changed.authors(), 9, changed.diagram(), changed.video(),
                changed.directory());
        db.insertLessons(List.of(renamed));
        assertThat(db.listLessons()).containsExactly(renamed);
    }

    @Test
    void imagesKeepTheirCredentials() {
        db.insertImages(List.of(Fixtures.image("vqfx"), Fixtures.image("utility")));
        assertThat(db.listImages()).extracting(Image::slug).containsExactly("utility", "vqfx");
        assertThat(db.getImage("vqfx")).contains(Fixtures.image("vqfx"));
        assertThat(db.getImage("vqfx").orElseThrow().sshPassword()).isEqualTo(Fixtures.PASSWORD);
        assertThat(db.getImage("nope")).isEmpty();
    }

    @Test
    void collectionsAndCurriculumInfo() {
        db.insertCollections(List.of(Fixtures.collection("z"), Fixtures.collection("m")));
        assertThat(db.listCollections()).extracting(Collection::slug).containsExactly("m", "z");
        assertThat(db.getCollection("z")).contains(Fixtures.collection("z"));
        assertThat(db.getCollection("y")).isEmpty();
        assertThat(db.getCurriculumInfo()).isEmpty();
        db.setCurriculumInfo(Fixtures.curriculumInfo());
        assertThat(db.getCurriculumInfo()).contains(Fixtures.curriculumInfo());
    }

    @Test
    void liveLessonsAreCreatedReadListedAndDeleted() {
        LiveLesson one = Fixtures.liveLesson("aaaaaaaaa1", "s1");
        LiveLesson two = Fixtures.liveLesson("aaaaaaaaa2", "s2");
        LiveLesson three = Fixtures.liveLesson("aaaaaaaaa3", "s1");
        List.of(one, two, three).forEach(db::createLiveLesson);
        assertThat(db.getLiveLesson(one.id())).contains(one);
        assertThat(db.listLiveLessons()).containsExactlyInAnyOrder(one, two, three);
        assertThat(db.getLiveLessonsForSession("s1")).containsExactlyInAnyOrder(one, three);
        assertThat(db.getLiveLessonsForSession("none")).isEmpty();
        db.deleteLiveLesson(one.id());
        assertThat(db.getLiveLesson(one.id())).isEmpty();
        assertThat(db.listLiveLessons()).containsExactlyInAnyOrder(two, three);
    }

    @Test
    void deletingAnUnknownLiveLessonIsANoOp() {
        db.createLiveLesson(Fixtures.liveLesson("keep", "s"));
        db.deleteLiveLesson("unknown");
        assertThat(db.listLiveLessons()).hasSize(1);
    }

    @Test
    void creatingADuplicateLiveLessonFailsAndKeepsTheFirst() {
        LiveLesson first = Fixtures.liveLesson("dup", "s1");
        db.createLiveLesson(first);
        assertThatThrownBy(() -> db.createLiveLesson(Fixtures.liveLesson("dup", "s2")))
                .isInstanceOf(StateException.class).hasMessageContaining("dup")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Fixtures.PASSWORD));
        assertThat(db.getLiveLesson("dup")).contains(first);
    }

    @Test
    void endpointOrderIsPreserved() {
        db.createLiveLesson(Fixtures.liveLesson("ordered", "s"));
        db.updateLiveLessonEndpointIp("ordered", "alpha", "10.0.0.1");
        LiveLesson read = db.getLiveLesson("ordered").orElseThrow();
        assertThat(read.liveEndpoints().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(read.liveEndpoints().get("zeta").presentations()).extracting("name").containsExactly("cli", "web");
        assertThat(db.listLiveLessons().get(0).liveEndpoints().keySet()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void eachNarrowUpdateChangesOnlyItsField() {
        LiveLesson ll = Fixtures.liveLesson("narrow", "s");
        db.createLiveLesson(ll);
        db.updateLiveLessonStage("narrow", 2);
        ll = ll.withStage(2);
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonGuide("narrow", GuideType.JUPYTER, "");
        ll = ll.withGuide(GuideType.JUPYTER, "");
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonStatus("narrow", LiveLessonStatus.BOOTING);
        ll = ll.withStatus(LiveLessonStatus.BOOTING);
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonError("narrow", true);
        ll = ll.withError(true);
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonTests("narrow", 1, 3);
        ll = ll.withTests(1, 3);
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonLastActiveTime("narrow", T0.plusSeconds(60));
        ll = ll.withLastActiveTime(T0.plusSeconds(60));
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        db.updateLiveLessonEndpointIp("narrow", "mid", "192.0.2.10");
        ll = ll.withEndpointHost("mid", "192.0.2.10");
        assertThat(db.getLiveLesson("narrow")).contains(ll);
        assertThat(ll.liveEndpoints().get("mid").host()).isEqualTo("192.0.2.10");
    }

    @Test
    void updatesOfAnUnknownLiveLessonThrowNoSuchLiveLesson() {
        db.createLiveLesson(Fixtures.liveLesson("other", "s"));
        Map<String, Consumer<String>> updates = Map.of(
                "stage", id -> db.updateLiveLessonStage(id, 1),
                "guide", id -> db.updateLiveLessonGuide(id, GuideType.MARKDOWN, "x"),
                "status", id -> db.updateLiveLessonStatus(id, LiveLessonStatus.READY),
                "error", id -> db.updateLiveLessonError(id, true),
                "endpoint", id -> db.updateLiveLessonEndpointIp(id, "zeta", "10.0.0.1"),
                "tests", id -> db.updateLiveLessonTests(id, 1, 1),
                "lastActive", id -> db.updateLiveLessonLastActiveTime(id, T0));
        updates.forEach((name, update) -> assertThatThrownBy(() -> update.accept("ghost"))
                .as(name).isInstanceOfSatisfying(NoSuchLiveLessonException.class,
                        e -> assertThat(e.liveLessonId()).isEqualTo("ghost")));
        assertThat(db.listLiveLessons()).containsExactly(Fixtures.liveLesson("other", "s"));
    }

    @Test
    void settingTheAddressOfAnUnknownEndpointFailsAndChangesNothing() {
        db.createLiveLesson(Fixtures.liveLesson("eps", "s"));
        assertThatThrownBy(() -> db.updateLiveLessonEndpointIp("eps", "nope", "10.0.0.9"))
                .isInstanceOf(StateException.class).isNotInstanceOf(NoSuchLiveLessonException.class)
                .hasMessageContaining("nope");
        assertThat(db.getLiveLesson("eps")).contains(Fixtures.liveLesson("eps", "s"));
    }

    @Test
    void liveSessions() {
        LiveSession a = Fixtures.session("sess-a");
        LiveSession b = new LiveSession("sess-b", "", false, T0.plusSeconds(1));
        db.createLiveSession(a);
        db.createLiveSession(b);
        assertThat(db.getLiveSession("sess-a")).contains(a);
        assertThat(db.listLiveSessions()).containsExactlyInAnyOrder(a, b);
        assertThatThrownBy(() -> db.createLiveSession(Fixtures.session("sess-a"))).isInstanceOf(StateException.class);
        db.deleteLiveSession("sess-a");
        db.deleteLiveSession("never-there");
        assertThat(db.listLiveSessions()).containsExactly(b);
        assertThat(db.getLiveSession("sess-a")).isEmpty();
    }

    @Test
    void liveSessionPersistenceIsUpdatedInPlace() {
        LiveSession a = Fixtures.session("sess-p").withPersistent(false);
        db.createLiveSession(a);
        db.updateLiveSessionPersistence("sess-p", true);
        assertThat(db.getLiveSession("sess-p")).contains(a.withPersistent(true));
        db.updateLiveSessionPersistence("sess-p", false);
        assertThat(db.getLiveSession("sess-p")).contains(a);
        assertThatThrownBy(() -> db.updateLiveSessionPersistence("never-there", true))
                .isInstanceOf(NoSuchLiveSessionException.class).hasMessageContaining("never-there");
        assertThat(db.listLiveSessions()).containsExactly(a);
    }

    @Test
    void concurrentUpdatesOfDifferentFieldsLoseNothing() throws Exception {
        LostUpdates.check(List.of(db));
    }
}
