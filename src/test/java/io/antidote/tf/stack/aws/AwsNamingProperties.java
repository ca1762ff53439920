package io.antidote.tf.stack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every AWS name, rule priority and tag of a livelesson stays within AWS limits, for any lesson shape (no jsii). */
class AwsNamingProperties {
    private static final String TG_NAME = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";

    @Provide
    Arbitrary<String> dnsLabel() {
        Arbitrary<String> inner = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMaxLength(18);
        Arbitrary<Character> edge = Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray());
        return Combinators.combine(edge, inner, edge).as((a, m, b) -> a + m + b)
                .filter(s -> s.length() <= 20).edgeCases(c -> c.add("internal"));
    }

    @Provide
    Arbitrary<String> presentationName() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> liveLessonId() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofLength(10);
    }

    @Property
    void targetGroupNamesFitAws(@ForAll("dnsLabel") String instanceId, @ForAll("liveLessonId") String id,
            @ForAll("dnsLabel") String endpoint, @ForAll("presentationName") String presentation) {
        String name = AwsNaming.targetGroupName(instanceId, id, endpoint, presentation);
        assertThat(name).hasSizeBetween(1, 32).matches(TG_NAME).doesNotStartWith("internal-").startsWith(id);
    }

    @Property
    void otherNamesFitAws(@ForAll("dnsLabel") String instanceId, @ForAll("liveLessonId") String id,
            @ForAll @IntRange(min = 0, max = 99) int stage) {
        String uullid = instanceId + "-" + id;
        assertThat(AwsNaming.securityGroupName(uullid)).hasSizeLessThanOrEqualTo(255).doesNotStartWith("sg-");
        String zone = AwsNaming.zoneName(uullid, "antidote.internal");
        assertThat(zone).hasSizeLessThanOrEqualTo(255);
        for (String label : zone.split("\\.")) {
            assertThat(label).hasSizeBetween(1, 63);
        }
        assertThat(AwsNaming.associationName(uullid, stage)).matches("[a-zA-Z0-9_.-]{3,128}");
    }

    /** A generated lesson's HTTP presentations: endpoint names and presentation names, unique as the curriculum demands. */
    @Provide
    Arbitrary<List<HttpRouting.Wanted>> presentations() {
        return Combinators.combine(dnsLabel().set().ofMinSize(1).ofMaxSize(12), presentationName().set().ofMinSize(1).ofMaxSize(6))
                .as((eps, pres) -> {
                    List<HttpRouting.Wanted> out = new ArrayList<>();
                    for (String ep : eps) {
                        for (String p : pres) {
                            out.add(new HttpRouting.Wanted(ep, p, ep + "-" + p + ".example.org", 8080));
                        }
                    }
                    return out;
                });
    }

    @Property(tries = 200)
    void targetGroupNamesAreUniqueInALesson(@ForAll("dnsLabel") String instanceId, @ForAll("liveLessonId") String id,
            @ForAll("presentations") List<HttpRouting.Wanted> wanted) {
        Set<String> names = new HashSet<>();
        wanted.forEach(w -> names.add(AwsNaming.targetGroupName(instanceId, id, w.endpoint(), w.presentation())));
        assertThat(names).hasSameSizeAs(wanted);
    }

    @Property(tries = 100)
    void withClaimsPrioritiesAreUniquePerListenerAndStable(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 8) Integer> httpCounts,
            @ForAll @IntRange(min = 1, max = 4) int listeners) {
        List<RoutingClaim> claims = new ArrayList<>();
        Map<String, List<HttpRoute>> byLesson = new HashMap<>();
        Map<String, List<HttpRouting.Wanted>> wantedByLesson = new HashMap<>();
        for (int i = 0; i < httpCounts.size(); i++) {
            String uullid = "inst-" + String.format("%010d", i * 7919L);
            List<HttpRouting.Wanted> wanted = new ArrayList<>();
            for (int p = 0; p < httpCounts.get(i); p++) {
                wanted.add(new HttpRouting.Wanted("ep" + (p % 3), "web" + p, uullid + "-ep-web" + p + ".x", 80));
            }
            List<HttpRoute> routes = HttpRouting.assign(uullid, wanted, listeners, claims);
            routes.forEach(r -> claims.add(new RoutingClaim(uullid, r.key(), r.listener(), r.priority())));
            byLesson.put(uullid, routes);
            wantedByLesson.put(uullid, wanted);
        }
        Set<String> seen = new HashSet<>();
        for (RoutingClaim c : claims) {
            assertThat(c.priority()).isBetween(1, HttpRouting.MAX_PRIORITY);
            assertThat(seen.add(c.listener() + ":" + c.priority())).as("unique %s", c).isTrue();
        }
        // re-synthesizing any livelesson with every claim (its own included) changes nothing
        byLesson.forEach((uullid, routes) ->
                assertThat(HttpRouting.assign(uullid, wantedByLesson.get(uullid), listeners, claims)).isEqualTo(routes));
        // nor does deleting another livelesson
        if (byLesson.size() > 1) {
            String gone = byLesson.keySet().iterator().next();
            List<RoutingClaim> rest = claims.stream().filter(c -> !c.uullid().equals(gone)).toList();
            byLesson.forEach((uullid, routes) -> {
                if (!uullid.equals(gone)) {
                    assertThat(HttpRouting.assign(uullid, wantedByLesson.get(uullid), listeners, rest)).isEqualTo(routes);
                }
            });
        }
    }

    @Property(tries = 200)
    void withoutClaimsPrioritiesAreUniqueInsideALessonAndDeterministic(@ForAll("dnsLabel") String instanceId,
            @ForAll("liveLessonId") String id, @ForAll("presentations") List<HttpRouting.Wanted> wanted,
            @ForAll @IntRange(min = 1, max = 8) int listeners) {
        String uullid = instanceId + "-" + id;
        List<HttpRoute> routes = HttpRouting.assign(uullid, wanted, listeners, List.of());
        assertThat(routes.stream().map(HttpRoute::priority).distinct().count()).isEqualTo(wanted.size());
        assertThat(routes).allSatisfy(r -> assertThat(r.listener()).isEqualTo(AwsNaming.pick(uullid, listeners)));
        assertThat(HttpRouting.assign(uullid, wanted, listeners, List.of())).isEqualTo(routes);
    }

    @Property
    void tagsFitAws(@ForAll("dnsLabel") String instanceId, @ForAll("liveLessonId") String id,
            @ForAll("liveLessonId") String session, @ForAll("dnsLabel") String slug) {
        LiveLesson live = new LiveLesson(id, session, instanceId, slug, Map.of(), 0, null, null, null,
                LiveLessonStatus.INITIALIZED, Instant.EPOCH, Instant.EPOCH, false, 0, 0, null, null, null);
        Map<String, String> tags = StackTags.of(live);
        assertThat(tags).hasSizeLessThanOrEqualTo(50);
        tags.forEach((k, v) -> {
            assertThat(k).hasSizeBetween(1, 128).doesNotStartWith("aws:");
            assertThat(v).hasSizeLessThanOrEqualTo(256);
        });
    }
}
