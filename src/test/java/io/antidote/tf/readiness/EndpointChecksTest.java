package io.antidote.tf.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LivePresentation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointChecksTest {
    /** Records what it was asked to make. */
    static final class RecordingFactory implements CheckFactory {
        final List<String> made = new ArrayList<>();

        @Override
        public ReadinessCheck tcp(CheckTarget target) {
            made.add("tcp " + target.port());
            return new TcpCheck(target);
        }

        @Override
        public ReadinessCheck ssh(CheckTarget target, SshCredentials credentials) {
            made.add("ssh " + target.port() + " as " + credentials.user());
            return new TcpCheck(target);
        }
    }

    static LiveEndpoint endpoint(String host, List<Integer> ports, List<LivePresentation> presentations) {
        return new LiveEndpoint("vqfx1", "vqfx", ports, presentations, null, null, "antidote", "antidotepassword", host);
    }

    @Test
    void sshPresentationsGetAnSshCheckAndEveryOtherPortATcpCheck() {
        RecordingFactory factory = new RecordingFactory();
        EndpointChecks plan = EndpointChecks.plan(endpoint("10.0.0.5", List.of(22, 830, 8080),
                List.of(new LivePresentation("cli", 22, PresentationType.SSH, null),
                        new LivePresentation("web", 8080, PresentationType.HTTP, null),
                        new LivePresentation("extra", 9090, PresentationType.HTTP, null))), factory);
        assertThat(plan.endpoint()).isEqualTo("vqfx1");
        assertThat(factory.made).containsExactly("ssh 22 as antidote", "tcp 830", "tcp 8080", "tcp 9090");
        assertThat(plan.checks()).extracting(c -> c.target().host()).containsOnly("10.0.0.5");
    }

    @Test
    void anEndpointWithoutAUserIsCheckedWithMadeUpCredentials() {
        RecordingFactory factory = new RecordingFactory();
        EndpointChecks.plan(new LiveEndpoint("linux1", "utility", List.of(22),
                List.of(new LivePresentation("cli", 22, PresentationType.SSH, null)), null, null, "", "", "10.0.0.6"),
                factory);
        assertThat(factory.made).containsExactly("ssh 22 as " + SshCredentials.madeUp().user());
    }

    @Test
    void anEndpointWithoutHostOrPortsFailsAtOnce() {
        RecordingFactory factory = new RecordingFactory();
        for (LiveEndpoint e : List.of(endpoint("", List.of(22), List.of()), endpoint("10.0.0.5", List.of(), List.of()))) {
            EndpointChecks plan = EndpointChecks.plan(e, factory);
            assertThat(plan.checks()).singleElement().satisfies(c -> {
                assertThat(c.target().kind()).isEqualTo(CheckKind.DEFINITION);
                assertThat(c.attempt(Duration.ofSeconds(1)).status()).isEqualTo(CheckOutcome.Status.FAILED);
            });
        }
        assertThat(factory.made).isEmpty();
    }
}
