package io.antidote.tf.scheduler;

import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.SpanContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests and completions inside one JVM, for {@code serve} without NATS and for tests: {@link #submit} (or the
 * API's {@link #publish}) queues a request,
 * one thread hands queued requests to the scheduler in order, and completions are kept for
 * {@link #awaitCompletion}. Requests submitted before the scheduler starts wait for it.
 */
public final class InProcessRequestQueue implements RequestSource, CompletionSink, RequestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessRequestQueue.class);

    private final BlockingQueue<IncomingRequest> incoming = new LinkedBlockingQueue<>();
    private final BlockingQueue<LessonScheduleRequest> completed = new LinkedBlockingQueue<>();
    private Thread pump;
    private boolean closed;

    public void submit(LessonScheduleRequest request) {
        submit(IncomingRequest.untraced(request));
    }

    public void submit(IncomingRequest request) {
        incoming.add(request);
    }

    @Override
    public void publish(LessonScheduleRequest request, SpanContext context) {
        submit(new IncomingRequest(request, context));
    }

    @Override
    public synchronized void start(Consumer<IncomingRequest> handler) {
        if (pump != null || closed) {
            throw new IllegalStateException("in-process request queue already " + (closed ? "closed" : "started"));
        }
        pump = new Thread(() -> deliver(handler), Scheduler.THREAD_PREFIX + "inprocess-source");
        pump.setDaemon(true);
        pump.start();
    }

    private void deliver(Consumer<IncomingRequest> handler) {
        while (!Thread.currentThread().isInterrupted()) {
            IncomingRequest next;
            try {
                next = incoming.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                handler.accept(next);
            } catch (RuntimeException e) {
                LOG.error("handing over {} failed: {}", next.request(), e.toString(), e);
            }
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = pump;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void completed(LessonScheduleRequest request, SpanContext context) {
        completed.add(request);
    }

    /** The next completed request, waiting up to {@code timeout}; empty if none came in time. */
    public Optional<LessonScheduleRequest> awaitCompletion(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(completed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** How many submitted requests have not been handed to the scheduler yet. */
    public int pending() {
        return incoming.size();
    }
}
