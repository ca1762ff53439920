package io.antidote.tf.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The spec as JSON. What the programs in an endpoint image read: {@link #users} at build time ({@code users.json}:
 * the logins with passwords and uids, whether root logs in, the SSH ports) and {@link #serve} at start
 * ({@code serve.json}: kind, image, source, the ports of each role). {@link #summary} is what a person or script reads
 * on stdout: every field but the passwords.
 */
public final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SpecJson() {
    }

    /** {@code users.json} of an endpoint image, with the passwords: the same for images with the same logins. */
    public static String users(StandinImage image) {
        ObjectNode node = JSON.createObjectNode();
        users(node, image, true);
        node.set("sshPorts", JSON.valueToTree(image.sshPorts()));
        return write(node);
    }

    /** {@code serve.json} of an endpoint image: no user. */
    public static String serve(StandinImage image) {
        ObjectNode node = JSON.createObjectNode();
        identity(node, image);
        ports(node, image);
        return write(node);
    }

    /**
     * Every image (with its spec hash when {@code hashes} has one, by reference), the warnings, the number of
     * curriculum problems; no password.
     */
    public static String summary(StandinSpec spec, int curriculumProblems, Map<String, String> hashes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("curriculumProblems", curriculumProblems);
        ArrayNode images = root.putArray("images");
        for (StandinImage image : spec.images()) {
            ObjectNode node = common(image);
            node.set("lessons", JSON.valueToTree(image.lessons()));
            if (hashes.containsKey(image.reference())) {
                node.put("specHash", hashes.get(image.reference()));
            }
            images.add(node);
        }
        root.set("warnings", JSON.valueToTree(spec.warnings()));
        return write(root);
    }

    private static ObjectNode common(StandinImage image) {
        ObjectNode node = JSON.createObjectNode();
        identity(node, image);
        users(node, image, false);
        ports(node, image);
        return node;
    }

    private static void identity(ObjectNode node, StandinImage image) {
        node.put("kind", image.kind().id());
        node.put("image", image.reference());
        node.put("source", image.source());
    }

    private static void users(ObjectNode node, StandinImage image, boolean withPasswords) {
        ArrayNode users = node.putArray("users");
        for (StandinUser user : image.users()) {
            ObjectNode u = users.addObject();
            u.put("name", user.name());
            u.put("uid", user.uid());
            if (withPasswords) {
                u.put("password", user.password());
            }
        }
        node.put("permitRootLogin", image.permitRootLogin());
    }

    private static void ports(ObjectNode node, StandinImage image) {
        node.set("sshPorts", JSON.valueToTree(image.sshPorts()));
        node.set("httpPorts", JSON.valueToTree(image.httpPorts()));
        node.set("tcpPorts", JSON.valueToTree(image.tcpPorts()));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
