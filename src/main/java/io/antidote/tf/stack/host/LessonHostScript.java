package io.antidote.tf.stack.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lesson host script ({@code lesson-host.sh}, beside this class): the one program that runs a livelesson's
 * endpoints on a machine with a Docker engine. Every target runs these same bytes; only the plan (data, see
 * {@link PlanFile}) and how the script reaches the machine differ. Actions: {@code up}, {@code configure STAGE},
 * {@code down}. It reads the plan from the environment variable {@value #PLAN_VARIABLE}, else from {@code plan.sh}
 * beside itself; {@code up} keeps both in the livelesson's state directory.
 */
public final class LessonHostScript {
    /** The environment variable holding the plan's text. */
    public static final String PLAN_VARIABLE = "ANTIDOTE_LESSON_PLAN";
    /** The environment variable holding the script's text when it runs as {@code bash -c 'eval ...'}. */
    public static final String SCRIPT_VARIABLE = "ANTIDOTE_LESSON_HOST";
    /** {@code $0} when the script runs as {@code bash -c 'eval "$ANTIDOTE_LESSON_HOST"' lesson-host <action>}. */
    public static final String NAME = "lesson-host";
    private static final String TEXT = load();

    private LessonHostScript() {
    }

    /** The script's text. */
    public static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = LessonHostScript.class.getResourceAsStream("lesson-host.sh")) {
            if (in == null) {
                throw new IllegalStateException("lesson-host.sh is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lesson-host.sh", e);
        }
    }
}
