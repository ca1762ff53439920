package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code antidote-tf standins}: the stand-ins of a curriculum, as text or JSON, never a password; bad input. */
class StandinsCommandTest {

    @Test
    void theExampleCurriculumsStandinsOneLineEach() {
        Cli.Result r = Cli.run("standins", "--curriculum", Cli.EXAMPLE_CURRICULUM.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsExactly(
                "antidotelabs/utility:latest endpoint users=antidote:1000 ssh=22 http=- tcp=-",
                "antidotelabs/vqfx:latest endpoint users=antidote:1000 ssh=22 http=- tcp=830",
                "antidotelabs/webapp:latest endpoint users=antidote:1000 ssh=22 http=8080 tcp=-",
                "antidotelabs/configurator:latest configurator users=- ssh=- http=- tcp=-",
                "antidotelabs/jupyter:latest jupyter users=- ssh=- http=8888 tcp=-");
    }

    @Test
    void jsonWithOtherNamesAndContextsHasHashesAndNoPassword(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.run("standins", "--curriculum", Cli.EXAMPLE_CURRICULUM.toString(), "--image-org",
                "registry.example:5000/labs", "--tag", "v7", "--image-version", "v3", "--output", "json",
                "--contexts", tmp.resolve("contexts").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.at("/images/0/image").asText()).isEqualTo("registry.example:5000/labs/utility:v7");
        assertThat(root.at("/images/3/image").asText()).isEqualTo("antidotelabs/configurator:v3");
        assertThat(root.at("/images/0/specHash").asText()).matches("[0-9a-f]{64}");
        assertThat(r.out()).doesNotContain("antidotepassword");
        assertThat(tmp.resolve("contexts/00-utility/context/standin/users.json")).content()
                .contains("antidotepassword");
    }

    @Test
    void curriculumProblemsAreOneWarningAndTheRestIsListed(@TempDir Path tmp) throws IOException {
        Path curriculum = onlyTheImageBox(tmp, "sshUser: a");
        Cli.Result r = Cli.run("standins", "--curriculum", curriculum.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("antidote-tf: warning: 1 curriculum problem(s) leave lessons or images out")
                .endsWith("first: curriculum.meta.yaml: the file is missing");
        assertThat(r.out().lines()).first().isEqualTo("antidotelabs/box:latest endpoint users=a:1000 ssh=22 http=- tcp=-");
    }

    @Test
    void badNamesAndAMissingCurriculumAreUsageErrors(@TempDir Path tmp) {
        Cli.Result tag = Cli.run("standins", "--curriculum", Cli.EXAMPLE_CURRICULUM.toString(), "--tag", "a b");
        assertThat(tag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tag.oneErrorLine()).startsWith("antidote-tf: --tag 'a b' must be a Docker tag");
        Cli.Result org = Cli.run("standins", "--curriculum", Cli.EXAMPLE_CURRICULUM.toString(), "--image-org", "Acme");
        assertThat(org.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(org.oneErrorLine()).startsWith("antidote-tf: --image-org 'Acme' must be Docker name components");
        Cli.Result missing = Cli.run("standins", "--curriculum", tmp.resolve("absent").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        missing.oneErrorLine();
    }

    @Test
    void anImageWhoseUserCannotBeALoginGetsNoStandIn(@TempDir Path tmp) throws IOException {
        Path curriculum = onlyTheImageBox(tmp, "sshUser: \"x; touch /tmp/owned\"");
        Cli.Result r = Cli.run("standins", "--curriculum", curriculum.toString(), "--contexts",
                tmp.resolve("out").toString());
        assertThat(r.exitCode()).as("the curriculum's validation leaves the image out").isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("2 curriculum problem(s) leave lessons or images out").doesNotContain("secret-pw");
        assertThat(r.out()).doesNotContain("box");
        assertThat(Cli.list(tmp.resolve("out"))).noneMatch(name -> name.contains("box"));
    }

    /** A curriculum (without its meta file) holding one image, {@code box}, whose SSH user is given by {@code sshUser}. */
    private static Path onlyTheImageBox(Path tmp, String sshUser) throws IOException {
        Path curriculum = tmp.resolve("c");
        Files.createDirectories(curriculum.resolve("images/box"));
        Files.writeString(curriculum.resolve("images/box/image.meta.yaml"), "slug: box\nflavor: legacy\n" + sshUser
                + "\nsshPassword: secret-pw\nconfigUser: a\nconfigPassword: secret-pw\n");
        return curriculum;
    }
}
