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
 * Masks secrets in text bound for logs, spans, terraform output files and messages:
 *
 * <ul>
 *   <li>the secret values it knows, wherever they occur, as they are and in their JSON-escaped forms (escaped once
 *       or twice, as Jackson writes them and as Go writes them, {@code <>&} included): values shorter than
 *       {@value #MIN_SECRET_LENGTH} characters are ignored, masking them would shred ordinary text;</li>
 *   <li>AWS key IDs ({@code AKIA...}, {@code ASIA...}, {@code AIDA...}, {@code AROA...});</li>
 *   <li>the user-info of URLs, user and password alike ({@code nats://token@host}, {@code https://user:pw@host});</li>
 *   <li>bearer tokens and {@code Authorization} header values;</li>
 *   <li>PEM private key blocks ({@code -----BEGIN ... PRIVATE KEY-----} to its END line, or to the end of the text
 *       when it is cut off);</li>
 *   <li>the value of any {@code key=value} or {@code key: value} whose key names a secret ({@code password},
 *       {@code aws_secret_access_key}, {@code token}, ...).</li>
 * </ul>
 *
 * <p>{@link #shared()} is the process's one redactor: every log line (the logback layout
 * {@link RedactingLayout}), span helper ({@link Spans}), failure ({@link LiveLessonFailures}) and command-line error
 * goes through it, and the parts that learn secrets (the terraform backend: image passwords; the runner: the values
 * of {@code passEnv}) teach it with {@link #learn}. Other instances are fixed values ({@link #DEFAULT},
 * {@link #withSecrets}) for code and tests that need their own.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Configured secrets shorter than this are not masked. */
    public static final int MIN_SECRET_LENGTH = 4;

    /** Masks the known patterns only, and never learns. */
    public static final Redactor DEFAULT = new Redactor(List.of());

    private static final Redactor SHARED = new Redactor(List.of());

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA)[0-9A-Z]{12,}\\b");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)([a-z0-9_.-]*(?:password|passwd|pwd|secret|token|credential)[a-z0-9_.-]*[\"']?\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s,;&\"')}\\]]+)");
    private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/\\s@?#\"'<>]+(@)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\bauthorization[\"']?\\s*[=:]\\s*[\"']?(?:(?:basic|bearer|digest|token|negotiate)\\s+)?)[^\\s\"',;]+");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|\\z)", Pattern.DOTALL);

    /** Every match of {@link #SECRET_VALUE} contains one of these (lower case): a cheap test before the regex. */
    private static final List<String> SECRET_KEYWORDS =
            List.of("password", "passwd", "pwd", "secret", "token", "credential");

    /** Every match of {@link #AWS_ACCESS_KEY_ID} starts with one of these. */
    private static final List<String> AWS_KEY_PREFIXES = List.of("AKIA", "ASIA", "AIDA", "AROA");

    /** The secrets and their escaped forms, longest first; replaced whole when the redactor learns. */
    private volatile List<String> secrets;

    private Redactor(Collection<String> secrets) {
        this.secrets = forms(List.of(), secrets);
    }

    /** The process's one redactor, which knows every secret taught to it so far. */
    public static Redactor shared() {
        return SHARED;
    }

    /**
     * Teaches the {@linkplain #shared() shared redactor} {@code more} secrets (null and too short strings are
     * ignored) and returns it.
     */
    public static Redactor learn(Collection<String> more) {
        synchronized (SHARED) {
            SHARED.secrets = forms(SHARED.secrets, more);
        }
        return SHARED;
    }

    /**
     * The credentials in {@code url}'s user-info ({@code token} of {@code nats://token@host}; {@code user:pw}, and
     * {@code pw}, of {@code https://user:pw@host}), to {@link #learn}: then they are masked wherever they appear,
     * not only inside the URL. Empty when there are none or the URL does not parse.
     */
    public static List<String> urlCredentials(String url) {
        Matcher m = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/\\s@?#]+)@").matcher(url == null ? "" : url);
        if (!m.find()) {
            return List.of();
        }
        String userInfo = m.group(1);
        int colon = userInfo.indexOf(':');
        return colon < 0 ? List.of(userInfo) : List.of(userInfo, userInfo.substring(colon + 1));
    }

    /** A new redactor that masks what this one does now, and {@code more}; it does not learn later secrets. */
    public Redactor withSecrets(Collection<String> more) {
        return new Redactor(concat(secrets, more));
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        // The regexes run only where they can match: most lines (terraform's JSON stream) hold none of the
        // markers, and the secret-value regex is by far the most expensive step of a line's processing.
        if (out.contains("PRIVATE KEY-----")) {
            out = PRIVATE_KEY.matcher(out).replaceAll(r -> Matcher.quoteReplacement(
                    "-----BEGIN " + r.group(1) + "PRIVATE KEY-----" + MASK + "-----END " + r.group(1) + "PRIVATE KEY-----"));
        }
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        if (containsAny(out, AWS_KEY_PREFIXES)) {
            out = AWS_ACCESS_KEY_ID.matcher(out).replaceAll(MASK);
        }
        if (out.contains("://")) {
            out = URL_USER_INFO.matcher(out).replaceAll("$1" + MASK + "$2");
        }
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.contains("bearer")) {
            out = BEARER.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        }
        if (lower.contains("authorization")) {
            out = AUTHORIZATION.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        }
        if (!containsAny(lower, SECRET_KEYWORDS)) {
            return out;
        }
        Matcher m = SECRET_VALUE.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }

    private static List<String> concat(List<String> known, Collection<String> more) {
        List<String> all = new ArrayList<>(known);
        all.addAll(more);
        return all;
    }

    /** {@code known} and every form of each of {@code more}, distinct, longest first. */
    private static List<String> forms(List<String> known, Collection<String> more) {
        Set<String> distinct = new LinkedHashSet<>(known);
        for (String s : more) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                distinct.add(s);
                String json = JsonEscapes.minimal(s);
                String go = JsonEscapes.html(s);
                distinct.add(json);
                distinct.add(go);
                distinct.add(JsonEscapes.minimal(json));
                distinct.add(JsonEscapes.html(go));
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
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
        return (this == SHARED ? "Redactor[shared, " : "Redactor[") + secrets.size() + " secret forms]";
    }
}
