package io.antidote.tf.curriculum;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on images and collections; a broken one is left out and the lessons using it fail too. */
class ImageAndCollectionRulesTest {
    private static final String VQFX = "images/vqfx/image.meta.yaml";
    private static final String ACME = "collections/acme/collection.meta.yaml";
    private static final String ROUTING = "lessons/routing/lesson.meta.yaml";
    private static final String VQFX_BROKEN = ROUTING + ": endpoints[1].image: image \"vqfx\" did not load "
            + "(see the problems of images/vqfx/image.meta.yaml)";
    private static final String ACME_BROKEN = ROUTING + ": collection: \"acme\" names no collection of the curriculum "
            + "(none with that slug loaded)";
    private static final List<String> WITHOUT_ROUTING = List.of("basics", "sandbox");

    @TempDir
    Path tmp;

    private Fixture vqfx(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(VQFX, from, to);
    }

    private Fixture acme(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(ACME, from, to);
    }

    @Test
    void anImageSlugMatchesItsDirectory() {
        vqfx("slug: vqfx", "slug: vqfx2").assertExactly(WITHOUT_ROUTING,
                VQFX + ": slug: \"vqfx2\" must equal its directory name \"vqfx\"", VQFX_BROKEN);
    }

    @Test
    void anImageSlugIsAnImageName() {
        vqfx("slug: vqfx", "slug: vqfx_1").assertExactly(WITHOUT_ROUTING,
                VQFX + ": slug: must be lower-case letters, digits and inner hyphens (an image name: "
                        + "^[a-z0-9]+(-+[a-z0-9]+)*$), got \"vqfx_1\"", VQFX_BROKEN);
    }

    @Test
    void anImageFlavorIsKnown() {
        vqfx("flavor: trusted", "flavor: privileged").assertExactly(WITHOUT_ROUTING,
                VQFX + ": flavor: expected one of trusted|untrusted|legacy, got \"privileged\"", VQFX_BROKEN);
    }

    @Test
    void anImageHasNonEmptyCredentials() {
        vqfx("sshUser: antidote\n", "sshUser: ''\n").edit(VQFX, "configPassword: antidotepassword\n", "")
                .assertExactly(WITHOUT_ROUTING, VQFX + ": sshUser: must not be empty", VQFX + ": configPassword: is required",
                        VQFX_BROKEN);
    }

    @Test
    void networkInterfacesAreAListOfStrings() {
        vqfx("networkInterfaces: [em3, em4]", "networkInterfaces: em3").assertExactly(WITHOUT_ROUTING,
                VQFX + ": networkInterfaces: expected a list of strings, got \"em3\"", VQFX_BROKEN);
    }

    @Test
    void networkInterfacesDoNotListEth0() {
        vqfx("networkInterfaces: [em3, em4]", "networkInterfaces: [em3, eth0]").assertExactly(WITHOUT_ROUTING,
                VQFX + ": networkInterfaces[1]: eth0 is the management interface and cannot be listed", VQFX_BROKEN);
    }

    @Test
    void unknownImageFieldsAreProblems() {
        vqfx("flavor: trusted", "flavor: trusted\nprivileged: true").assertExactly(WITHOUT_ROUTING,
                VQFX + ": privileged: unknown field (known fields: configPassword, configUser, description, enableForwarding, "
                        + "flavor, networkInterfaces, slug, sshPassword, sshUser)", VQFX_BROKEN);
    }

    @Test
    void aCollectionSlugIsLowerCaseLettersAndHyphens() {
        acme("slug: acme", "slug: ACME").assertExactly(WITHOUT_ROUTING,
                ACME + ": slug: must be lower-case letters and inner hyphens (^[a-z][a-z-]*[a-z]$), got \"ACME\"",
                ACME_BROKEN);
    }

    @Test
    void aCollectionHasATitle() {
        acme("title: ACME Networks\n", "").assertExactly(WITHOUT_ROUTING, ACME + ": title: is required", ACME_BROKEN);
    }

    @Test
    void aCollectionTypeIsKnown() {
        acme("type: vendor", "type: reseller").assertExactly(WITHOUT_ROUTING,
                ACME + ": type: expected one of vendor|community|consultancy, got \"reseller\"", ACME_BROKEN);
    }

    @Test
    void aCollectionTierIsRequiredAndKnown() {
        acme("tier: prod", "tier: beta").assertExactly(WITHOUT_ROUTING,
                ACME + ": tier: expected one of prod|ptr|local, got \"beta\"", ACME_BROKEN);
    }

    @Test
    void aCollectionHasItsDescriptionsImageAndWebsite() {
        acme("website: https://example.org/acme\n", "").edit(ACME, "briefDescription: ACME makes things.\n", "")
                .assertExactly(WITHOUT_ROUTING, ACME + ": website: is required", ACME + ": briefDescription: is required",
                        ACME_BROKEN);
    }

    @Test
    void collectionSlugsAreUnique() throws java.io.IOException {
        Fixture f = Fixture.copyOf("valid", tmp);
        f.write("collections/zeta/collection.meta.yaml", java.nio.file.Files.readString(f.path(ACME)));
        f.assertExactly(List.of("basics", "routing", "sandbox"),
                "collections/zeta/collection.meta.yaml: slug: \"acme\" is the slug of an earlier collection too");
    }
}
