package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grammars of the strings that reach the lesson host, names and tags (docs/curriculum.md, "Grammars"): each
 * broken on purpose in a copy of the valid curriculum.
 */
class GrammarRulesTest {
    private static final String VQFX = "images/vqfx/image.meta.yaml";
    private static final String SANDBOX = "lessons/sandbox/lesson.meta.yaml";
    private static final String ROUTING = "lessons/routing/lesson.meta.yaml";
    private static final String VQFX_BROKEN = ROUTING + ": endpoints[1].image: image \"vqfx\" did not load "
            + "(see the problems of images/vqfx/image.meta.yaml)";
    private static final List<String> WITHOUT_ROUTING = List.of("basics", "sandbox");
    private static final List<String> WITHOUT_SANDBOX = List.of("basics", "routing");
    private static final String IFACE = "must be a network interface name: a lower-case letter, then lower-case "
            + "letters, digits, '_', '.' and '-', got ";

    @TempDir
    Path tmp;

    private Fixture vqfx(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(VQFX, from, to);
    }

    private Fixture sandbox(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(SANDBOX, from, to);
    }

    @Test
    void interfaceNamesAreShortLinuxNamesListedOnceAndNeverLoOrAGeneratedName() {
        vqfx("networkInterfaces: [em3, em4]", "networkInterfaces: [em3, Em4, em3, lo, net9, em-extra-long-name, net1]")
                .assertExactly(WITHOUT_ROUTING,
                        VQFX + ": networkInterfaces[1]: " + IFACE + "\"Em4\"",
                        VQFX + ": networkInterfaces[2]: \"em3\" is listed twice",
                        VQFX + ": networkInterfaces[3]: lo is the loopback interface and cannot be listed",
                        VQFX + ": networkInterfaces[4]: \"net9\" is the name given to connection 9's interface when the "
                                + "list is shorter; use another name",
                        VQFX + ": networkInterfaces[5]: has 18 characters, more than the 15 allowed, got "
                                + "\"em-extra-long-name\"",
                        VQFX_BROKEN);
    }

    @Test
    void usersArePortableUserNames() {
        vqfx("sshUser: antidote", "sshUser: '-oProxyCommand=id'").edit(VQFX, "configUser: antidote",
                "configUser: \"root\\nCONFIGURE\"").assertExactly(WITHOUT_ROUTING,
                VQFX + ": sshUser: must be a portable user name: letters, digits, '.', '_' and '-', starting with a "
                        + "letter, digit or '_', got \"-oProxyCommand=id\"",
                VQFX + ": configUser: must be a portable user name: letters, digits, '.', '_' and '-', starting with a "
                        + "letter, digit or '_', got \"root\\nCONFIGURE\"",
                VQFX_BROKEN);
    }

    @Test
    void passwordsArePrintableAsciiAndNeverShown() {
        vqfx("sshPassword: antidotepassword", "sshPassword: \"s3cret\\nEOF\"")
                .edit(VQFX, "configPassword: antidotepassword", "configPassword: 'p\u00e4ss'")
                .assertExactly(WITHOUT_ROUTING,
                        VQFX + ": sshPassword: must be printable ASCII (space to '~'); character 7 is not",
                        VQFX + ": configPassword: must be printable ASCII (space to '~'); character 2 is not",
                        VQFX_BROKEN);
        Fixture.copyOf("valid", tmp.resolve("long")).edit(VQFX, "sshPassword: antidotepassword",
                "sshPassword: '" + "p".repeat(129) + "'").assertExactly(WITHOUT_ROUTING, VQFX + ": sshPassword: has 129 characters, more than the 128 allowed",
                        VQFX_BROKEN);
    }

    @Test
    void aNameIsOneVisibleLineAndADescriptionMayHaveNewlinesButNoControlCharacters() {
        sandbox("name: Sandbox", "name: \"Sand\\nbox\"")
                .edit(SANDBOX, "description: A place to play.", "description: \"A place\\n\\tto play.\\e[2J\"")
                .assertExactly(WITHOUT_SANDBOX,
                        SANDBOX + ": name: must not contain a newline (U+000A) (character 5); it is a single line, got "
                                + "\"Sand\\nbox\"",
                        SANDBOX + ": description: must not contain a control character (U+001B) (character 18), got "
                                + "\"A place\\n\\tto play.\\u001B[2J\"");
    }

    @Test
    void bidirectionalOverridesAndOverlongTextAreProblems() {
        sandbox("shortDescription: Sandbox", "shortDescription: \"Sand\\u202Exob\"")
                .edit(SANDBOX, "tier: local", "tier: local\ntags: ['" + "t".repeat(65) + "']")
                .assertExactly(WITHOUT_SANDBOX,
                        SANDBOX + ": shortDescription: must not contain an invisible formatting character (U+202E) "
                                + "(character 5); it is a single line, got \"Sand\\u202Exob\"",
                        SANDBOX + ": tags[0]: has 65 characters, more than the 64 allowed, got \"" + "t".repeat(60)
                                + "...\"");
    }

    @Test
    void linksAreHttpUrls() {
        Fixture.copyOf("valid", tmp).edit(ROUTING, "diagram: https://example.org/routing.png",
                        "diagram: javascript:alert(1)")
                .edit(ROUTING, "stageVideo: https://example.org/video", "stageVideo: 'https://exa mple.org/v'")
                .assertExactly(WITHOUT_ROUTING,
                        ROUTING + ": diagram: must be an http:// or https:// URL without spaces, got "
                                + "\"javascript:alert(1)\"",
                        ROUTING + ": stages[0].stageVideo: must be an http:// or https:// URL without spaces, got "
                                + "\"https://exa mple.org/v\"");
    }

    @Test
    void prerequisitesAndTheCollectionAreSlugsAndNotReportedTwice() {
        sandbox("tier: local", "tier: local\nprereqs: [basics, '../x']\ncollection: '-acme'")
                .assertExactly(WITHOUT_SANDBOX,
                        SANDBOX + ": collection: must be lower-case letters and inner hyphens (^[a-z][a-z-]*[a-z]$), got "
                                + "\"-acme\"",
                        SANDBOX + ": prereqs[1]: must be lower-case letters and inner hyphens (^[a-z][a-z-]*[a-z]$), got "
                                + "\"../x\"");
    }

    @Test
    void readyDelayIsBoundedSoACreateNeverSleepsForDecades() {
        sandbox("tier: local", "tier: local\nreadyDelay: 2147483647").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": readyDelay: must be in 0..600 seconds, got 2147483647");
        Fixture.copyOf("valid", tmp.resolve("longest")).edit(SANDBOX, "tier: local", "tier: local\nreadyDelay: 600")
                .assertExactly(List.of("basics", "routing", "sandbox"));
    }

    @Test
    void aLessonDirectoryIsNamedAfterItsSlug() throws IOException {
        Fixture f = Fixture.copyOf("valid", tmp);
        Files.move(f.path("lessons/sandbox"), f.path("lessons/sandbox-copy"));
        f.assertExactly(List.of("basics", "routing"), "lessons/sandbox-copy/lesson.meta.yaml: slug: \"sandbox\" must "
                + "equal its directory name \"sandbox-copy\" (lessons/<slug>/: the directory reaches paths and commands "
                + "on the lesson host)");
    }

    @Test
    void aGuideOrAConfigurationFileBiggerThanItsBoundIsAProblem() throws IOException {
        Fixture f = Fixture.copyOf("valid", tmp);
        f.write("lessons/sandbox/stage0/guide.md", "#".repeat((int) CurriculumFiles.MAX_GUIDE_BYTES + 1));
        f.write("lessons/basics/stage0/configs/linux1.py", "#".repeat((int) CurriculumFiles.MAX_CONFIGURATION_BYTES + 1));
        f.assertExactly(List.of("routing"),
                "lessons/basics/lesson.meta.yaml: endpoints[0].configurationType: stage0/configs/linux1.py is 1048577 "
                        + "bytes, more than the 1048576 allowed",
                SANDBOX + ": stages[0].guideType: stage0/guide.md is 1048577 bytes, more than the 1048576 allowed");
    }

    @Test
    void aMetaFileThatIsNotUtf8IsOneProblem() throws IOException {
        Fixture f = Fixture.copyOf("valid", tmp);
        Files.write(f.path(SANDBOX), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
        f.assertExactly(WITHOUT_SANDBOX, SANDBOX + ": is not UTF-8 text");
    }
}
