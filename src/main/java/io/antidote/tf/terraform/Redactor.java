package io.antidote.tf.terraform;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text before it is logged, traced or put in an exception: AWS access key IDs
 * ({@code AKIA...}, {@code ASIA...}), the value after {@code aws_secret_access_key} / {@code aws_session_token} /
 * {@code password} / {@code token}, and every configured secret value.
 */
public final class Redactor {
    static final String MASK = "****";
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\\b");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)(aws_secret_access_key|aws_session_token|secret_key|secret|password|token)(\"?\\s*[:=]\\s*\"?)([^\\s\",}]+)");
    private static final int MIN_SECRET_LENGTH = 4;
    private final List<String> secrets;

    /** A redactor that also masks each of {@code secrets} (values shorter than 4 characters are ignored). */
    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        out = ACCESS_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return NAMED_SECRET.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    }

    /** A redactor that masks this one's secrets and {@code more}. */
    public Redactor with(List<String> more) {
        return new Redactor(java.util.stream.Stream.concat(secrets.stream(), more.stream()).toList());
    }
}
