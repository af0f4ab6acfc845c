package com.tradingcontrol.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.registry.CompatibilityLevel;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.IncompatibleSchemaException;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaNotFoundException;
import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import com.tradingcontrol.schemas.registry.SchemaVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's Confluent REST API over the in-process registry, driven by the project's own
 * {@link RestSchemaRegistryClient} (the client the services use against Confluent or Apicurio) and
 * by raw HTTP for what that client does not expose: error bodies, content type, loopback rules.
 */
class RegistryRestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CT = "application/vnd.schemaregistry.v1+json";
    private static final Schema V1 = parse("""
            {"type":"record","name":"Order","namespace":"t","fields":[{"name":"id","type":"string"}]}""");
    private static final Schema V2 = parse("""
            {"type":"record","name":"Order","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"qty","type":"int","default":0}]}""");
    private static final Schema BREAKING = parse("""
            {"type":"record","name":"Order","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"side","type":"string"}]}""");

    private final HttpClient http = HttpClient.newHttpClient();
    private InProcessSchemaRegistry registry;
    private RegistryRestServer server;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        registry = InProcessSchemaRegistry.inMemory(CompatibilityLevel.BACKWARD_TRANSITIVE);
        server = RegistryRestServer.start(registry, 0);
        client = new RestSchemaRegistryClient(RestRegistryConfig.of(server.url().toString()));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void theProjectsClientRegistersLooksUpAndFetchesById() {
        int id = client.register("orders-value", V1);
        int again = client.register("orders-value", parse(V1.toString(true)));
        int v2 = client.register("orders-value", V2);

        assertThat(again).isEqualTo(id);
        assertThat(v2).isNotEqualTo(id);
        assertThat(client.lookupId("orders-value", V1)).isEqualTo(id);
        assertThat(client.getById(id)).isEqualTo(V1);
        assertThat(client.latest("orders-value")).isEqualTo(new SchemaVersion("orders-value", 2, v2, V2));
        assertThat(registry.latest("orders-value").id()).as("written to the registry itself").isEqualTo(v2);
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409AndNotStored() throws Exception {
        client.register("orders-value", V1);

        assertThat(client.testCompatibility("orders-value", BREAKING)).isFalse();
        assertThat(client.testCompatibility("orders-value", V2)).isTrue();
        assertThatThrownBy(() -> client.register("orders-value", BREAKING))
                .isInstanceOf(IncompatibleSchemaException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(409))
                .hasMessageContaining("incompatible");
        assertThat(registry.versions("orders-value")).hasSize(1);
        JsonNode verbose = send("POST", "/compatibility/subjects/orders-value/versions/1?verbose=true", schemaBody(BREAKING), 200);
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText()).contains("side");
    }

    @Test
    void unknownSubjectsVersionsAndIdsAnswerConfluentsErrorCodes() throws Exception {
        assertThatThrownBy(() -> client.latest("nope-value")).isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client.getById(999)).isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
        client.register("orders-value", V1);
        assertThatThrownBy(() -> client.lookupId("orders-value", V2))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));

        assertError(send("GET", "/subjects/orders-value/versions/7", null, 404), 40402);
        assertError(send("GET", "/subjects/orders-value/versions/zero", null, 422), 42202);
        assertError(send("POST", "/subjects/nope-value", schemaBody(V1), 404), 40401);
        assertError(send("POST", "/subjects/orders-value/versions", "{\"schema\":\"{not avro\"}", 422), 42201);
        assertError(send("POST", "/subjects/orders-value/versions",
                "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}", 422), 42201);
        assertError(send("POST", "/subjects/orders-value/versions", "{oops", 400), 400);
        assertError(send("POST", "/subjects/orders-value/versions", "{}", 422), 42201);
        assertError(send("GET", "/config/orders-value", null, 404), 40408);
        assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}", 422), 42203);
        assertError(send("GET", "/no/such/path", null, 404), 404);
        assertError(send("DELETE", "/subjects/orders-value", null, 405), 405);
    }

    @Test
    void listingAndRawEndpointsAnswerWhatConfluentDoes() throws Exception {
        int id = client.register("a-value", V1);
        client.register("b-value", V1);

        assertThat(send("GET", "/subjects", null, 200)).containsExactly(JSON.valueToTree("a-value"), JSON.valueToTree("b-value"));
        assertThat(send("GET", "/subjects/a-value/versions", null, 200).toString()).isEqualTo("[1]");
        assertThat(send("GET", "/schemas/ids/" + id + "/versions", null, 200).toString())
                .isEqualTo("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
        assertThat(parse(send("GET", "/subjects/a-value/versions/latest/schema", null, 200).toString())).isEqualTo(V1);
        JsonNode byNumber = send("GET", "/subjects/a-value/versions/1", null, 200);
        assertThat(byNumber.get("id").asInt()).isEqualTo(id);
        assertThat(parse(byNumber.get("schema").asText())).isEqualTo(V1);
        JsonNode lookup = send("POST", "/subjects/b-value", schemaBody(V1), 200);
        assertThat(lookup.get("version").asInt()).isEqualTo(1);
        assertThat(lookup.get("id").asInt()).isEqualTo(id);
    }

    @Test
    void compatibilityLevelsAreReadAndSetGloballyAndPerSubject() {
        assertThat(client.getCompatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        client.register("orders-value", V1);
        client.setCompatibility("orders-value", CompatibilityLevel.NONE);

        assertThat(client.getCompatibility("orders-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.register("orders-value", BREAKING)).as("NONE lets anything through").isPositive();
        client.setCompatibility(null, CompatibilityLevel.FULL);
        assertThat(registry.getCompatibility(null)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.getCompatibility("other-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void answersCarryTheRegistryContentTypeAndRefuseNonLoopbackHostsAndFormPosts() throws Exception {
        HttpResponse<String> root = http.send(request("GET", "/subjects", null).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.headers().firstValue("Content-Type")).contains(CT);
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.url().resolve("/subjects/x/versions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(schemaBody(V1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(registry.subjects()).isEmpty();
        assertThatThrownBy(() -> RegistryHttpRequests.requireLoopbackHost("attacker.example:8081"))
                .isInstanceOf(RegistryError.class).extracting(e -> ((RegistryError) e).status()).isEqualTo(403);
        RegistryHttpRequests.requireLoopbackHost("localhost:1");
        RegistryHttpRequests.requireLoopbackHost("[::1]:1");
    }

    private JsonNode send(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", CT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private static void assertError(JsonNode body, int code) {
        assertThat(body.get("error_code").asInt()).as(body.toString()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private static String schemaBody(Schema schema) throws Exception {
        return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
