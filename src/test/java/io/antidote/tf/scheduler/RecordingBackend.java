package io.antidote.tf.scheduler;

import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fake backend for scheduler tests: records every call in order, measures how many requests run at once
 * (overall and per livelesson), and runs a test-provided hook inside each call (to block, sleep or throw).
 */
public final class RecordingBackend implements AntidoteBackend {

    /** One call: what was called, with which request (null for pruning) and span. */
    public record Call(String method, LessonScheduleRequest request, Span span) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Set<String> inFlight = new HashSet<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile boolean overlapSeen;
    private volatile Runnable onPruneOrphans = () -> { };
    private volatile Runnable onPruneOldLiveLessons = () -> { };
    private volatile Consumer<LessonScheduleRequest> onRequest = r -> { };

    public RecordingBackend onPruneOrphans(Runnable hook) {
        this.onPruneOrphans = hook;
        return this;
    }

    public RecordingBackend onPruneOldLiveLessons(Runnable hook) {
        this.onPruneOldLiveLessons = hook;
        return this;
    }

    public RecordingBackend onRequest(Consumer<LessonScheduleRequest> hook) {
        this.onRequest = hook;
        return this;
    }

    @Override
    public void pruneOrphans() {
        record(new Call("pruneOrphans", null, null));
        onPruneOrphans.run();
    }

    @Override
    public void pruneOldLiveLessons(Span parent) {
        record(new Call("pruneOldLiveLessons", null, parent));
        onPruneOldLiveLessons.run();
    }

    @Override
    public void handleCreate(Span parent, LessonScheduleRequest request) {
        handle("handleCreate", parent, request);
    }

    @Override
    public void handleModify(Span parent, LessonScheduleRequest request) {
        handle("handleModify", parent, request);
    }

    @Override
    public void handleDelete(Span parent, LessonScheduleRequest request) {
        handle("handleDelete", parent, request);
    }

    private void handle(String method, Span span, LessonScheduleRequest request) {
        synchronized (this) {
            if (!inFlight.add(request.liveLessonId())) {
                overlapSeen = true;
            }
        }
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            record(new Call(method, request, span));
            onRequest.accept(request);
        } finally {
            running.decrementAndGet();
            synchronized (this) {
                inFlight.remove(request.liveLessonId());
            }
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> methods() {
        return calls().stream().map(Call::method).toList();
    }

    /** The requests handled (started) so far, in order. */
    public List<LessonScheduleRequest> requests() {
        return calls().stream().map(Call::request).filter(r -> r != null).toList();
    }

    public int running() {
        return running.get();
    }

    public int maxRunning() {
        return maxRunning.get();
    }

    /** Whether two requests for the same livelesson were ever inside the backend at once. */
    public boolean overlapSeen() {
        return overlapSeen;
    }
}
