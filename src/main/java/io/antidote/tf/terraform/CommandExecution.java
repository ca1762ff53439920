package io.antidote.tf.terraform;

import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.tracing.Redactor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one terraform command under the concurrency cap and collects what it printed: events to the span recorder and
 * the listener, diagnostics, the change summary, redacted head/tail and log file, and (for document commands such as
 * {@code output -json}) the raw stdout, which is never logged.
 */
final class CommandExecution {
    /** What one command produced. */
    record Result(ProcessSupervisor.Outcome outcome, RunReport report, String document, PlanSummary summary,
            Map<String, Duration> timings, List<String> drift) {
    }

    private final RunnerConfig config;
    private final Path binary;
    private final ChildEnvironment env;
    private final Redactor redactor;
    private final Semaphore slots;
    private final TerraformListener listener;
    private final ProcessSupervisor supervisor = new ProcessSupervisor();

    CommandExecution(RunnerConfig config, Path binary, ChildEnvironment env, Redactor redactor, Semaphore slots,
            TerraformListener listener) {
        this.config = config;
        this.binary = binary;
        this.env = env;
        this.redactor = redactor;
        this.slots = slots;
        this.listener = listener;
    }

    Result run(Phase phase, Workspace ws, Path dir, List<String> args, boolean document, SpanRecorder recorder) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(args);
        OutputBuffer buffer = new OutputBuffer(40);
        List<Diagnostic> diagnostics = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<PlanSummary> summary = new AtomicReference<>();
        List<String> drift = java.util.Collections.synchronizedList(new ArrayList<>());
        StringBuilder doc = new StringBuilder();
        ProcessSupervisor.Limits limits = new ProcessSupervisor.Limits(phase.timeout(config),
                Duration.ofSeconds(config.stallTimeoutSeconds()), Duration.ofSeconds(config.cancelGraceSeconds()));
        ProcessSupervisor.Outcome outcome;
        try (BufferedWriter log = logFile(ws, phase)) {
            ProcessSupervisor.LineSink sink = (stderr, line) -> {
                if (document && !stderr) {
                    synchronized (doc) {
                        doc.append(line).append('\n');
                    }
                    return;
                }
                String clean = redactor.redact(line);
                buffer.add(clean);
                write(log, clean);
                TerraformEvent event = EventParser.parse(line);
                if (event instanceof TerraformEvent.DiagnosticLine d) {
                    diagnostics.add(d.diagnostic().redactedWith(redactor));
                } else if (event instanceof TerraformEvent.ChangeSummary s) {
                    summary.set(s.summary());
                } else if (event instanceof TerraformEvent.PlannedChange c && c.drift()) {
                    drift.add(c.address() + ": " + c.action() + " outside terraform");
                } else if (event instanceof TerraformEvent.Outputs o) {
                    o.actionByName().forEach((name, action) -> {
                        if (!action.equals("noop")) {
                            drift.add("output " + name + ": " + action);
                        }
                    });
                }
                recorder.record(event);
                listener.event(phase, ws, event);
            };
            slots.acquire();
            try {
                outcome = supervisor.run(argv, dir, env.variables(), limits, sink,
                        pid -> listener.started(phase, ws, pid));
            } finally {
                slots.release();
            }
        } catch (IOException e) {
            throw new TerraformException("could not run `" + String.join(" ", argv) + "` in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TerraformException("interrupted while running `" + String.join(" ", argv) + "`", e);
        }
        List<String> shown = argv.stream().map(redactor::redact).toList();
        RunReport report = new RunReport(shown, dir, outcome.ending() == ProcessSupervisor.Ending.EXITED
                ? outcome.exitCode() : -1, diagnostics, buffer.head(), buffer.tail());
        return new Result(outcome, report, doc.toString(), summary.get(), recorder.timings(), List.copyOf(drift));
    }

    /** Tells the listener that a command of {@code ws} ended; a throwing listener is logged and ignored. */
    void finished(Phase phase, Workspace ws, boolean succeeded) {
        try {
            listener.finished(phase, ws, succeeded);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CommandExecution.class).warn("a terraform listener failed: {}", e.toString());
        }
    }

    private static BufferedWriter logFile(Workspace ws, Phase phase) throws IOException {
        if (ws == null || !Files.isDirectory(ws.logsDir())) {
            return new BufferedWriter(java.io.Writer.nullWriter());
        }
        return Files.newBufferedWriter(ws.logsDir().resolve(phase.name().toLowerCase(java.util.Locale.ROOT) + ".log"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void write(BufferedWriter log, String line) {
        try {
            synchronized (log) {
                log.write(line);
                log.newLine();
            }
        } catch (IOException e) {
            // the log file is a convenience; the output is still in the span and the exception
        }
    }
}
