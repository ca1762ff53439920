package io.antidote.tf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The instance-wide strings that reach resource names, host names, image references and scripts follow a grammar;
 * an error names the file and the key and shows the value escaped.
 */
class ConfigGrammarTest {
    private static final Path ORIGIN = Path.of("antidote.yaml");

    private static AntidoteConfig parse(String key, String value) {
        String base = key.equals("instanceId") ? "curriculumDir: /c\n" : "instanceId: lab\ncurriculumDir: /c\n";
        return ConfigLoader.parse(base + key + ": " + value + "\n", ORIGIN);
    }

    private static void refused(String key, String value, String message) {
        assertThatThrownBy(() -> parse(key, value)).isInstanceOf(ConfigException.class)
                .hasMessage("antidote.yaml: " + key + ": " + message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "imageOrg | antidotelabs",
        "imageOrg | 123456789012.dkr.ecr.us-east-1.amazonaws.com/antidote",
        "imageOrg | localhost:5000/labs/curriculum",
        "imageOrg | my_org.team-a",
        "hepsDomain | labs.example.org",
        "hepsDomain | localhost",
        "curriculumVersion | v2021.03.1",
        "curriculumVersion | latest",
    })
    void wellFormedValuesAreAccepted(String key, String value) {
        assertThat(parse(key, value)).isNotNull();
    }

    @Test
    void anInstanceIdIsAShortDnsLabel() {
        refused("instanceId", "'lab;id'", "'lab;id' must be a DNS label: lower-case letters, digits and inner hyphens "
                + "(it becomes part of DNS and resource names)");
        refused("instanceId", "abcdefghijklmnopqrstu", "'abcdefghijklmnopqrstu' has 21 characters, more than the 20 "
                + "allowed (it becomes part of DNS and resource names)");
    }

    @Test
    void hepsDomainIsADnsName() {
        refused("hepsDomain", "'labs.example.org;id'", "'labs.example.org;id' must be a DNS name: lower-case letters, "
                + "digits and inner hyphens in labels separated by dots");
        refused("hepsDomain", "Labs.Example.org", "'Labs.Example.org' must be a DNS name: lower-case letters, digits "
                + "and inner hyphens in labels separated by dots");
        refused("hepsDomain", "a".repeat(64) + ".org", "'" + "a".repeat(60) + "...' must have labels of at most 63 "
                + "characters, one has 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'Antidote'", "'a/$(id)'", "'org/'", "'${file(\"/etc/hostname\")}'", "'-org'",
        "'bad host:99999999/x'"})
    void imageOrgIsADockerRepositoryPrefix(String value) {
        assertThatThrownBy(() -> parse("imageOrg", value)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("antidote.yaml: imageOrg: '")
                .hasMessageContaining("must ");
    }

    @Test
    void curriculumVersionIsADockerTagAndTheValueIsShownEscaped() {
        refused("curriculumVersion", "\"v1\\nEOF\"", "'v1\\nEOF' must be a Docker tag: letters, digits, '_', '.' and "
                + "'-', not starting with '.' or '-'");
        refused("curriculumVersion", "'.hidden'", "'.hidden' must be a Docker tag: letters, digits, '_', '.' and "
                + "'-', not starting with '.' or '-'");
        refused("curriculumVersion", "\"\\e[31mred\"", "'\\u001B[31mred' must be a Docker tag: letters, digits, '_', "
                + "'.' and '-', not starting with '.' or '-'");
    }
}
