package io.antidote.tf.backend.terraform;

import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.OwnerBeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Who owns a claim: this process's identity in the ledger, {@code <boot id>/<pid>/<start time>}, and whether the
 * owner of a claim is still alive. On this machine and boot the answer is certain and immediate: the process with that
 * pid exists and started at that time (a pid reused after a {@code kill -9} has another start time). Elsewhere (another
 * machine sharing the state), it is the owner's heartbeat: alive while it beat within {@link #STALE}.
 *
 * @param token this process's identity
 * @param bootId this machine's boot ({@code /proc/sys/kernel/random/boot_id})
 */
record ProcessOwner(String token, String bootId) {
    /** An owner on another machine that has not beaten for this long is gone. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final Path PROC = Path.of("/proc");

    /** This process. */
    static ProcessOwner current() {
        long pid = ProcessHandle.current().pid();
        String boot = bootIdOfThisMachine();
        return new ProcessOwner(boot + "/" + pid + "/" + startTime(pid).orElse("0"), boot);
    }

    /** The process that holds {@code owner}'s token is gone (per the rules above). */
    boolean isGone(String owner, Ledger ledger, Clock clock) {
        if (owner.equals(token)) {
            return false;
        }
        String[] parts = owner.split("/");
        if (parts.length == 3 && parts[0].equals(bootId)) {
            return startTime(Long.parseLong(parts[1])).map(t -> !t.equals(parts[2])).orElse(true);
        }
        Optional<OwnerBeat> beat = ledger.lastBeat(owner);
        return beat.isEmpty() || beat.get().beat().plus(STALE).isBefore(clock.instant());
    }

    /** The pid in an owner's token, for messages. */
    static String pidOf(String owner) {
        String[] parts = owner.split("/");
        return parts.length == 3 ? parts[1] : owner;
    }

    private static String bootIdOfThisMachine() {
        try {
            return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            return "unknown-boot";
        }
    }

    /**
     * Field 22 of {@code /proc/<pid>/stat} (start time in clock ticks since boot); empty when there is no such process
     * or it is a zombie (dead, not yet reaped).
     */
    static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[0].equals("Z") ? Optional.empty() : Optional.of(fields[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
