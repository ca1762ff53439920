package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product and version a binary reported with {@code version -json}, and the supported range: Terraform
 * {@value #MIN_TERRAFORM} up to (excluding) 2.0, OpenTofu {@value #MIN_TOFU} or newer.
 */
public record TerraformVersion(Product product, int major, int minor, int patch, String text) {
    public static final String MIN_TERRAFORM = "1.5";
    public static final String MIN_TOFU = "1.6";
    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which CLI this is. */
    public enum Product { TERRAFORM, OPENTOFU }

    /**
     * Reads a {@code version -json} document. The product is OpenTofu when the document says so (a {@code tofu} or
     * {@code tofu_version} key) or when the binary is named {@code tofu}.
     */
    public static TerraformVersion parse(String document, String binary) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new TerraformOutputException("`" + binary + " version -json` printed no JSON document", null);
        }
        if (root == null || !root.isObject()) {
            throw new TerraformOutputException("`" + binary + " version -json` printed no JSON object", null);
        }
        boolean tofuKey = root.hasNonNull("tofu_version") || root.hasNonNull("tofu");
        String text = first(root, "tofu_version", "tofu", "terraform_version", "terraform");
        if (text == null) {
            throw new TerraformOutputException("`" + binary + " version -json` has no version field", null);
        }
        boolean tofu = tofuKey || binary.replaceAll(".*/", "").startsWith("tofu");
        return of(tofu ? Product.OPENTOFU : Product.TERRAFORM, text);
    }

    /** Parses {@code 1.11.4} (pre-release and build suffixes allowed). */
    public static TerraformVersion of(Product product, String text) {
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            throw new TerraformVersionException("version '" + text + "' is not MAJOR.MINOR.PATCH", text);
        }
        return new TerraformVersion(product, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), text.trim());
    }

    /** Whether this version is in the supported range. */
    public boolean supported() {
        return switch (product) {
            case TERRAFORM -> major == 1 && minor >= 5;
            case OPENTOFU -> major > 1 || (major == 1 && minor >= 6);
        };
    }

    /** Returns this version, or throws {@link TerraformVersionException} naming it and the range. */
    public TerraformVersion requireSupported(String binary) {
        if (!supported()) {
            String range = switch (product) {
                case TERRAFORM -> ">= " + MIN_TERRAFORM + ", < 2.0";
                case OPENTOFU -> ">= " + MIN_TOFU;
            };
            throw new TerraformVersionException("'" + binary + "' is " + product.name().toLowerCase() + " " + text
                    + ", which is not supported: this runner needs " + range, text);
        }
        return this;
    }

    /** Whether {@code init} accepts {@code -json} (Terraform 1.9+; OpenTofu 1.9+ too). */
    public boolean initSpeaksJson() {
        return major > 1 || minor >= 9;
    }

    private static String first(JsonNode root, String... keys) {
        for (String k : keys) {
            if (root.hasNonNull(k) && root.get(k).isTextual()) {
                return root.get(k).asText();
            }
        }
        return null;
    }
}
