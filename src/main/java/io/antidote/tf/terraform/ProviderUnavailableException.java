package io.antidote.tf.terraform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thrown when {@code terraform init} could not install a provider the stack requires: not in the provider mirror
 * (as the kubernetes provider on a machine whose mirror holds only aws), not downloadable, or no version matching the
 * constraint. {@link #reason()} says which provider and why, on one line.
 */
public class ProviderUnavailableException extends TerraformCommandException {
    private static final long serialVersionUID = 1L;
    private static final Pattern PROVIDER = Pattern.compile("provider ((?:[\\w.-]+/)?[\\w-]+/[\\w-]+)");
    private final String provider;
    private final String reason;

    public ProviderUnavailableException(RunReport report, Diagnostic diagnostic) {
        super(describe(diagnostic), report);
        this.provider = provider(diagnostic);
        this.reason = describe(diagnostic);
    }

    /** The provider terraform could not install ({@code hashicorp/kubernetes}), or empty when it did not say. */
    public String provider() {
        return provider;
    }

    /** One line: which provider terraform cannot install and what it said. */
    public String reason() {
        return reason;
    }

    /** True when {@code d} is one of terraform's errors about installing a provider. */
    static boolean isInstallError(Diagnostic d) {
        String s = d.summary().toLowerCase(Locale.ROOT);
        return d.isError() && (s.contains("available provider packages") || s.contains("failed to install provider")
                || s.contains("incompatible provider version") || s.contains("provider not found"));
    }

    private static String provider(Diagnostic d) {
        Matcher m = PROVIDER.matcher(d.detail());
        return m.find() ? m.group(1) : "";
    }

    private static String describe(Diagnostic d) {
        String provider = provider(d);
        String detail = d.detail().replaceAll("\\s+", " ").strip();
        return "terraform cannot install the provider" + (provider.isEmpty() ? "" : " " + provider) + " ("
                + d.summary() + (detail.isEmpty() ? "" : ": " + detail) + "); put it in the provider mirror of"
                + " runner.cliConfigFile or let terraform download it";
    }
}
