package io.antidote.tf.curriculum;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on endpoints, presentations and connections, each broken on purpose in a copy of the valid curriculum. */
class EndpointRulesTest {
    private static final String SANDBOX = "lessons/sandbox/lesson.meta.yaml";
    private static final List<String> WITHOUT_SANDBOX = List.of("basics", "routing");

    @TempDir
    Path tmp;

    private Fixture sandbox(String from, String to) {
        return Fixture.copyOf("valid", tmp).edit(SANDBOX, from, to);
    }

    private void expect(Fixture f, String... problems) {
        f.assertExactly(WITHOUT_SANDBOX, java.util.Arrays.stream(problems).map(p -> SANDBOX + ": " + p).toArray(String[]::new));
    }

    @Test
    void presentationTypeIsHttpOrSsh() {
        expect(sandbox("type: http", "type: vnc"), "endpoints[0].presentations[0].type: expected one of http|ssh, got \"vnc\"");
    }

    @Test
    void presentationPortIsIn1To65535() {
        expect(sandbox("port: 8080", "port: 65536"), "endpoints[0].presentations[0].port: port 65536 is not in 1..65535");
    }

    @Test
    void presentationPortIsRequired() {
        expect(sandbox("    port: 8080\n", ""), "endpoints[0].presentations[0].port: is required");
    }

    @Test
    void additionalPortsAreIn1To65535() {
        expect(sandbox("additionalPorts: [5432]", "additionalPorts: [5432, 0]"), "endpoints[1].additionalPorts[1]: port 0 is not in 1..65535");
    }

    @Test
    void configurationTypeIsAKnownOne() {
        expect(sandbox("configurationType: ansible", "configurationType: salt"),
                "endpoints[0].configurationType: expected one of |napalm|python|ansible, got \"salt\"");
    }

    @Test
    void anEmptyConfigurationTypeMeansNone() {
        sandbox("configurationType: ansible", "configurationType: ''").assertExactly(List.of("basics", "routing", "sandbox"));
    }

    @Test
    void endpointNamesAreUnique() {
        expect(sandbox("- name: db1", "- name: web1").edit(SANDBOX, "b: db1", "b: web1"),
                "endpoints[1].name: \"web1\" names another endpoint of this lesson too",
                "connections[0].b: connects endpoint \"web1\" to itself");
    }

    @Test
    void anEndpointHasPresentationsOrAdditionalPorts() {
        expect(sandbox("  additionalPorts: [5432]\n", "  additionalPorts: []\n"),
                "endpoints[1].presentations: an endpoint needs presentations or additionalPorts (it has neither)");
    }

    @Test
    void presentationNamesAreUniquePerEndpoint() {
        expect(sandbox("    type: http\n", "    type: http\n  - name: web\n    port: 8081\n    type: http\n"),
                "endpoints[0].presentations[1].name: \"web\" names another presentation of this endpoint too");
    }

    @Test
    void connectionsNameExistingEndpoints() {
        expect(sandbox("b: db1", "b: db2"), "connections[0].b: \"db2\" names no endpoint of this lesson");
    }

    @Test
    void aConnectionDoesNotConnectAnEndpointToItself() {
        expect(sandbox("b: db1", "b: web1"), "connections[0].b: connects endpoint \"web1\" to itself");
    }

    @Test
    void twoConnectionsDoNotShareANetworkName() {
        expect(sandbox("  b: db1\n", "  b: db1\n- a: web1\n  b: db1\n"), "connections[1].b: connects web1 to db1 again (as connections[0] does)");
    }

    @Test
    void subnetsAreIpv4NetworksWithTheirNetworkAddress() {
        expect(sandbox("  b: db1\n", "  b: db1\n  subnet: 10.1.2.3/24\n"),
                "connections[0].subnet: \"10.1.2.3/24\" has host bits set: the network is 10.1.2.0/24");
    }

    @Test
    void subnetPrefixesAreFrom8To30() {
        expect(sandbox("  b: db1\n", "  b: db1\n  subnet: 10.1.2.0/31\n"),
                "connections[0].subnet: prefix /31 is not in /8../30 in \"10.1.2.0/31\"");
    }

    @Test
    void subnetsAreCidrs() {
        expect(sandbox("  b: db1\n", "  b: db1\n  subnet: 10.1.2.0\n"),
                "connections[0].subnet: expected an IPv4 network like 10.0.0.0/24, got \"10.1.2.0\"");
    }

    @Test
    void anEndpointsImageHasMetadata() {
        expect(sandbox("  image: utility\n  additionalPorts", "  image: postgres\n  additionalPorts"),
                "endpoints[1].image: image \"postgres\" has no metadata (images/postgres/image.meta.yaml does not exist)");
    }

    @Test
    void anEndpointsImageNameIsAnImageName() {
        expect(sandbox("  image: utility\n  additionalPorts", "  image: antidotelabs/utility:latest\n  additionalPorts"),
                "endpoints[1].image: must be lower-case letters, digits and inner hyphens (an image name: "
                        + "^[a-z0-9]+(-+[a-z0-9]+)*$), got \"antidotelabs/utility:latest\"");
    }

    @Test
    void endpointNamesAreDnsLabels() {
        expect(sandbox("name: db1", "name: DB_1").edit(SANDBOX, "b: db1", "b: DB_1"),
                "endpoints[1].name: must be a DNS label: lower-case letters, digits and inner hyphens (it becomes part "
                        + "of a host name), got \"DB_1\"");
    }

    @Test
    void endpointNamesAreAtMost20Characters() {
        String name = "d".repeat(21);
        expect(sandbox("name: db1", "name: " + name).edit(SANDBOX, "b: db1", "b: " + name),
                "endpoints[1].name: has 21 characters, more than the 20 allowed (it becomes part of a host name), got \""
                        + name + "\"");
    }

    @Test
    void jupyterlabguideIsAReservedEndpointName() {
        expect(sandbox("name: db1", "name: jupyterlabguide").edit(SANDBOX, "b: db1", "b: jupyterlabguide"),
                "endpoints[1].name: jupyterlabguide is reserved for the jupyter guide endpoint");
    }

    @Test
    void presentationNamesAreDnsLabelsOfAtMost10Characters() {
        expect(sandbox("- name: web\n", "- name: webconsole1\n"),
                "endpoints[0].presentations[0].name: has 11 characters, more than the 10 allowed (it becomes part of a "
                        + "host name), got \"webconsole1\"");
    }

    @Test
    void unknownFieldsOfEndpointsPresentationsAndConnectionsAreProblems() {
        expect(sandbox("  additionalPorts: [5432]\n", "  additionalPorts: [5432]\n  ports: [1]\n").edit(SANDBOX, "b: db1", "b: db1\n  c: x"),
                "endpoints[1].ports: unknown field (known fields: additionalPorts, configurationType, image, name, presentations)",
                "connections[0].c: unknown field (known fields: a, b, subnet)");
    }
}
