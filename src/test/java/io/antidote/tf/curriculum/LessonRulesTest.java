package io.antidote.tf.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on a lesson's own fields, each broken on purpose in a copy of the valid curriculum. */
class LessonRulesTest {
    private static final String SANDBOX = "lessons/sandbox/lesson.meta.yaml";
    private static final String BASICS = "lessons/basics/lesson.meta.yaml";
    private static final List<String> WITHOUT_SANDBOX = List.of("basics", "routing");

    private static final String ROUTING = "lessons/routing/lesson.meta.yaml";
    private static final List<String> WITHOUT_ROUTING = List.of("basics", "sandbox");

    @TempDir
    Path tmp;

    private Fixture sandbox(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(SANDBOX, from, to);
    }

    @Test
    void slugIsLowerCaseLettersAndHyphens() {
        sandbox("slug: sandbox", "slug: sand_box2").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": slug: must be lower-case letters and inner hyphens (^[a-z][a-z-]*[a-z]$), got \"sand_box2\"");
    }

    @Test
    void slugIsNotEmpty() {
        sandbox("slug: sandbox", "slug: ''").assertExactly(WITHOUT_SANDBOX, SANDBOX + ": slug: must not be empty");
    }

    @Test
    void slugIsRequired() {
        sandbox("slug: sandbox\n", "").assertExactly(WITHOUT_SANDBOX, SANDBOX + ": slug: is required");
    }

    @Test
    void categoryIsAKnownOne() {
        sandbox("category: workflows", "category: misc").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": category: expected one of fundamentals|tools|workflows, got \"misc\"");
    }

    @Test
    void tierIsRequiredAndKnown() {
        sandbox("tier: local\n", "").assertExactly(WITHOUT_SANDBOX, SANDBOX + ": tier: is required (one of prod|ptr|local)");
    }

    @Test
    void nameDescriptionAndShortDescriptionArePresent() {
        sandbox("name: Sandbox\n", "").edit(SANDBOX, "description: A place to play.\n", "description: ' '\n")
                .edit(SANDBOX, "shortDescription: Sandbox\n", "")
                .assertExactly(WITHOUT_SANDBOX, SANDBOX + ": name: is required", SANDBOX + ": description: must not be empty",
                        SANDBOX + ": shortDescription: is required");
    }

    @Test
    void aLessonHasAtLeastOneStage() {
        sandbox("stages:\n  - guideType: markdown\n", "stages: []\n")
                .assertExactly(WITHOUT_SANDBOX, SANDBOX + ": stages: a lesson needs at least one stage");
    }

    @Test
    void aLessonHasAtLeastOneEndpoint() {
        Fixture.copyOf("valid", tmp).write(BASICS, """
                name: Basics
                slug: basics
                category: fundamentals
                tier: prod
                description: The basics.
                shortDescription: Basics
                endpoints: []
                stages:
                  - guideType: markdown
                """).assertExactly(List.of("routing", "sandbox"), BASICS + ": endpoints: a lesson needs at least one endpoint");
    }

    @Test
    void guideTypeIsMarkdownOrJupyter() {
        sandbox("guideType: markdown", "guideType: html").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": stages[0].guideType: expected one of markdown|jupyter, got \"html\"");
    }

    @Test
    void unknownFieldsAreProblemsAtTheTopAndInStages() {
        sandbox("stages:\n  - guideType: markdown\n", "stage:\n  - guideType: markdown\nstages:\n  - guideType: markdown\n    video: x\n")
                .assertExactly(WITHOUT_SANDBOX,
                        SANDBOX + ": stage: unknown field (known fields: authors, category, collection, connections, description, "
                                + "diagram, endpoints, name, prereqs, readyDelay, shortDescription, slug, stages, tags, tier, video)",
                        SANDBOX + ": stages[0].video: unknown field (known fields: description, guideType, stageVideo)");
    }

    @Test
    void readyDelayIsANonNegativeInteger() {
        sandbox("tier: local", "tier: local\nreadyDelay: -1").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": readyDelay: must be in 0..600 seconds, got -1");
    }

    @Test
    void lessonSlugsAreUniqueAndEveryLessonSharingOneIsLeftOut() {
        Fixture f = Fixture.copyOf("valid", tmp).edit(SANDBOX, "slug: sandbox", "slug: basics");
        f.assertExactly(List.of("routing"),
                BASICS + ": slug: \"basics\" is also the slug of " + SANDBOX,
                SANDBOX + ": slug: \"basics\" must equal its directory name \"sandbox\" (lessons/<slug>/: the directory "
                        + "reaches paths and commands on the lesson host)",
                SANDBOX + ": slug: \"basics\" is also the slug of " + BASICS);
    }

    @Test
    void aPrereqNamingNoLessonIsAProblemOfTheLessonNamingIt() {
        sandbox("tier: local", "tier: local\nprereqs: [basics, routing-advanced]").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": prereqs[1]: \"routing-advanced\" names no lesson of the curriculum");
    }

    @Test
    void aPrereqNamingABrokenLessonDoesNotBreakTheLessonNamingIt() {
        // routing requires basics; basics is broken but declared, so routing still loads
        Fixture.copyOf("valid", tmp).edit(BASICS, "tier: prod", "tier: gold").assertExactly(List.of("routing", "sandbox"),
                BASICS + ": tier: expected one of prod|ptr|local, got \"gold\"");
    }

    @Test
    void aCollectionNamingNoCollectionIsAProblem() {
        sandbox("tier: local", "tier: local\ncollection: globex").assertExactly(WITHOUT_SANDBOX,
                SANDBOX + ": collection: \"globex\" names no collection of the curriculum (none with that slug loaded)");
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
}
