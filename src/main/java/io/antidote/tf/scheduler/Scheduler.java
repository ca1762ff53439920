package io.antidote.tf.scheduler;

import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.state.DataManager;
import io.opentracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Antidote's scheduler: hands lesson schedule requests to the backend and collects garbage.
 *
 * <p>{@link #start} first has the backend prune orphaned resources, synchronously, before any request is taken
 * and before any garbage collection. If that pruning fails, the failure is logged and the scheduler starts anyway:
 * refusing to start would take every lesson down for the sake of resources that are no worse off (they will be
 * pruned at the next start, and the backend's own TTL pruning still applies to livelessons it knows).
 *
 * <p>Then garbage collection runs at once and every {@code scheduler.gcIntervalSeconds}, and requests are taken
 * from the {@link RequestSource}. Requests for the same livelesson run one at a time in arrival order; requests for
 * different livelessons run concurrently, at most {@code scheduler.maxConcurrentRequests} at once. A request that
 * fails is logged and traced and does not affect any other. A successful CREATE goes to the {@link CompletionSink}.
 *
 * <p>Beyond the reference: after pruning, the requests the backend reports as left unfinished by the process before
 * ({@link AntidoteBackend#resumable}) are queued first; a DELETE pre-empts the livelesson's running request on
 * arrival ({@link AntidoteBackend#preempt}); each garbage collection also retries failed destroys
 * ({@link AntidoteBackend#retryDestroys}).
 *
 * <p>{@link #close} stops the source, tells the backend it stops (an operation interrupted from then on is left for
 * the next start), drops requests not yet started (they are logged), lets running requests and a running garbage
 * collection finish within the shutdown grace, then interrupts them.
 */
public final class Scheduler implements AutoCloseable {
    /** How long {@link #close} waits for running work before interrupting it, and again after. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    static final String THREAD_PREFIX = "antidote-scheduler-";

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private enum State { NEW, STARTING, RUNNING, CLOSED }

    private final AntidoteBackend backend;
    private final RequestSource source;
    private final Clock clock;
    private final Duration gcInterval;
    private final Duration shutdownGrace;
    private final GarbageCollector garbage;
    private final RequestRunner runner;
    private final KeyedExecutor lanes;
    private final ScheduledExecutorService gcThread;
    private State state = State.NEW;

    public Scheduler(AntidoteBackend backend, DataManager db, AntidoteConfig config, Tracer tracer, Clock clock,
            RequestSource source, CompletionSink completions) {
        this(backend, db, config, tracer, clock, source, completions, DEFAULT_SHUTDOWN_GRACE);
    }

    public Scheduler(AntidoteBackend backend, DataManager db, AntidoteConfig config, Tracer tracer, Clock clock,
            RequestSource source, CompletionSink completions, Duration shutdownGrace) {
        this(backend, db, config, tracer, clock, source, completions, shutdownGrace, RequestListener.NONE);
    }

    /** As the others, with a listener that sees every finished request (for metrics). */
    public Scheduler(AntidoteBackend backend, DataManager db, AntidoteConfig config, Tracer tracer, Clock clock,
            RequestSource source, CompletionSink completions, Duration shutdownGrace, RequestListener listener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        this.gcInterval = Duration.ofSeconds(config.scheduler().gcIntervalSeconds());
        this.garbage = new GarbageCollector(backend, Objects.requireNonNull(db, "db"),
                Duration.ofMinutes(config.liveSessionTtl()), tracer, clock);
        this.runner = new RequestRunner(backend, Objects.requireNonNull(tracer, "tracer"),
                Objects.requireNonNull(completions, "completions"), clock, Objects.requireNonNull(listener, "listener"));
        this.lanes = new KeyedExecutor(config.scheduler().maxConcurrentRequests(), THREAD_PREFIX + "request-");
        this.gcThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + "gc");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Prunes orphans, then starts garbage collection and request handling; returns once they are running. If the
     * source cannot start (a broker that refuses the subscription), that is thrown; {@link #close} the scheduler.
     */
    public void start() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("scheduler already " + state.name().toLowerCase());
            }
            state = State.STARTING;
        }
        pruneOrphans();
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.RUNNING;
            resume();
            gcThread.scheduleWithFixedDelay(garbage::collect, 0, gcInterval.toMillis(), TimeUnit.MILLISECONDS);
            source.start(this::accept);
        }
        LOG.info("scheduler started (garbage collection every {})", gcInterval);
    }

    private void pruneOrphans() {
        LOG.info("pruning orphaned lesson resources");
        try {
            backend.pruneOrphans();
        } catch (Throwable t) {
            LOG.error("pruning orphaned resources failed; starting anyway, they are pruned at the next start: {}",
                    t.toString(), t);
            Fatal.rethrowIfFatal(t);
        }
    }

    /** Queues what a previous process left unfinished, before any new request. */
    private void resume() {
        try {
            for (LessonScheduleRequest r : backend.resumable()) {
                LOG.info("resuming {} of livelesson {}, left unfinished by the process before", r.operation(),
                        r.liveLessonId());
                accept(IncomingRequest.untraced(r));
            }
        } catch (RuntimeException e) {
            LOG.error("resuming unfinished requests failed: {}", e.toString(), e);
        }
    }

    /** Whether the scheduler is taking requests (started, not closed). */
    public synchronized boolean running() {
        return state == State.RUNNING;
    }

    /** How many requests have been received and not started yet. */
    public int waitingRequests() {
        return lanes.counts().waiting();
    }

    /** How many requests are running now. */
    public int runningRequests() {
        return lanes.counts().running();
    }

    /** Runs one garbage collection pass now, on the caller's thread. */
    public void collectGarbage() {
        garbage.collect();
    }

    /**
     * Queues a request on its livelesson's lane. A DELETE pre-empts first: whatever runs on the livelesson stops now
     * (the backend cancels it), so the DELETE waits seconds, not a whole CREATE.
     */
    private void accept(IncomingRequest incoming) {
        if (incoming.request().operation() == Operation.DELETE) {
            try {
                backend.preempt(incoming.request().liveLessonId());
            } catch (RuntimeException e) {
                LOG.warn("livelesson {}: pre-empting for its DELETE failed: {}", incoming.request().liveLessonId(),
                        e.toString());
            }
        }
        RequestTask task = new RequestTask(incoming, clock.instant(), runner);
        if (!lanes.submit(incoming.request().liveLessonId(), task)) {
            LOG.warn("scheduler is closing: dropped {}", task);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        try {
            source.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the request source failed: {}", e.toString(), e);
        }
        try {
            backend.stopping();
        } catch (RuntimeException e) {
            LOG.warn("telling the backend it stops failed: {}", e.toString());
        }
        try {
            stopGarbageCollection();
            KeyedExecutor.Closed closed = lanes.close(shutdownGrace);
            closed.dropped().forEach(task -> LOG.warn("scheduler closed before handling {}", task));
            if (!closed.allStopped()) {
                LOG.warn("some requests did not stop within {} of being interrupted", shutdownGrace);
            }
        } catch (InterruptedException e) {
            gcThread.shutdownNow();
            lanes.abort();
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while closing the scheduler; running work was interrupted without waiting");
        }
        LOG.info("scheduler closed");
    }

    private void stopGarbageCollection() throws InterruptedException {
        gcThread.shutdown();
        if (!gcThread.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
            gcThread.shutdownNow();
            if (!gcThread.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("garbage collection did not stop within {} of being interrupted", shutdownGrace);
            }
        }
    }
}
