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

    private static final String IFACE = "must be a network interface name: a lower-case letter, then lower-case "
            + "letters, digits, '_', '.' and '-', got ";

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
                VQFX + ": sshUser: must be a login name: a lower-case letter or '_', then "
                        + "lower-case letters, digits, '_' and '-', got \"-oProxyCommand=id\"",
                VQFX + ": configUser: must be a login name: a lower-case letter or '_', then "
                        + "lower-case letters, digits, '_' and '-', got \"root\\nCONFIGURE\"",
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
}
