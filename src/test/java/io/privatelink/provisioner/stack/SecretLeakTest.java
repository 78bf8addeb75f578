package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.privatelink.provisioner.fixtures.WebhookReceiver;
import io.privatelink.simulator.PrivateLinkSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The kinds of traffic the suite makes, with known secrets (the cloud AccessKey secret, the database password, the
 * push secret, callers' tokens good and bad), then a search for each secret in every response, every line the service
 * logged, every record it published and every row it stored.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class SecretLeakTest {

    private final List<String> seen = new ArrayList<>();

    private Response keep(Response r) {
        seen.add(r.statusLine() + "\n" + r.headers() + "\n" + r.asString());
        return r;
    }

    private Response create(RequestSpecification as, String body) {
        return keep(as.contentType(ContentType.JSON).body(body).post("/CreateVpcEndpoint"));
    }

    @Test
    void noSecretAppearsInResponsesLogsEventsOrStoredRows() throws Exception {
        String pushSecret = LocalStackResource.stack().issuer().pushSecret();
        String provisioner = Callers.provisionerToken();
        String auditor = Callers.auditorToken();
        String expired = LocalStackResource.stack().issuer().token("leak-test", null, Duration.ofSeconds(-300), "provisioner");
        String auditorOnly = Callers.token("leak-auditor", null, "auditor");
        String callbackSecret = WebhookReceiver.stackSecret();
        // The receiver's own token in its URL's query: kept to call it, never shown.
        String receiverToken = "receiver-token-" + UUID.randomUUID();
        Map<String, String> secrets = Map.of(
                "callback signing secret", callbackSecret.substring("whsec_".length()),
                "AccessKey secret", PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_SECRET,
                "database password", LocalStackResource.DB_PASSWORD,
                "push secret", pushSecret,
                "provisioner token", provisioner,
                "auditor token", auditor,
                "expired token", expired,
                "auditor-only token", auditorOnly);

        // A job in demo-b: the service assumes demo-b's role, and gets temporary credentials from STS; its every
        // state is POSTed, signed, to a receiver whose URL holds the receiver's token.
        WebhookReceiver receiver = WebhookReceiver.listening(callbackSecret);
        String inDemoB = create(Callers.bearer(Callers.token("leak-demo", io.privatelink.provisioner.local.LocalIssuer.TENANT,
                "provisioner")), """
                {"RegionId": "cn-hangzhou", "VpcId": "vpc-demob01", "ServiceId": "epsrv-demob01",
                 "SecurityGroupId": ["sg-demob01"], "Account": "demo-b", "NotifyOn": "EveryState",
                 "NotificationUrl": "%s"}""".formatted(receiver.url("/leak?token=" + receiverToken)))
                .jsonPath().getString("JobId");
        String good = UUID.randomUUID().toString();
        String goodJob = create(Callers.bearer(provisioner), Jobs.request("vpc-demo01", good)).jsonPath().getString("JobId");
        String failing = create(Callers.bearer(provisioner), Jobs.request("vpc-missing", UUID.randomUUID().toString()))
                .jsonPath().getString("JobId");
        create(Callers.bearer(provisioner), "{\"RegionId\": \"cn-hangzhou\", \"VpcID\": \"vpc-demo01\"}");
        create(Callers.bearer(provisioner), "{not json");
        create(Callers.bearer(provisioner), Jobs.request("vpc-demo01", UUID.randomUUID().toString())
                .replace("\"EndpointName\"", "\"DryRun\": true, \"EndpointName\""));
        create(Callers.bearer(expired), Jobs.request("vpc-demo01", UUID.randomUUID().toString()));
        create(Callers.bearer(auditorOnly), Jobs.request("vpc-demo01", UUID.randomUUID().toString()));
        create(RestAssured.given().header("Authorization", "Bearer " + pushSecret), Jobs.request("vpc-demo01", "x"));
        keep(RestAssured.given().header("X-Privatelink-Push-Secret", provisioner).post("/ProvisionVpcEndpoint"));
        keep(RestAssured.given().header("X-Privatelink-Push-Secret", pushSecret + "x").post("/ReconcileVpcEndpointJobs"));
        keep(RestAssured.given().header("X-Privatelink-Push-Secret", pushSecret).post("/ReconcileVpcEndpointJobs"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !LocalStackResource.stack().simulator().issuedSecrets().isEmpty()
                && "Active".equals(Bodies.text(Callers.auditor().get("/GetVpcEndpointJob?JobId=" + inDemoB),
                        "JobStatus")));
        Map<String, String> withSts = new java.util.LinkedHashMap<>(secrets);
        List<String> issued = LocalStackResource.stack().simulator().issuedSecrets();
        for (int i = 0; i < issued.size(); i++) {
            withSts.put("STS credential " + i, issued.get(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("Active", "Failed").containsAll(List.of(
                Bodies.text(Callers.bearer(provisioner).get("/GetVpcEndpointJob?JobId=" + goodJob), "JobStatus"),
                Bodies.text(Callers.bearer(provisioner).get("/GetVpcEndpointJob?JobId=" + failing), "JobStatus"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(inDemoB).size() == 4);
        receiver.close();
        keep(Callers.bearer(Callers.token("leak-demo", io.privatelink.provisioner.local.LocalIssuer.TENANT,
                "provisioner")).get("/GetVpcEndpointJob?JobId=" + inDemoB));
        keep(Callers.bearer(provisioner).get("/GetVpcEndpointJob?JobId=" + goodJob));
        keep(Callers.bearer(provisioner).get("/GetVpcEndpointJob?ClientToken=" + good));
        keep(Callers.bearer(auditor).get("/ListVpcEndpointJobs?MaxResults=100"));
        keep(RestAssured.given().get("/q/metrics"));
        keep(RestAssured.given().get("/q/health"));

        List<String> published = new ArrayList<>();
        for (String topic : List.of("vpc-endpoint.events", "vpc-endpoint.commands")) {
            TestKafka.readUntil(topic, records -> records.size() >= TestKafka.records(topic), Duration.ofSeconds(20))
                    .forEach(r -> published.add(r.headers() + " " + r.key() + " " + r.value()));
        }
        assertTrue(published.stream().anyMatch(r -> r.contains(goodJob)), "the events of the test's job were read");
        String log = Files.readString(Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class)));
        assertTrue(log.contains(goodJob), "the log file holds this run's lines");

        List<String> rows = storedRows();
        assertTrue(rows.stream().anyMatch(r -> r.contains(goodJob)), "the stored rows were read");
        List<String> leaks = new ArrayList<>();
        where(leaks, "receiver's URL token", receiverToken, "a response", seen);
        where(leaks, "receiver's URL token", receiverToken, "the log", log.lines().toList());
        where(leaks, "receiver's URL token", receiverToken, "a published record", published);
        withSts.forEach((name, secret) -> {
            where(leaks, name, secret, "a response", seen);
            where(leaks, name, secret, "the log", log.lines().toList());
            where(leaks, name, secret, "a published record", published);
            where(leaks, name, secret, "a stored row", rows);
        });
        assertEquals(List.of(), leaks);
    }

    private static void where(List<String> leaks, String name, String secret, String place, List<String> texts) {
        texts.stream().filter(t -> t.contains(secret)).findFirst()
                .ifPresent(t -> leaks.add("the " + name + " is in " + place + ": " + t.substring(0, Math.min(300, t.length()))));
    }

    /** Every row of the service's tables, as text. */
    private static List<String> storedRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection(LocalStackResource.stack().jdbcUrl(), "postgres", "")) {
            for (String table : List.of("vpc_endpoint_job", "vpc_endpoint_job_history", "vpc_endpoint_job_event",
                    "managed_endpoint")) {
                try (var rs = c.createStatement().executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
