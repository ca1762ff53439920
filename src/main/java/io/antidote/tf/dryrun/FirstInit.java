package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.terraform.ProviderUnavailableException;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-stack mode's {@code init}: the first stack's runs alone, and what it made is kept as an
 * {@link InitTemplate}; every later stack with the same provider requirements (and no modules) starts from a copy
 * of it and skips {@code init} (about 1.8 s of CPU per stack, hashing the cached provider); any other stack runs
 * its own (which the runner starts from the lock file of an earlier init of the same providers, if any).
 *
 * <p>The first {@code init} runs alone: an {@code init} without a dependency lock file re-installs the provider
 * into the shared plugin cache, pulling it from under the plans of other stacks that linked it ("there is no
 * package ... cached in .terraform/providers"). When it finds a provider terraform cannot install, the stacks
 * waiting for it run no {@code init} at all ({@link MissingProvider}).
 */
final class FirstInit implements StackPlanner.Init, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirstInit.class);
    private static final String TEMPLATE_DIR = ".init-template";
    private final Terraform terraform;
    private final MissingProvider missing;
    private final AtomicBoolean firstClaimed = new AtomicBoolean();
    private final CompletableFuture<Optional<InitTemplate>> template = new CompletableFuture<>();

    FirstInit(Terraform terraform, MissingProvider missing) {
        this.terraform = terraform;
        this.missing = missing;
    }

    @Override
    public void init(Workspace ws, String stackJson) throws IOException {
        Optional<JsonNode> requirements = InitTemplate.shareableRequirements(stackJson);
        if (firstClaimed.compareAndSet(false, true)) {
            Optional<InitTemplate> made = Optional.empty();
            try {
                terraform.init(ws, null);
                if (requirements.isPresent()) {
                    made = capture(ws, requirements.get());
                }
            } catch (ProviderUnavailableException e) {
                missing.found(e);
                throw e;
            } finally {
                template.complete(made);
            }
            return;
        }
        Optional<InitTemplate> shared = template.join();
        if (missing.isFound()) {
            return; // the stack is not planned
        }
        if (shared.isPresent() && requirements.isPresent() && shared.get().fits(requirements.get())) {
            shared.get().applyTo(ws);
            return;
        }
        terraform.init(ws, null);
    }

    /** The template of the first stack's init; without one (logged), every later stack runs its own init. */
    private Optional<InitTemplate> capture(Workspace ws, JsonNode requirements) {
        Path dir = terraform.workspaces().root().resolve(TEMPLATE_DIR);
        try {
            return Optional.of(InitTemplate.capture(ws, requirements, dir));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not keep what terraform init made in {} for the other stacks: {}", ws.dir(), e.toString());
            new InitTemplate(requirements, dir, "").discard();
            return Optional.empty();
        }
    }

    /** Removes the kept template. */
    @Override
    public void close() {
        template.complete(Optional.empty());
        template.join().ifPresent(InitTemplate::discard);
    }
}
