package io.privatelink.provisioner.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document kept in the repository: served as it is, valid OpenAPI 3.1 by the OpenAPI Initiative's own
 * schema (src/test/resources/openapi/oas-3.1-schema-2022-10-07.json, https://spec.openapis.org/oas/3.1/schema/2022-10-07
 * as the OAI publishes it under the Apache License 2.0), naming every error code the service answers, and describing
 * real answers of the service exactly (its objects closed: a field added to the code and not to the document fails).
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("src/main/resources/META-INF/resources/openapi.yaml");
    static final YAMLMapper YAML = new YAMLMapper();

    static String document() throws IOException {
        return Files.readString(DOCUMENT);
    }

    /** A schema of the document's components, with the document around it so that its references resolve. */
    static Schema component(String name) throws IOException {
        ObjectNode root = (ObjectNode) YAML.readTree(document());
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
    }

    static void assertDescribes(String schema, Response response) throws IOException {
        List<Error> errors = component(schema).validate(response.asString(), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(),
                schema + " against " + response.statusCode() + " " + response.asString());
    }

    @Test
    void theServiceServesTheDocumentKeptInTheRepositoryWithoutAToken() throws IOException {
        Response served = RestAssured.given().get("/openapi.yaml");
        assertEquals(200, served.statusCode());
        assertEquals(document(), served.asString());
    }

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        Schema oas;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            oas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        assertEquals(List.of(), oas.validate(document(), InputFormat.YAML).stream().map(Error::toString).toList());
        JsonNode root = YAML.readTree(document());
        assertEquals("3.1.0", root.path("openapi").asString());
        assertTrue(root.path("webhooks").has("jobEvent"), "the callback's request is described");
        assertTrue(root.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString()
                .equals("bearer"));
    }

    @Test
    void aBrokenDocumentIsNotValid() throws IOException {
        Schema oas;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            oas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        String broken = document().replaceFirst("openapi: 3.1.0", "openapi: 3.1.0\nnotAKeyword: true");
        assertFalse(oas.validate(broken, InputFormat.YAML).isEmpty(), "the schema does catch a wrong document");
    }

    @Test
    void everyCallerFacingFunctionIsAPath() throws IOException {
        JsonNode paths = YAML.readTree(document()).path("paths");
        for (String function : List.of("CreateVpcEndpoint", "DeleteVpcEndpoint", "UpdateVpcEndpoint",
                "AdoptVpcEndpoint", "CancelVpcEndpointJob", "GetVpcEndpointJob", "GetVpcEndpoint",
                "ListVpcEndpoints", "ListVpcEndpointJobs")) {
            assertTrue(paths.has("/" + function), function);
        }
    }

    @Test
    void everyErrorCodeOfTheServiceIsInTheDocument() throws Exception {
        String document = document();
        List<String> missing = new ArrayList<>();
        for (Field f : ApiErrors.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String code = (String) f.get(null);
                if (code.matches("[A-Za-z.]+") && !document.contains(code)) {
                    missing.add(code);
                }
            }
        }
        assertEquals(List.of(), missing, "codes ApiErrors answers that the document does not name");
    }

    @Test
    void realAnswersAreWhatTheDocumentSays() throws IOException {
        Response accepted = Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString()));
        assertEquals(202, accepted.statusCode());
        assertDescribes("CreateVpcEndpointResponse", accepted);
        String jobId = accepted.jsonPath().getString("JobId");
        Jobs.awaitStatus(jobId, "Active");
        assertDescribes("JobView", Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + jobId));
        // A job that notifies a receiver that is not there: its view with a delivery under way.
        var demo = Callers.bearer(Callers.token("openapi", LocalIssuer.TENANT, "provisioner"));
        String body = Jobs.request("vpc-demo01", UUID.randomUUID().toString())
                .replaceFirst("\\}$", ", \"NotificationUrl\": \"http://localhost:9/none\", \"NotifyOn\": \"EveryState\"}");
        String notifying = demo.contentType("application/json").body(body).post("/CreateVpcEndpoint").then()
                .statusCode(202).extract().path("JobId");
        await().atMost(Duration.ofSeconds(30)).until(() -> demo.get("/GetVpcEndpointJob?JobId=" + notifying)
                .jsonPath().getInt("Notification.Deliveries[0].Attempts") > 0);
        Response withDeliveries = demo.get("/GetVpcEndpointJob?JobId=" + notifying);
        assertEquals("Pending", withDeliveries.jsonPath().getString("Notification.Deliveries[0].State"));
        assertDescribes("JobView", withDeliveries);
        Response refused = Jobs.create("{\"RegionId\": \"cn-hangzhou\"}");
        assertEquals(400, refused.statusCode());
        assertDescribes("ErrorBody", refused);
        Response unknown = Callers.provisioner().get("/GetVpcEndpointJob?JobId=job-none");
        assertEquals(404, unknown.statusCode());
        assertDescribes("ErrorBody", unknown);
    }
}
