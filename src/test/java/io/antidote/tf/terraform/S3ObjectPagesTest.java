package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 state lister through the real AWS SDK against a local HTTP server that answers {@code ListObjectsV2} in its
 * documented format (XML {@code ListBucketResult}, {@code IsTruncated} and {@code NextContinuationToken} paging):
 * every page is read, only this instance's {@code <keyPrefix>/<instanceId>/<livelesson>.tfstate} keys become stacks,
 * and each request is a signed {@code list-type=2} call with the prefix and the continuation token.
 */
class S3ObjectPagesTest {
    private static final String BUCKET = "antidote-states";
    private HttpServer server;
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> savedProperties = new LinkedHashMap<>();

    @BeforeEach
    void start() throws IOException {
        for (String[] p : new String[][] {{"aws.accessKeyId", "AKIDEXAMPLE"},
                {"aws.secretAccessKey", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY"}, {"aws.disableEc2Metadata", "true"}}) {
            savedProperties.put(p[0], System.getProperty(p[0]));
            System.setProperty(p[0], p[1]);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/" + BUCKET, exchange -> {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            queries.add(q);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String token = q.get("continuation-token");
            String body = token == null ? page(q.get("prefix"), null, "page-2-token", List.of(
                    "antidote-tf/inst/ll001.tfstate", "antidote-tf/inst/ll002.tfstate",
                    "antidote-tf/inst/ll002.tfstate.backup", "antidote-tf/inst/nested/ll009.tfstate"))
                    : page(q.get("prefix"), token, null, List.of("antidote-tf/inst/ll003.tfstate"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static String page(String prefix, String token, String next, List<String> keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + BUCKET + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>" + keys.size()
                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>" + (next != null) + "</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(token).append("</ContinuationToken>");
        }
        if (next != null) {
            xml.append("<NextContinuationToken>").append(next).append("</NextContinuationToken>");
        }
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-01-02T03:04:05.000Z"
                    + "</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1234</Size>"
                    + "<StorageClass>STANDARD</StorageClass></Contents>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Test
    void everyPageIsReadAndOnlyThisInstancesStateKeysAreStacks() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        StateBackend.S3 backend = new StateBackend.S3(BUCKET, "antidote-tf", "eu-west-1", "locks");
        try (S3ObjectPages pages = S3ObjectPages.of("eu-west-1", Optional.of(endpoint))) {
            List<StackId> stacks = new ArrayList<>(new StackLister.S3(backend, pages).list("inst"));
            assertThat(stacks).containsExactly(new StackId("inst", "ll001"), new StackId("inst", "ll002"),
                    new StackId("inst", "ll003"));
        }
        assertThat(queries).hasSize(2);
        assertThat(queries.get(0)).containsEntry("list-type", "2").containsEntry("prefix", "antidote-tf/inst/")
                .doesNotContainKey("continuation-token");
        assertThat(queries.get(1)).containsEntry("continuation-token", "page-2-token");
        assertThat(authorizations).allSatisfy(a -> assertThat(a).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/s3/aws4_request"));
    }
}
