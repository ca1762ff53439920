package io.antidote.tf.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's grammar for the organisation, repository and tag of a stand-in's name. */
class DockerNamesTest {

    @Test
    void organisationsMayHaveSeveralComponentsAndARegistryHost() {
        for (String org : List.of("antidotelabs", "acme/labs", "my.registry:5000/antidote",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/antidotelabs", "a_b", "a__b", "a--b")) {
            assertThat(DockerNames.orgProblem(org)).as(org).isEmpty();
        }
        for (String org : List.of("", "Antidote", "a b", "a/", "/a", "-a", "a;b", "a:b")) {
            assertThat(DockerNames.orgProblem(org)).as(org).isPresent();
        }
    }

    @Test
    void repositoriesAreLowerCaseAndTagsAreShortWords() {
        assertThat(DockerNames.repositoryProblem("vqfx-snap1")).isEmpty();
        assertThat(DockerNames.repositoryProblem("VQFX")).isPresent();
        assertThat(DockerNames.repositoryProblem("-x")).isPresent();
        assertThat(DockerNames.tagProblem("v1.2_3-rc")).isEmpty();
        for (String tag : List.of("", ".x", "-x", "a:b", "a b", "x".repeat(129))) {
            assertThat(DockerNames.tagProblem(tag)).as(tag).isPresent();
        }
    }

    @Test
    void aReferenceJoinsCheckedParts() {
        assertThat(DockerNames.reference("antidotelabs", "utility", "latest")).isEqualTo("antidotelabs/utility:latest");
        assertThatThrownBy(() -> DockerNames.reference("antidotelabs", "utility", "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerNames.reference("a".repeat(250), "utility", "x"))
                .hasMessageContaining("longer than 255");
    }
}
