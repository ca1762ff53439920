package io.antidote.tf.backend.terraform;

import io.antidote.tf.readiness.CheckFactory;
import io.antidote.tf.readiness.ReadinessSettings;
import io.antidote.tf.readiness.Sleeper;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.state.Ledger;
import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.terraform.TerraformListener;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The seams of a {@link TerraformBackend}, production values by default ({@link #defaults()}).
 *
 * @param clock the time garbage collection compares LastActiveTime with
 * @param readyDelay sleeps the lesson's readyDelay (tests record it instead)
 * @param checks readiness checks; null: the real TCP/SSH checks
 * @param readiness readiness settings; null: {@code ReadinessSettings.from(backendConfigs.terraform)}
 * @param listener sees every terraform process and event
 * @param synthesizer the stack target; null: the one {@code backendConfigs.terraform.target} names
 * @param remoteListers listers of remote state (S3) besides the workspace directories, for PruneOrphans; null: the
 *        one the state configuration implies (S3 with {@code state.type: s3})
 * @param ledger where claims, deletions and pending destroys are kept, shared by every process of the same state
 *        database; null: one of this process only (in memory)
 */
public record BackendOptions(Clock clock, Sleeper readyDelay, CheckFactory checks, ReadinessSettings readiness,
        TerraformListener listener, StackSynthesizer synthesizer, List<StackLister> remoteListers, Ledger ledger) {

    public BackendOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(readyDelay, "readyDelay");
        listener = listener == null ? TerraformListener.NONE : listener;
        remoteListers = remoteListers == null ? null : List.copyOf(remoteListers);
    }

    public static BackendOptions defaults() {
        return new BackendOptions(Clock.systemUTC(), Sleeper.SYSTEM, null, null, null, null, null, null);
    }

    public BackendOptions withLedger(Ledger l) {
        return new BackendOptions(clock, readyDelay, checks, readiness, listener, synthesizer, remoteListers, l);
    }

    public BackendOptions withRemoteListers(List<StackLister> listers) {
        return new BackendOptions(clock, readyDelay, checks, readiness, listener, synthesizer, listers, ledger);
    }

    public BackendOptions withClock(Clock c) {
        return new BackendOptions(c, readyDelay, checks, readiness, listener, synthesizer, remoteListers, ledger);
    }

    public BackendOptions withReadyDelay(Sleeper s) {
        return new BackendOptions(clock, s, checks, readiness, listener, synthesizer, remoteListers, ledger);
    }

    public BackendOptions withReadiness(ReadinessSettings r) {
        return new BackendOptions(clock, readyDelay, checks, r, listener, synthesizer, remoteListers, ledger);
    }

    public BackendOptions withListener(TerraformListener l) {
        return new BackendOptions(clock, readyDelay, checks, readiness, l, synthesizer, remoteListers, ledger);
    }

    public BackendOptions withSynthesizer(StackSynthesizer s) {
        return new BackendOptions(clock, readyDelay, checks, readiness, listener, s, remoteListers, ledger);
    }
}
