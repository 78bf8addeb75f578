package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestCertificates;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.WebhookReceiver;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Completion callbacks on the real stack: receivers that verify each POST with the Standard Webhooks specification's
 * own implementation get each job's events once, in order, late when they were down, and never when they refuse;
 * URLs the operator did not allow are refused at acceptance with nothing recorded.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class CallbacksTest {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String ACTIVE = "privatelink.vpc-endpoint.job.active";

    static String withCallback(String token, String url, String notifyOn) {
        String request = Jobs.request("vpc-demo01", token);
        return request.substring(0, request.lastIndexOf('}')) + ", \"NotificationUrl\": \"" + url + "\""
                + (notifyOn == null ? "" : ", \"NotifyOn\": \"" + notifyOn + "\"") + "}";
    }

    /** A provisioner of the stack's tenant, whose signing secret the receivers know. */
    static RequestSpecification caller() {
        return Callers.bearer(Callers.token(Callers.PROVISIONER, LocalIssuer.TENANT, "provisioner"));
    }

    static Response create(String body) {
        return caller().contentType(ContentType.JSON).body(body).post("/CreateVpcEndpoint");
    }

    static String accepted(String function, String body) {
        return caller().contentType(ContentType.JSON).body(body).post("/" + function).then().statusCode(202)
                .extract().path("JobId");
    }

    static String accepted(String body) {
        return accepted("CreateVpcEndpoint", body);
    }

    static JsonPath job(String jobId) {
        return caller().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath();
    }

    static JsonPath awaitStatus(String jobId, String status) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(
                () -> status.equals(Bodies.text(caller().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus")));
        return job(jobId);
    }

    static void awaitAll(List<String> jobIds, String status) {
        jobIds.forEach(id -> awaitStatus(id, status));
    }

    static List<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::type).toList();
    }

    @Test
    void anHttpsReceiverUnderAnAuthorityTheOperatorAddedGetsTheEnd() {
        try (WebhookReceiver receiver = WebhookReceiver.listeningTls(WebhookReceiver.stackSecret(),
                LocalStackResource.TRUSTED_RECEIVER.keyStore())) {
            String jobId = accepted(withCallback(UUID.randomUUID().toString(), receiver.url("/tls"), null));
            awaitStatus(jobId, "Active");
            await().atMost(WITHIN).until(() -> receiver.about(jobId).size() == 1);
            assertEquals(ACTIVE, receiver.about(jobId).get(0).type());
            assertEquals(0, receiver.unverified());
        }
    }

    /** A receiver's certificate that no authority vouches for, or that names another host, gets no event. */
    static java.util.stream.Stream<TestCertificates.Issued> untrustedCertificates() {
        return java.util.stream.Stream.of(TestCertificates.issue("unknown-receiver", "localhost"),
                LocalStackResource.WRONG_NAME_RECEIVER);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("untrustedCertificates")
    void anHttpsReceiverWhoseCertificateDoesNotHoldGetsNothing(TestCertificates.Issued certificate) {
        try (WebhookReceiver receiver = WebhookReceiver.listeningTls(WebhookReceiver.stackSecret(),
                certificate.keyStore())) {
            String jobId = accepted(withCallback(UUID.randomUUID().toString(), receiver.url("/untrusted"), null));
            JsonPath view = await().atMost(WITHIN).until(() -> job(jobId),
                    job -> job.getString("Notification.Deliveries[0].LatestAttempts[0].Error") != null);
            assertTrue(view.getString("Notification.Deliveries[0].LatestAttempts[0].Error").startsWith("TLS failed"),
                    view.prettify());
            assertFalse("Delivered".equals(view.getString("Notification.Deliveries[0].State")));
            assertEquals(0, receiver.posts(), "no request reached the receiver");
        }
    }

    @Test
    void theEndOfAJobIsPostedOnceSignedAndItsDeliveryIsInTheView() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            String jobId = accepted(withCallback(UUID.randomUUID().toString(),
                    receiver.url("/hooks/jobs?token=receivers-own-token"), null));
            awaitStatus(jobId, "Active");
            await().atMost(WITHIN).until(() -> receiver.about(jobId).size() == 1);
            WebhookReceiver.Received end = receiver.about(jobId).get(0);
            assertEquals(ACTIVE, end.type());
            assertEquals(end.webhookId(), end.event().path("id").asText(), "webhook-id is the CloudEvent's id");
            assertEquals("Active", end.event().path("data").path("JobStatus").asText());

            JsonPath view = await().atMost(WITHIN).until(() -> job(jobId),
                    job -> "Delivered".equals(job.getString("Notification.Deliveries[0].State")));
            assertEquals(receiver.url("/hooks/jobs"), view.getString("Notification.Url"), "the query is not shown");
            assertEquals("Terminal", view.getString("Notification.NotifyOn"));
            assertEquals(List.of(ACTIVE), view.getList("Notification.Deliveries.EventType"));
            assertEquals(1, view.getInt("Notification.Deliveries[0].Attempts"));
            assertEquals(204, view.getInt("Notification.Deliveries[0].LatestAttempts[0].Status"));
            assertFalse(view.prettify().contains("receivers-own-token"), "the URL's query stays out of the view");
            assertFalse(end.event().toString().contains("receivers-own-token"), "and out of the event");
            // Several reconciler passes and first backoffs (tests: 0.2 s each) go by without a second delivery.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.about(jobId).size() == 1);
            assertEquals(0, receiver.unverified());
        }
    }

    @Test
    void withNotifyOnEveryStateEachStatesEventArrivesInOrder() {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            List<String> jobIds = IntStream.range(0, 3).mapToObj(i -> accepted(withCallback(
                    UUID.randomUUID().toString(), receiver.url("/every"), "EveryState"))).toList();
            awaitAll(jobIds, "Active");
            List<String> states = List.of("privatelink.vpc-endpoint.job.accepted",
                    "privatelink.vpc-endpoint.job.provisioning", "privatelink.vpc-endpoint.job.creating", ACTIVE);
            for (String jobId : jobIds) {
                await().atMost(WITHIN).until(() -> receiver.about(jobId).size() >= 4);
                assertEquals(states, types(receiver.about(jobId)), "job " + jobId);
            }
        }
    }

    @Test
    void aReceiverDownForAWhileGetsTheEventsLateNoneLost() {
        try (WebhookReceiver receiver = WebhookReceiver.down(WebhookReceiver.stackSecret())) {
            List<String> jobIds = IntStream.range(0, 4).mapToObj(i -> accepted(withCallback(
                    UUID.randomUUID().toString(), receiver.url("/late"), null))).toList();
            awaitAll(jobIds, "Active");
            // Every delivery has met the closed port at least twice before the receiver comes up.
            await().atMost(WITHIN).until(() -> jobIds.stream().allMatch(id -> job(id)
                    .getInt("Notification.Deliveries[0].Attempts") >= 2));
            JsonPath failing = job(jobIds.get(0));
            assertEquals("Pending", failing.getString("Notification.Deliveries[0].State"));
            assertTrue(failing.getString("Notification.Deliveries[0].LatestAttempts[0].Error") != null,
                    "an attempt without an answer says why");
            receiver.listen();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jobIds.stream().allMatch(id -> receiver.about(id).size() == 1));
            Set<String> ids = receiver.received().stream().map(WebhookReceiver.Received::webhookId)
                    .collect(Collectors.toSet());
            assertEquals(4, ids.size(), "each job's end once");
        }
    }

    @Test
    void aReceiverAnswering410EndsTheDelivery() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            receiver.answer(() -> 410);
            String jobId = accepted(withCallback(UUID.randomUUID().toString(), receiver.url("/gone"), null));
            awaitStatus(jobId, "Active");
            JsonPath view = await().atMost(WITHIN).until(() -> job(jobId),
                    job -> "Refused".equals(job.getString("Notification.Deliveries[0].State")));
            assertEquals(410, view.getInt("Notification.Deliveries[0].LatestAttempts[0].Status"));
            // Several first backoffs (tests: 0.2 s) go by: a 410 is not tried again.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.posts() == 1);
        }
    }

    @Test
    void aDeleteEndsWithItsOwnCallback() {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            String endpointId = awaitStatus(accepted(Jobs.request("vpc-demo01", UUID.randomUUID().toString())),
                    "Active").getString("Endpoint.EndpointId");
            String delete = accepted("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId
                    + "\", \"NotificationUrl\": \"" + receiver.url("/deleted") + "\"}");
            awaitStatus(delete, "Deleted");
            await().atMost(WITHIN).until(() -> receiver.about(delete).size() == 1);
            assertEquals(List.of("privatelink.vpc-endpoint.job.deleted"), types(receiver.about(delete)));
        }
    }

    @Test
    void aDeliveryLeftUnderTheLeaseOfAProcessThatDiedIsDeliveredWhenTheLeaseRunsOut() {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            String jobId = accepted(withCallback(UUID.randomUUID().toString(), receiver.url("/lease"), null));
            awaitStatus(jobId, "Active");
            await().atMost(WITHIN).until(() -> receiver.about(jobId).size() == 1);
            // As a process leaves its claim when it dies mid-attempt: the same event again, under a lease of 2 s.
            assertEquals(1, TestDatabase.update("""
                    insert into vpc_endpoint_callback (job_id, caller_tenant, url, host, event_id, event_type,
                        payload, created_at, next_attempt_at, attempts)
                    select job_id, caller_tenant, url, host, event_id, event_type, payload, created_at,
                        now() + interval '2 seconds', 1
                    from vpc_endpoint_callback where job_id = ?""", jobId));
            await().atMost(WITHIN).until(() -> receiver.about(jobId).size() == 2);
            assertEquals(receiver.about(jobId).get(0).webhookId(), receiver.about(jobId).get(1).webhookId(),
                    "a delivery tried again carries the same webhook-id, for the receiver to drop");
        }
    }

    @Test
    void aUrlToLoopbackOrMetadataIsRefusedAndNothingIsRecorded() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/latest/meta-data/", "https://hooks.example.com/not-allowed",
                "http://user:pw@localhost:8080/", "ftp://localhost/")) {
            String token = UUID.randomUUID().toString();
            Response refused = create(withCallback(token, url, null));
            refused.then().statusCode(400);
            assertEquals("IllegalParam.NotificationUrl", refused.jsonPath().getString("Code"), url);
            assertFalse(refused.asString().contains("pw@"), "the refusal does not quote the URL");
            assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token),
                    url + ": nothing recorded");
        }
    }

    @Test
    void malformedNotificationParametersAreRefusedInTheApisShape() {
        String token = UUID.randomUUID().toString();
        Response notifyOn = create(withCallback(token, "http://localhost:9/x", "Sometimes"));
        notifyOn.then().statusCode(400);
        assertEquals("IllegalParam.NotifyOn", notifyOn.jsonPath().getString("Code"));
        Response tooLong = create(withCallback(token, "https://localhost/" + "a".repeat(2100), null));
        tooLong.then().statusCode(400);
        assertEquals("IllegalParam.NotificationUrl", tooLong.jsonPath().getString("Code"));
        String wrongType = Jobs.request("vpc-demo01", token).replaceFirst("\\}$", ", \"NotificationUrl\": 5}");
        Response typed = create(wrongType);
        typed.then().statusCode(400);
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
    }

    @Test
    void aTenantWithoutASigningSecretCannotAskForCallbacks() {
        String token = UUID.randomUUID().toString();
        Response refused = Callers.bearer(Callers.token("second-caller", LocalStackResource.SECOND_TENANT, "provisioner"))
                .contentType(ContentType.JSON).body(withCallback(token, "http://localhost:9/x", null))
                .post("/CreateVpcEndpoint");
        refused.then().statusCode(400);
        assertEquals("IllegalParam.NotificationUrl", refused.jsonPath().getString("Code"));
        assertTrue(refused.jsonPath().getString("Message").contains("signing secret"));
    }
}
