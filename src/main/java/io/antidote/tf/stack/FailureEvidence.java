package io.antidote.tf.stack;

import io.antidote.tf.live.LiveLesson;
import java.nio.file.Path;
import java.util.List;

/**
 * A target's way of gathering what explains a failed livelesson, beyond terraform's own diagnostics (which the
 * backend records for every target): the docker target reads the lesson host's logs and the endpoints' container
 * logs, AWS says where an operator finds the host's, the local target shows what its configuration resources ran.
 * Called by the backend right after the failure, before anything is destroyed. Never throws: what cannot be read is
 * a section saying so. The backend redacts what it gets before it is stored or traced.
 */
@FunctionalInterface
public interface FailureEvidence {
    /** Nothing beyond terraform's diagnostics. */
    FailureEvidence NONE = (live, workspace) -> List.of();

    /** The evidence of {@code live}'s failure; {@code workspace} is its stack's directory (it may be missing). */
    List<EvidenceSection> collect(LiveLesson live, Path workspace);
}
