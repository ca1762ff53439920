package io.antidote.tf.dryrun;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shows a plan run as it goes: on a terminal one live line rewritten in place ({@link #live}), otherwise one plain
 * line per finished stack, a log ({@link #log}). Called from several threads.
 */
public abstract class Progress {
    private final int total;
    private int done;
    private int failed;
    private final Set<String> running = new TreeSet<>();
    private boolean silent;
    protected final PrintWriter out;

    Progress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** A live line on a terminal. */
    public static Progress live(PrintWriter out, int total) {
        return new Progress(out, total) {
            @Override
            void show(String lesson, StackOutcome outcome, String status) {
                String line = status;
                if (line.length() > 118) {
                    line = line.substring(0, 115) + "...";
                }
                out.print("\r\033[2K" + line);
                if (outcome != null && !outcome.ok()) {
                    out.print("\r\033[2K" + "failed: " + lesson + " (" + outcome.result() + ")\n" + line);
                }
                out.flush();
            }

            @Override
            void end() {
                out.print("\r\033[2K");
                out.flush();
            }
        };
    }

    /** Plain lines, for CI logs. */
    public static Progress log(PrintWriter out, int total) {
        return new Progress(out, total) {
            @Override
            void show(String lesson, StackOutcome outcome, String status) {
                if (outcome == null) {
                    return;
                }
                String what = outcome.ok() ? "planned, " + outcome.summary().add() + " to add, "
                        + outcome.summary().change() + " to change, " + outcome.summary().remove() + " to destroy"
                        : outcome.result() + ": " + outcome.error();
                out.printf(Locale.ROOT, "[%d/%d] %s: %s (%.1f s)%n", doneCount(), total(), lesson, what,
                        outcome.elapsed().toMillis() / 1000.0);
                out.flush();
            }

            @Override
            void end() {
            }
        };
    }

    /** Nothing at all. */
    public static Progress none() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), 0) {
            @Override
            void show(String lesson, StackOutcome outcome, String status) {
            }

            @Override
            void end() {
            }
        };
    }

    abstract void show(String lesson, StackOutcome outcome, String status);

    abstract void end();

    synchronized void step(String lesson, String step) {
        if (silent) {
            return;
        }
        running.add(lesson);
        show(lesson, null, status(lesson + ": " + step));
    }

    synchronized void finished(StackOutcome outcome) {
        if (silent) {
            return;
        }
        running.remove(outcome.lesson());
        done++;
        if (!outcome.ok()) {
            failed++;
        }
        show(outcome.lesson(), outcome, status(null));
    }

    /** Shows no more outcomes: the run ends with one error line instead ({@link MissingProvider}). */
    synchronized void silence() {
        silent = true;
    }

    synchronized void close() {
        end();
    }

    synchronized int doneCount() {
        return done;
    }

    int total() {
        return total;
    }

    private String status(String latest) {
        return "[" + done + "/" + total + "] " + failed + " failed; running: " + String.join(", ", running)
                + (latest == null ? "" : " (" + latest + ")");
    }
}
