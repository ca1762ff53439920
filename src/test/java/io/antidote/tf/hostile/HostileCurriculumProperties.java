package io.antidote.tf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.grammar.Texts;
import io.antidote.tf.hostile.HostileCurriculum.Case;
import io.antidote.tf.hostile.HostileCurriculum.Field;
import io.antidote.tf.hostile.HostileCurriculum.Kind;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.stack.SynthesizedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every payload of {@link HostileCurriculum} in every string field of a lesson, an image and a collection (all of
 * them, exhaustively): either validation rejects it, with a problem naming the file and the field and the lesson
 * left out whole, or the lesson synthesizes, for the AWS target and the local one, stacks in which terraform would
 * evaluate no template sequence but the code's own references.
 */
class HostileCurriculumProperties {
    private static HostileStacks stacks;

    @BeforeContainer
    static void open() {
        stacks = new HostileStacks();
    }

    @AfterContainer
    static void close() {
        if (stacks != null) {
            stacks.close();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return HostileCurriculum.arbitrary();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 5000)
    void aPayloadIsRejectedWithItsFileAndFieldOrReachesNoTemplate(@ForAll("cases") Case c) throws IOException {
        Path temp = Files.createTempDirectory("antidote-tf-hostile-");
        try {
            LoadResult result = c.load(temp.resolve("curriculum"));
            Statistics.collect(result.clean() ? "synthesized" : "rejected");
            for (Problem p : result.problems()) {
                assertThat(p.format().codePoints().noneMatch(Texts::invisible)).as(c + ": one visible line: %s",
                        p.format()).isTrue();
            }
            if (result.clean()) {
                Curriculum curriculum = result.curriculum();
                assertThat(curriculum.lessons()).as(c + ": accepted, so loaded").containsKey(HostileCurriculum.LESSON);
                for (SynthesizedStack stack : List.of(stacks.aws(curriculum), stacks.local(curriculum))) {
                    assertThat(TemplateSequences.foreign(stack.json())).as(c + ": template sequences the code did "
                            + "not write").isEmpty();
                }
            } else {
                assertThat(result.problems()).as(c + ": a problem naming %s: %s", c.expectedFile(), c.expectedField())
                        .anySatisfy(p -> {
                            assertThat(p.file().toString().replace('\\', '/')).isEqualTo(c.expectedFile());
                            assertThat(p.field()).isEqualTo(c.expectedField());
                        });
                assertThat(result.curriculum().lessons()).as(c + ": never half loaded").isEmpty();
            }
        } finally {
            delete(temp);
        }
    }

    @Example
    void theFieldsAreEveryStringFieldOfTheModel() {
        List<Field> fields = HostileCurriculum.fields();
        assertThat(fields).contains(new Field(Kind.IMAGE, "networkInterfaces[0]"), new Field(Kind.IMAGE, "configUser"),
                new Field(Kind.IMAGE, "configPassword"), new Field(Kind.LESSON, "endpoints[0].presentations[0].name"),
                new Field(Kind.LESSON, "connections[0].subnet"), new Field(Kind.LESSON, "authors[0].link"),
                new Field(Kind.LESSON, "stages[0].stageVideo"), new Field(Kind.COLLECTION, "contactEmail"),
                new Field(Kind.LESSON_DIRECTORY, ""));
        assertThat(fields).doesNotHaveDuplicates().hasSize(42);
        assertThat(HostileCurriculum.cases()).hasSizeGreaterThan(fields.size() * 15);
    }

    @Example
    void theBaseCurriculumIsCleanAndTheCheckerSeesTheCodesOwnReferencesAndAnInjectedOne() throws IOException {
        Path temp = Files.createTempDirectory("antidote-tf-hostile-");
        try {
            Path root = temp.resolve("curriculum");
            new Case(new Field(Kind.LESSON, "name"), new HostileCurriculum.Payload("plain", "Plain name")).write(root);
            LoadResult result = io.antidote.tf.curriculum.CurriculumLoader.load(root);
            assertThat(result.problems()).isEmpty();
            String aws = stacks.aws(result.curriculum()).json();
            assertThat(TemplateSequences.in(aws)).contains("${aws_instance.host.id}",
                    "${element(aws_network_interface.host_eni.private_ip_list, 1)}");
            assertThat(TemplateSequences.foreign(aws)).isEmpty();
            assertThat(TemplateSequences.in(stacks.local(result.curriculum()).json()))
                    .contains("${terraform_data.host.id}");
            String injected = "{\"a\":{\"user_data\":\"x ${file(\\\"/etc/hostname\\\")} y $${literal} %{ if true }\"}}";
            assertThat(TemplateSequences.foreign(injected))
                    .containsExactly("${file(\"/etc/hostname\")}", "%{ if true }");
        } finally {
            delete(temp);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
