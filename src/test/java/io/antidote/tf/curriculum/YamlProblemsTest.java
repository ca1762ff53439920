package io.antidote.tf.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson file that is not YAML, is empty or has wrongly typed values gives one clear line, and others still load. */
class YamlProblemsTest {
    private static final String SANDBOX = "lessons/sandbox/lesson.meta.yaml";
    private static final List<String> OTHERS = List.of("basics", "routing");

    @TempDir
    Path tmp;

    private Fixture sandboxFrom(String badFile) throws IOException {
        Fixture f = Fixture.copyOf("valid", tmp);
        return f.write(SANDBOX, Files.readString(Fixture.resource("bad-yaml/" + badFile)));
    }

    @Test
    void malformedYamlIsOneProblemWithLineAndColumn() throws IOException {
        sandboxFrom("malformed.yaml").assertExactly(OTHERS,
                SANDBOX + ": malformed YAML at line 7, column 7: expected ',' or ']', but got :");
    }

    @Test
    void anEmptyFileIsOneProblem() throws IOException {
        sandboxFrom("empty.yaml").assertExactly(OTHERS, SANDBOX + ": the file is empty (expected a mapping of fields)");
    }

    @Test
    void aFileWithOnlyACommentIsEmpty() throws IOException {
        sandboxFrom("comment-only.yaml").assertExactly(OTHERS, SANDBOX + ": the file is empty (expected a mapping of fields)");
    }

    @Test
    void aTopLevelListIsOneProblem() throws IOException {
        sandboxFrom("top-level-list.yaml").assertExactly(OTHERS, SANDBOX + ": expected a mapping of fields at the top level, got a list");
    }

    @Test
    void aDuplicateKeyIsOneProblem() throws IOException {
        sandboxFrom("duplicate-key.yaml").assertExactly(OTHERS, SANDBOX + ": malformed YAML at line 3, column 5: Duplicate field 'name'");
    }

    @Test
    void aWronglyTypedListIsOneProblemNamingTheValue() throws IOException {
        sandboxFrom("wrong-types.yaml").assertExactly(OTHERS,
                SANDBOX + ": endpoints[1].additionalPorts: expected a list of integers, got \"abc\"");
    }

    @Test
    void aWronglyTypedElementNamesItsIndex() {
        Fixture.copyOf("valid", tmp).edit(SANDBOX, "additionalPorts: [5432]", "additionalPorts: [5432, \"22\"]")
                .assertExactly(OTHERS, SANDBOX + ": endpoints[1].additionalPorts[1]: expected an integer, got \"22\"");
    }

    @Test
    void aStringWhereAListOfMappingsBelongsIsOneProblem() {
        Fixture.copyOf("valid", tmp).edit(SANDBOX, "stages:\n  - guideType: markdown\n", "stages: markdown\n")
                .assertExactly(OTHERS, SANDBOX + ": stages: expected a list of mappings, got \"markdown\"");
    }

    @Test
    void aMappingWhereAStringBelongsIsOneProblem() {
        Fixture.copyOf("valid", tmp).edit(SANDBOX, "name: Sandbox", "name: {first: Sand}")
                .assertExactly(OTHERS, SANDBOX + ": name: expected a string, got a mapping");
    }

    @Test
    void aFloatPortIsNotAnInteger() {
        Fixture.copyOf("valid", tmp).edit(SANDBOX, "port: 8080", "port: 80.5")
                .assertExactly(OTHERS, SANDBOX + ": endpoints[0].presentations[0].port: expected an integer, got 80.5");
    }

    @Test
    void aNonBooleanEnableForwardingIsOneProblemAndTheImageIsLeftOut() {
        Fixture.copyOf("valid", tmp).edit("images/vqfx/image.meta.yaml", "enableForwarding: true", "enableForwarding: sometimes")
                .assertExactly(List.of("basics", "sandbox"),
                        "images/vqfx/image.meta.yaml: enableForwarding: expected true or false, got \"sometimes\"",
                        "lessons/routing/lesson.meta.yaml: endpoints[1].image: image \"vqfx\" did not load "
                                + "(see the problems of images/vqfx/image.meta.yaml)");
    }
}
