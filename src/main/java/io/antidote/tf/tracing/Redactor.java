package io.antidote.tf.tracing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs, spans, terraform output files and messages: the given secret strings
 * wherever they occur (values shorter than {@value #MIN_SECRET_LENGTH} characters are ignored: masking them would
 * shred ordinary text), AWS key IDs ({@code AKIA...}, {@code ASIA...}, {@code AIDA...}, {@code AROA...}), passwords
 * in URLs ({@code https://user:pw@host}), and the value of any {@code key=value} or {@code key: value} whose key names
 * a secret ({@code password}, {@code aws_secret_access_key}, {@code aws_session_token}, {@code secret_key},
 * {@code token}, ...). Immutable. The one redactor of the project (the terraform runner uses it too).
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Masks the known patterns only. */
    public static final Redactor DEFAULT = new Redactor(List.of());

    /** Configured secrets shorter than this are not masked. */
    public static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA)[0-9A-Z]{12,}\\b");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)([a-z0-9_.-]*(?:password|passwd|pwd|secret|token|credential)[a-z0-9_.-]*[\"']?\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s,;&\"')}\\]]+)");

    /** Every match of {@link #SECRET_VALUE} contains one of these (lower case): a cheap test before the regex. */
    private static final List<String> SECRET_KEYWORDS =
            List.of("password", "passwd", "pwd", "secret", "token", "credential");

    /** Every match of {@link #AWS_ACCESS_KEY_ID} starts with one of these. */
    private static final List<String> AWS_KEY_PREFIXES = List.of("AKIA", "ASIA", "AIDA", "AROA");

    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)([^@\\s/]+)(@)");

    private final List<String> secrets;

    private Redactor(Collection<String> secrets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                distinct.add(s);
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** A redactor that also masks {@code more} (null and too short strings are ignored). */
    public Redactor withSecrets(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new Redactor(all);
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        // The regexes run only where they can match: most lines (terraform's JSON stream) hold none of the
        // markers, and the secret-value regex is by far the most expensive step of a line's processing.
        if (containsAny(out, AWS_KEY_PREFIXES)) {
            out = AWS_ACCESS_KEY_ID.matcher(out).replaceAll(MASK);
        }
        if (out.contains("://")) {
            out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "$3");
        }
        if (!containsAny(out.toLowerCase(Locale.ROOT), SECRET_KEYWORDS)) {
            return out;
        }
        Matcher m = SECRET_VALUE.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
