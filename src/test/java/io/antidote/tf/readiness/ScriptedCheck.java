package io.antidote.tf.readiness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A check that answers from a script, repeating its last answer when the script runs out. */
final class ScriptedCheck implements ReadinessCheck {
    private final CheckTarget target;
    private final List<CheckOutcome> script;
    final AtomicInteger attempts = new AtomicInteger();

    ScriptedCheck(String endpoint, int port, CheckOutcome... script) {
        this.target = new CheckTarget(endpoint, CheckKind.TCP, "127.0.0.1", port);
        this.script = List.of(script);
    }

    /** Not ready {@code notYetRounds} times, then ready. */
    static ScriptedCheck readyAfter(String endpoint, int port, int notYetRounds) {
        CheckOutcome[] s = new CheckOutcome[notYetRounds + 1];
        for (int i = 0; i < notYetRounds; i++) {
            s[i] = CheckOutcome.notYet("booting");
        }
        s[notYetRounds] = CheckOutcome.ready("up");
        return new ScriptedCheck(endpoint, port, s);
    }

    @Override
    public CheckTarget target() {
        return target;
    }

    @Override
    public CheckOutcome attempt(Duration timeout) {
        int n = attempts.getAndIncrement();
        return script.get(Math.min(n, script.size() - 1));
    }
}
