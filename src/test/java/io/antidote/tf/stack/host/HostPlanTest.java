package io.antidote.tf.stack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostPlanTest {
    private static final AntidoteConfig CONFIG = StackFixtures.config(false, StackFixtures.aws(1));

    private static HostPlan plan(Lesson lesson) {
        return HostPlan.of(StackFixtures.request(CONFIG, lesson, 0, "abc"), "org", "v1");
    }

    private static Map<String, List<String>> links(HostPlan plan) {
        return plan.endpoints().stream().collect(Collectors.toMap(EndpointSpec::name,
                e -> e.links().stream().map(l -> l.connection() + ":" + l.interfaceName() + "=" + l.address()).toList()));
    }

    @Test
    void theEndpointFirstInTheLessonGetsDotTwoOnEachConnectionAsTheReferencesIpamHandsThemOut() {
        // networkLesson: vqfx1, vqfx2, linux1; connections vqfx1-vqfx2 (10.12.0.0/24), vqfx2-linux1 (default subnet)
        assertThat(links(plan(StackFixtures.networkLesson()))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vqfx1", List.of("0:em3=10.12.0.2/24"),
                "vqfx2", List.of("0:em3=10.12.0.3/24", "1:em4=169.0.0.2/16"),
                "linux1", List.of("1:net0=169.0.0.3/16"),
                "jupyterlabguide", List.of()));
    }

    @Test
    void aConnectionWhoseSideAComesLaterStillGivesDotTwoToTheEarlierEndpoint() {
        Lesson lesson = lesson(List.of(new Connection("linux1", "vqfx1", "10.0.0.0/29"),
                new Connection("vqfx1", "vqfx1", "10.1.0.0/24")));
        assertThat(links(plan(lesson))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vqfx1", List.of("0:em3=10.0.0.2/29", "1:em4=10.1.0.2/24", "1:net2=10.1.0.3/24"),
                "linux1", List.of("0:net0=10.0.0.3/29")));
    }

    @Test
    void aSubnetWithoutRoomForDotThreeIsRefused() {
        Lesson lesson = lesson(List.of(new Connection("vqfx1", "linux1", "10.0.0.0/30")));
        assertThatThrownBy(() -> plan(lesson)).isInstanceOf(StackException.class)
                .hasMessageContaining("10.0.0.0/30").hasMessageContaining("/29");
    }

    @Test
    void endpointsKeepLessonOrderWithTheGuideLastAndItsImageAsGiven() {
        HostPlan plan = plan(StackFixtures.networkLesson());
        assertThat(plan.endpoints()).extracting(EndpointSpec::name)
                .containsExactly("vqfx1", "vqfx2", "linux1", "jupyterlabguide");
        assertThat(plan.endpoints()).extracting(EndpointSpec::imageRef)
                .containsExactly("org/vqfx:v1", "org/vqfx:v1", "org/utility:v1", "antidotelabs/jupyter:v9.9.9");
        assertThat(plan.endpoints().get(0).napalmDriver()).isEqualTo("junos");
        assertThat(plan.endpoints().get(1).napalmDriver()).isEmpty();
        assertThat(plan.trusted()).isTrue();
    }

    /** vqfx1 (vqfx: em3, em4) then linux1 (utility: no interface names). */
    private static Lesson lesson(List<Connection> connections) {
        return new Lesson("pair", "Pair", Category.FUNDAMENTALS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.MARKDOWN, null)),
                List.of(new LessonEndpoint("vqfx1", "vqfx", null, null, null,
                                List.of(new Presentation("cli", 22, PresentationType.SSH))),
                        new LessonEndpoint("linux1", "utility", null, null, null,
                                List.of(new Presentation("cli", 22, PresentationType.SSH)))),
                connections, null, 0, null, null, Path.of("lessons/simple"));
    }
}
