package io.antidote.tf.terraform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thrown when terraform could not take the state lock because another process holds it. {@link #lockInfo()} holds
 * what terraform said about the holder (ID, Path, Operation, Who, Version, Created, Info).
 */
public class StateLockedException extends TerraformCommandException {
    private static final long serialVersionUID = 1L;
    private static final Pattern FIELD = Pattern.compile("^\\s*(ID|Path|Operation|Who|Version|Created|Info):\\s*(.*)$",
            Pattern.MULTILINE);
    private final Map<String, String> lockInfo;

    public StateLockedException(RunReport report, Diagnostic diagnostic) {
        super("the state is locked by another process", report);
        this.lockInfo = parse(diagnostic.detail());
    }

    /** The lock's fields as terraform printed them, e.g. {@code ID}, {@code Who}, {@code Operation}. */
    public Map<String, String> lockInfo() {
        return lockInfo;
    }

    /** True when {@code d} is terraform's "Error acquiring the state lock". */
    static boolean isLockError(Diagnostic d) {
        return d.isError() && d.summary().toLowerCase(java.util.Locale.ROOT).contains("acquiring the state lock");
    }

    static Map<String, String> parse(String detail) {
        Map<String, String> info = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(detail);
        while (m.find()) {
            info.putIfAbsent(m.group(1), m.group(2).trim());
        }
        return Map.copyOf(info);
    }
}
