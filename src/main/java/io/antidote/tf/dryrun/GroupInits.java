package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.terraform.ProviderUnavailableException;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformException;
import io.antidote.tf.terraform.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code terraform init} per provider set of a batch run, on a root whose modules are placeholders
 * ({@link BatchRoot#writeInitRoot}); what it made is kept as an {@link InitTemplate} that every batch root of the
 * set, and every stack of the set planned on its own, starts from (a copy: symlinks into the plugin cache, the lock
 * file, the module manifest). What init does for such a root depends on the provider requirements alone (local
 * module sources, the local backend), so the init can run before the stacks exist, as soon as the lessons are
 * known and the target's requirements are expected ({@link #start} with them, while the first synthesis is still
 * loading CDKTF); a later group with the same requirements and a subset of the lessons uses it. An init that
 * failed fails every stack of its set at the init step, as each stack's own init would; one that could not install a
 * provider ends the run once a stack needs that set ({@link MissingProvider}, {@link #unavailable}).
 */
final class GroupInits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupInits.class);

    /** What an init of a provider set came to. */
    sealed interface Result {
    }

    /** Initialized: start from a copy of {@code template}. */
    record Ready(InitTemplate template) implements Result {
    }

    /** {@code terraform init} failed: every stack of the set fails at init with this. */
    record Failed(TerraformException error) implements Result {
    }

    /** Init succeeded but could not be kept (logged): each root runs its own. */
    record Own() implements Result {
    }

    private record Started(JsonNode requirements, Set<String> keys, CompletableFuture<Result> result) {
    }

    private final Terraform terraform;
    private final String instanceId;
    private final Executor executor;
    private final List<Started> started = new ArrayList<>();

    GroupInits(Terraform terraform, String instanceId, Executor executor) {
        this.terraform = terraform;
        this.instanceId = instanceId;
        this.executor = executor;
    }

    /**
     * The init for {@code requirements} covering the lessons {@code keys}: one already started that covers them,
     * or a new one, started now on the executor.
     */
    synchronized CompletableFuture<Result> start(JsonNode requirements, Set<String> keys) {
        for (Started s : started) {
            if (s.requirements().equals(requirements) && s.keys().containsAll(keys)) {
                return s.result();
            }
        }
        int n = started.size() + 1;
        Set<String> copy = Set.copyOf(keys);
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> init(n, requirements, copy), executor);
        started.add(new Started(requirements, copy, result));
        return result;
    }

    /**
     * The provider terraform could not install in a finished init for {@code requirements}, if one failed so: the
     * stacks of those requirements cannot be planned.
     */
    synchronized Optional<ProviderUnavailableException> unavailable(JsonNode requirements) {
        for (Started s : started) {
            if (s.requirements().equals(requirements) && s.result().isDone() && !s.result().isCompletedExceptionally()
                    && s.result().join() instanceof Failed f && f.error() instanceof ProviderUnavailableException p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Result init(int n, JsonNode requirements, Set<String> keys) {
        Workspace ws = terraform.workspaces().open(new StackId(instanceId, "init-" + n));
        try {
            BatchRoot.writeInitRoot(ws.dir(), requirements, keys);
            terraform.init(ws, null);
            Path dir = terraform.workspaces().root().resolve(".batch-init-" + n);
            try {
                return new Ready(InitTemplate.capture(ws, requirements, dir));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not keep what terraform init made in {}: {}", ws.dir(), e.toString());
                new InitTemplate(requirements, dir, "").discard();
                return new Own();
            }
        } catch (TerraformException e) {
            return new Failed(e);
        } catch (IOException e) {
            LOG.warn("could not write the init root in {}: {}", ws.dir(), e.toString());
            return new Own();
        } finally {
            try {
                terraform.workspaces().remove(ws);
            } catch (RuntimeException e) {
                // removed with the run's temporary work directory
            }
        }
    }

    /**
     * Removes the templates of finished inits; one still running or never run is abandoned (whatever it leaves is
     * in the run's work directory, removed as a whole).
     */
    @Override
    public synchronized void close() {
        for (Started s : started) {
            if (s.result().isDone() && !s.result().isCompletedExceptionally() && s.result().join() instanceof Ready r) {
                r.template().discard();
            } else {
                s.result().cancel(false);
            }
        }
    }
}
