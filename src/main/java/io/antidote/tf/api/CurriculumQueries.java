package io.antidote.tf.api;

import io.antidote.tf.api.message.CollectionMessage;
import io.antidote.tf.api.message.CurriculumMessage;
import io.antidote.tf.api.message.Envelopes;
import io.antidote.tf.api.message.LessonMessage;
import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.state.DataManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The read-only curriculum routes: lessons, prerequisites, collections, the curriculum, the build. */
public final class CurriculumQueries {
    static final String NO_CURRICULUM = "Problem retrieving curriculum details";
    static final String NO_COLLECTION = "Collection not found";

    private final DataManager db;
    private final Envelopes.AntidoteInfo info;

    public CurriculumQueries(DataManager db, Envelopes.AntidoteInfo info) {
        this.db = db;
        this.info = info;
    }

    public Envelopes.Lessons lessons() {
        return new Envelopes.Lessons(db.listLessons().stream().map(LessonMessage::of).toList());
    }

    public LessonMessage lesson(String slug) {
        return db.getLesson(slug).map(LessonMessage::of)
                .orElseThrow(() -> ApiException.notFound("Unable to find lesson " + slug));
    }

    /**
     * Every lesson {@code slug} needs first, directly or through others, each once, depth first in the order the
     * lessons list them; unknown slugs are skipped and the lesson itself is left out (as the reference does).
     */
    public Envelopes.Prereqs prereqs(String slug) {
        List<String> seen = new ArrayList<>(List.of(slug));
        collect(slug, seen);
        return new Envelopes.Prereqs(List.copyOf(seen.subList(1, seen.size())));
    }

    private void collect(String slug, List<String> seen) {
        Optional<Lesson> lesson = db.getLesson(slug);
        if (lesson.isEmpty()) {
            return;
        }
        if (!seen.contains(slug)) {
            seen.add(slug);
        }
        for (String prereq : lesson.get().prereqs()) {
            if (!seen.contains(prereq)) {
                collect(prereq, seen);
            }
        }
    }

    public Envelopes.Collections collections() {
        return new Envelopes.Collections(db.listCollections().stream().map(CollectionMessage::of).toList());
    }

    public CollectionMessage collection(String slug) {
        Collection c = db.getCollection(slug).orElseThrow(() -> ApiException.notFound(NO_COLLECTION));
        return CollectionMessage.of(c, db.listLessons());
    }

    public CurriculumMessage curriculum() {
        return db.getCurriculumInfo().map(CurriculumMessage::of).orElseThrow(() -> ApiException.plain(NO_CURRICULUM));
    }

    public Envelopes.AntidoteInfo antidoteInfo() {
        return info;
    }

    /** Image names (the reference's ListImages: names only, never credentials). */
    public Map<String, Envelopes.Image> images() {
        Map<String, Envelopes.Image> all = new TreeMap<>();
        db.listImages().forEach(i -> all.put(i.slug(), new Envelopes.Image(i.slug())));
        return all;
    }
}
