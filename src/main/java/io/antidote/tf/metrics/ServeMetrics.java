package io.antidote.tf.metrics;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.scheduler.RequestListener;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.PendingDestroy;
import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What {@code serve} exposes on {@code /metrics}, in Prometheus' text format: livelessons and livesessions in the
 * state store (read at each scrape), how long each request took (a histogram per operation and outcome), terraform
 * commands run and failed (per phase), and the scheduler's queue. It listens to the scheduler
 * ({@link RequestListener}) and to the terraform runner ({@link TerraformListener}); nothing else is recorded, and
 * no label carries a livelesson ID, a lesson text or a secret.
 */
public final class ServeMetrics implements RequestListener, TerraformListener {
    /** Request duration buckets, seconds: a CREATE takes minutes on a cloud, a DELETE seconds to minutes. */
    static final double[] REQUEST_BUCKETS = {0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram requests;
    private final Counter commands;
    private final Counter commandFailures;

    /** The request and terraform metrics; {@link #watch} adds those read at each scrape. */
    public ServeMetrics() {
        requests = Histogram.builder().name("antidote_request_duration_seconds")
                .help("How long the scheduler took for a lesson schedule request, by operation and outcome")
                .unit(Unit.SECONDS).labelNames("operation", "outcome").classicUpperBounds(REQUEST_BUCKETS)
                .classicOnly().register(registry);
        commands = Counter.builder().name("antidote_terraform_commands_total")
                .help("Terraform commands run for livelessons, by phase").labelNames("phase").register(registry);
        commandFailures = Counter.builder().name("antidote_terraform_command_failures_total")
                .help("Terraform commands that failed, timed out, stalled or were cancelled, by phase")
                .labelNames("phase").register(registry);
        for (Phase p : Phase.values()) {
            commands.labelValues(label(p));
            commandFailures.labelValues(label(p));
        }
    }

    /**
     * Adds the metrics read at each scrape. Call once.
     *
     * @param db the state store whose livelessons and livesessions are counted
     * @param waiting how many requests wait for this instance's scheduler
     * @param running how many requests this instance's scheduler runs now
     */
    public void watch(DataManager db, IntSupplier waiting, IntSupplier running) {
        GaugeWithCallback.builder().name("antidote_livelessons")
                .help("Livelessons in the state store, by status and error flag").labelNames("status", "error")
                .callback(cb -> countLiveLessons(db.listLiveLessons()).forEach((status, byError) -> {
                    cb.call(byError[0], status.name(), "false");
                    cb.call(byError[1], status.name(), "true");
                })).register(registry);
        GaugeWithCallback.builder().name("antidote_livesessions").help("Livesessions in the state store")
                .callback(cb -> cb.call(db.listLiveSessions().size())).register(registry);
        GaugeWithCallback.builder().name("antidote_scheduler_queue_depth")
                .help("Requests received by this instance's scheduler and not started yet")
                .callback(cb -> cb.call(waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("antidote_scheduler_requests_running")
                .help("Requests this instance's scheduler runs now")
                .callback(cb -> cb.call(running.getAsInt())).register(registry);
    }

    /**
     * Adds the metrics of stacks waiting to be destroyed, read from {@code ledger} at each scrape:
     * {@code antidote_stacks_pending_destroy} by reason ({@code retry}: a destroy failed; {@code kept}: a failed
     * livelesson's infrastructure kept for inspection) and {@code antidote_stacks_stuck}, the stacks whose destroy
     * failed {@code stuckAfter} times or more (alert on it: they may still cost). Call once.
     */
    public void watchDestroys(Ledger ledger, int stuckAfter) {
        GaugeWithCallback.builder().name("antidote_stacks_pending_destroy")
                .help("Stacks waiting to be destroyed, by reason (retry: a destroy failed; kept: kept for inspection)")
                .labelNames("reason").callback(cb -> {
                    List<PendingDestroy> all = ledger.pendingDestroys();
                    for (String reason : List.of(PendingDestroy.RETRY, PendingDestroy.KEPT)) {
                        cb.call(all.stream().filter(p -> p.reason().equals(reason)).count(), reason);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("antidote_stacks_stuck")
                .help("Stacks whose destroy failed stuckAfterAttempts times or more; still retried")
                .callback(cb -> cb.call(ledger.pendingDestroys().stream().filter(p -> p.attempts() >= stuckAfter)
                        .count())).register(registry);
    }

    private static Map<LiveLessonStatus, long[]> countLiveLessons(List<LiveLesson> all) {
        Map<LiveLessonStatus, long[]> counts = new EnumMap<>(LiveLessonStatus.class);
        for (LiveLessonStatus s : LiveLessonStatus.values()) {
            counts.put(s, new long[2]);
        }
        all.forEach(l -> counts.get(l.status())[l.error() ? 1 : 0]++);
        return counts;
    }

    @Override
    public void finished(LessonScheduleRequest request, Duration took, Throwable failure) {
        requests.labelValues(request.operation().name(), failure == null ? "ok" : "failed")
                .observe(took.toNanos() / 1e9);
    }

    @Override
    public void finished(Phase phase, Workspace workspace, boolean succeeded) {
        commands.labelValues(label(phase)).inc();
        if (!succeeded) {
            commandFailures.labelValues(label(phase)).inc();
        }
    }

    /** The content type of {@link #write}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Writes every metric, as of now, in Prometheus' text format. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    private static String label(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
