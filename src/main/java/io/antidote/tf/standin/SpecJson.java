package io.antidote.tf.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The spec as JSON, in two forms. {@link #recipeInput} is what the programs in the image read at build time
 * ({@code standin.json}: kind, image, source, users with passwords and uids, ports); {@link #summary} is what a person
 * or script reads on stdout, every field but the passwords.
 */
public final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SpecJson() {
    }

    /** {@code standin.json} of one image, with the passwords. */
    public static String recipeInput(StandinImage image) {
        ObjectNode node = common(image, true);
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
            ObjectNode node = common(image, false);
            node.set("lessons", JSON.valueToTree(image.lessons()));
            if (hashes.containsKey(image.reference())) {
                node.put("specHash", hashes.get(image.reference()));
            }
            images.add(node);
        }
        root.set("warnings", JSON.valueToTree(spec.warnings()));
        return write(root);
    }

    private static ObjectNode common(StandinImage image, boolean withPasswords) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", image.kind().id());
        node.put("image", image.reference());
        node.put("source", image.source());
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
        node.set("sshPorts", JSON.valueToTree(image.sshPorts()));
        node.set("httpPorts", JSON.valueToTree(image.httpPorts()));
        node.set("tcpPorts", JSON.valueToTree(image.tcpPorts()));
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
