package io.antidote.tf.stack.local;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.EvidenceSection;
import io.antidote.tf.stack.FailureEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The local target's evidence: the configuration its resources ran ({@value LocalStackSynthesizer#CONFIGURATION_LOG}
 * in the stack's directory). What a failing hook printed is in terraform's diagnostics already.
 */
final class LocalEvidence implements FailureEvidence {
    @Override
    public List<EvidenceSection> collect(LiveLesson live, Path workspace) {
        Path log = workspace.resolve(LocalStackSynthesizer.CONFIGURATION_LOG);
        String title = LocalStackSynthesizer.CONFIGURATION_LOG;
        try {
            return List.of(new EvidenceSection(title, Files.readString(log)));
        } catch (NoSuchFileException e) {
            return List.of(new EvidenceSection(title, "(none: no configuration ran)"));
        } catch (IOException e) {
            return List.of(new EvidenceSection(title, "(cannot be read: " + e.getMessage() + ")"));
        }
    }
}
