package io.antidote.tf.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the backend's processes record beside Antidote's state, in the same database, so that processes sharing it
 * (a {@code serve}, {@code up} in one shell and {@code down} in another, several instances) coordinate through it and
 * a restarted process finds what its predecessor left:
 *
 * <ul>
 *   <li><b>claims</b>: which process runs which operation on which livelesson ({@link Claim}); taken and released
 *       atomically ({@code BEGIN IMMEDIATE}), one per livelesson;</li>
 *   <li><b>owners</b>: when each owning process last said it is alive ({@link OwnerBeat});</li>
 *   <li><b>deletions</b>: DELETEs asked for and not finished ({@link DeletionRequest}): the owner of a CREATE or
 *       MODIFY of that livelesson sees it and stops, and a restarted process finishes it;</li>
 *   <li><b>destroys</b>: stacks to destroy later ({@link PendingDestroy}): failed destroys retried with backoff,
 *       failed livelessons' stacks kept for inspection.</li>
 * </ul>
 * Opened on a {@link SqliteDataManager}'s database ({@link SqliteDataManager#ledger()}) or on a private in-memory one
 * ({@link #inMemory()}, for a state store that is not SQLite). Thread-safe.
 */
public final class Ledger implements AutoCloseable {
    private final SqliteStore store;
    private final boolean owned;

    Ledger(SqliteStore store, boolean owned) {
        this.store = store;
        this.owned = owned;
    }

    /** A ledger of this process only. */
    public static Ledger inMemory() {
        return new Ledger(SqliteStore.open(":memory:"), true);
    }

    /** What {@link #tryClaim} found: whether the claim is now the caller's, and the claim held before, if any. */
    public record ClaimAttempt(boolean taken, Optional<Claim> previous) {
    }

    /**
     * Takes {@code wanted}'s livelesson for its owner when nobody holds it, its owner already does, or the holder is
     * one {@code takeOver} accepts (a dead process); atomically.
     */
    public ClaimAttempt tryClaim(Claim wanted, Predicate<Claim> takeOver) {
        boolean[] taken = new boolean[1];
        Optional<Claim> before = store.replace(SqliteStore.Table.CLAIMS, wanted.liveLessonId(), Claim.class, held -> {
            taken[0] = held.isEmpty() || held.get().owner().equals(wanted.owner()) || takeOver.test(held.get());
            return taken[0] ? Optional.of(wanted) : held;
        });
        return new ClaimAttempt(taken[0], before);
    }

    /** Drops {@code owner}'s claim of the livelesson (another owner's stays). */
    public void release(String liveLessonId, String owner) {
        store.replace(SqliteStore.Table.CLAIMS, liveLessonId, Claim.class,
                held -> held.filter(c -> !c.owner().equals(owner)));
    }

    public Optional<Claim> claim(String liveLessonId) {
        return store.get(SqliteStore.Table.CLAIMS, liveLessonId, Claim.class);
    }

    public List<Claim> claims() {
        return store.list(SqliteStore.Table.CLAIMS, Claim.class);
    }

    /** {@code owner} is alive at {@code now}. */
    public void beat(String owner, Instant now) {
        store.putAll(SqliteStore.Table.OWNERS, List.of(new OwnerBeat(owner, now)), OwnerBeat::owner);
    }

    public Optional<OwnerBeat> lastBeat(String owner) {
        return store.get(SqliteStore.Table.OWNERS, owner, OwnerBeat.class);
    }

    public List<OwnerBeat> owners() {
        return store.list(SqliteStore.Table.OWNERS, OwnerBeat.class);
    }

    /** Forgets an owner that has stopped (its claims must be released first). */
    public void forgetOwner(String owner) {
        store.delete(SqliteStore.Table.OWNERS, owner);
    }

    /** Records that livelesson {@code liveLessonId} is to be deleted (kept as first asked when asked again). */
    public void requestDeletion(String liveLessonId, Instant at) {
        store.replace(SqliteStore.Table.DELETIONS, liveLessonId, DeletionRequest.class,
                held -> held.isPresent() ? held : Optional.of(new DeletionRequest(liveLessonId, at)));
    }

    public boolean deletionRequested(String liveLessonId) {
        return store.get(SqliteStore.Table.DELETIONS, liveLessonId, DeletionRequest.class).isPresent();
    }

    public List<DeletionRequest> deletions() {
        return store.list(SqliteStore.Table.DELETIONS, DeletionRequest.class);
    }

    /** The livelesson is gone: its deletion is done. */
    public void clearDeletion(String liveLessonId) {
        store.delete(SqliteStore.Table.DELETIONS, liveLessonId);
    }

    /** Records (or replaces) the stack's pending destroy. */
    public void putDestroy(PendingDestroy destroy) {
        store.putAll(SqliteStore.Table.DESTROYS, List.of(destroy), PendingDestroy::liveLessonId);
    }

    public Optional<PendingDestroy> pendingDestroy(String liveLessonId) {
        return store.get(SqliteStore.Table.DESTROYS, liveLessonId, PendingDestroy.class);
    }

    public List<PendingDestroy> pendingDestroys() {
        return store.list(SqliteStore.Table.DESTROYS, PendingDestroy.class);
    }

    /** The stack is destroyed: nothing pending any more. */
    public void removeDestroy(String liveLessonId) {
        store.delete(SqliteStore.Table.DESTROYS, liveLessonId);
    }

    /** Closes an in-memory ledger; one on a {@link SqliteDataManager} closes with it. */
    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }
}
