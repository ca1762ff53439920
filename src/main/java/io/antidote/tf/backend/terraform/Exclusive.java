package io.antidote.tf.backend.terraform;

import io.antidote.tf.state.Claim;
import io.antidote.tf.state.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation at a time on a livelesson's stack: among the threads of this process ({@link LiveLessonLocks}) and
 * among the processes sharing the state database (a {@link Claim} in the {@link Ledger}). A claim held by a process
 * that is gone ({@link ProcessOwner#isGone}) is taken over, after stopping what terraform it left running in the
 * stack's workspace; its attempt number goes on, so a resumed operation knows how often it was interrupted.
 *
 * <p>A watcher thread beats for this process in the ledger every {@link #BEAT} and, while this process runs a CREATE
 * or MODIFY, looks every {@link #WATCH} for a DELETE requested of the same livelesson (by this process or another
 * one, e.g. {@code antidote-tf down} in another shell): it cancels the operation ({@link InFlight#cancel}).
 */
final class Exclusive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Exclusive.class);
    static final Duration BEAT = Duration.ofSeconds(5);
    static final Duration WATCH = Duration.ofMillis(250);
    private static final long POLL_MILLIS = 200;

    /** What the holder of a claim knows: the claim, and the one it took over from a dead owner, if any. */
    record Held(Claim claim, Optional<Claim> tookOver) {
    }

    private final LiveLessonLocks locks;
    private final Ledger ledger;
    private final ProcessOwner me;
    private final Clock clock;
    private final InFlight inFlight;
    private final Consumer<String> strays;
    private final ScheduledExecutorService watcher;
    private long lastBeat;

    /** @param strays stops what terraform a dead owner left running in the livelesson's workspace */
    Exclusive(LiveLessonLocks locks, Ledger ledger, ProcessOwner me, Clock clock, InFlight inFlight,
            Consumer<String> strays) {
        this.locks = locks;
        this.ledger = ledger;
        this.me = me;
        this.clock = clock;
        this.inFlight = inFlight;
        this.strays = strays;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "antidote-tf-claims");
            t.setDaemon(true);
            return t;
        });
        ledger.beat(me.token(), clock.instant());
        lastBeat = System.nanoTime();
        watcher.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
    }

    ProcessOwner me() {
        return me;
    }

    Ledger ledger() {
        return ledger;
    }

    InFlight inFlight() {
        return inFlight;
    }

    /**
     * Runs {@code work} holding the livelesson (this thread's lock, then the claim for {@code operation}), waiting up
     * to {@code wait} for each; {@link BusyException} when the wait runs out.
     */
    void run(String liveLessonId, String operation, Duration wait, Consumer<Held> work) {
        if (!tryRun(liveLessonId, operation, wait, work)) {
            throw new BusyException(liveLessonId, holder(liveLessonId));
        }
    }

    /** As {@link #run}, but returns false (having run nothing) when the livelesson stayed busy for {@code wait}. */
    boolean tryRun(String liveLessonId, String operation, Duration wait, Consumer<Held> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            return locks.tryRun(liveLessonId, wait, () -> {
                Optional<Held> held = claim(liveLessonId, operation, deadline);
                if (held.isEmpty()) {
                    throw new NotClaimed();
                }
                try {
                    work.accept(held.get());
                } finally {
                    ledger.release(liveLessonId, me.token());
                }
            });
        } catch (NotClaimed e) {
            return false;
        }
    }

    /** Thrown inside the lock when the claim could not be had in time; {@link #tryRun} turns it into false. */
    private static final class NotClaimed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotClaimed() {
            super(null, null, false, false);
        }
    }

    private Optional<Held> claim(String liveLessonId, String operation, long deadline) {
        while (true) {
            Optional<Claim> current = ledger.claim(liveLessonId);
            boolean deadOwner = current.isPresent() && !current.get().owner().equals(me.token())
                    && me.isGone(current.get().owner(), ledger, clock);
            if (deadOwner) {
                strays.accept(liveLessonId);
            }
            int attempt = deadOwner && current.get().operation().equals(operation) ? current.get().attempt() + 1 : 1;
            Claim wanted = new Claim(liveLessonId, me.token(), operation, clock.instant(), attempt);
            Ledger.ClaimAttempt got = ledger.tryClaim(wanted, held -> held.equals(current.orElse(null)) && deadOwner);
            if (got.taken()) {
                return Optional.of(new Held(wanted, deadOwner ? got.previous() : Optional.empty()));
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Who holds the livelesson now, in words. */
    String holder(String liveLessonId) {
        return ledger.claim(liveLessonId).map(c -> c.owner().equals(me.token())
                ? "this process runs its " + c.operation()
                : "process " + ProcessOwner.pidOf(c.owner()) + " runs its " + c.operation() + " since " + c.since())
                .orElse("another thread of this process works on it");
    }

    /** Whether a live process other than this one holds the livelesson. */
    boolean heldElsewhere(String liveLessonId) {
        return ledger.claim(liveLessonId).filter(c -> !c.owner().equals(me.token())
                && !me.isGone(c.owner(), ledger, clock)).isPresent();
    }

    /** Forgets the owners in the ledger that are gone (their claims stay until taken over). */
    void forgetDeadOwners() {
        ledger.owners().stream().map(o -> o.owner()).filter(o -> me.isGone(o, ledger, clock))
                .forEach(ledger::forgetOwner);
    }

    private void watch() {
        try {
            if (System.nanoTime() - lastBeat >= BEAT.toNanos()) {
                ledger.beat(me.token(), clock.instant());
                lastBeat = System.nanoTime();
            }
            Set<String> running = inFlight.ids();
            if (running.isEmpty()) {
                return;
            }
            Set<String> deleting = ledger.deletions().stream().map(d -> d.liveLessonId()).collect(Collectors.toSet());
            for (String id : running) {
                if (deleting.contains(id) && inFlight.cancel(id)) {
                    LOG.info("livelesson {}: a DELETE was requested: cancelling what runs on it", id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the claims watcher failed this round: {}", e.toString());
        }
    }

    /** Stops the watcher and forgets this process in the ledger (its claims are released by their operations). */
    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            ledger.forgetOwner(me.token());
        } catch (RuntimeException e) {
            LOG.debug("could not forget this process in the ledger: {}", e.toString());
        }
    }
}
