package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Who may call what, on the wire: every refusal in the API's error shape, and nothing recorded for it. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class AuthenticationTest {

    private static String body(String clientToken) {
        return Jobs.request("vpc-demo01", clientToken);
    }

    private static Response create(RequestSpecification as, String clientToken) {
        return as.contentType(ContentType.JSON).body(body(clientToken)).post("/CreateVpcEndpoint");
    }

    /** A token like the issuer's, but signed with a key nobody trusts. */
    private static String signedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Jwt.issuer(LocalIssuer.ISSUER).audience(LocalIssuer.AUDIENCE).subject(Callers.PROVISIONER)
                .groups(Set.of("provisioner")).expiresIn(Duration.ofHours(1)).sign(generator.generateKeyPair().getPrivate());
    }

    /** Refused with this status and code, the error shape complete, and no job or command left behind. */
    private static void refusedAndNothingRecorded(RequestSpecification as, int status, String code) {
        String clientToken = UUID.randomUUID().toString();
        long commands = TestKafka.records("vpc-endpoint.commands");
        create(as, clientToken).then().statusCode(status).contentType(ContentType.JSON)
                .body("Code", equalTo(code)).body("Message", notNullValue()).body("RequestId", notNullValue());
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", clientToken));
        assertEquals(commands, TestKafka.records("vpc-endpoint.commands"));
    }

    @Test
    void noTokenIsMissingToken() {
        refusedAndNothingRecorded(RestAssured.given(), 401, "MissingToken");
        RestAssured.given().get("/GetVpcEndpointJob?JobId=job-x").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("Code", equalTo("MissingToken"));
        RestAssured.given().get("/ListVpcEndpointJobs").then().statusCode(401).body("Code", equalTo("MissingToken"));
    }

    @Test
    void expiredWrongIssuerWrongAudienceAndWrongSignatureAreInvalidToken() throws Exception {
        var issuer = LocalStackResource.stack().issuer();
        String expired = issuer.token(Callers.PROVISIONER, null, Duration.ofSeconds(-120), "provisioner");
        refusedAndNothingRecorded(Callers.bearer(expired), 401, "InvalidToken");
        create(Callers.bearer(expired), "x").then().body("Message", equalTo("The bearer token has expired."));

        String otherIssuer = issuer.sign(Jwt.issuer("https://someone-else.example").audience(LocalIssuer.AUDIENCE)
                .subject(Callers.PROVISIONER).groups(Set.of("provisioner")).expiresIn(Duration.ofHours(1)));
        refusedAndNothingRecorded(Callers.bearer(otherIssuer), 401, "InvalidToken");
        create(Callers.bearer(otherIssuer), "x").then()
                .body("Message", equalTo("The bearer token was not issued by the trusted issuer."));

        String otherAudience = issuer.sign(Jwt.issuer(LocalIssuer.ISSUER).audience("another-service")
                .subject(Callers.PROVISIONER).groups(Set.of("provisioner")).expiresIn(Duration.ofHours(1)));
        refusedAndNothingRecorded(Callers.bearer(otherAudience), 401, "InvalidToken");
        create(Callers.bearer(otherAudience), "x").then()
                .body("Message", equalTo("The bearer token is not meant for this service (its audience)."));

        String forged = signedByAnotherKey();
        refusedAndNothingRecorded(Callers.bearer(forged), 401, "InvalidToken");
        create(Callers.bearer(forged), "x").then().header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("Message", equalTo("The bearer token's signature does not verify against the trusted keys."));
    }

    @Test
    void malformedUnsignedAndNonBearerCredentialsAreInvalidToken() {
        refusedAndNothingRecorded(RestAssured.given().header("Authorization", "Bearer not-a-jwt"), 401, "InvalidToken");
        refusedAndNothingRecorded(RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz"), 401, "InvalidToken");
        refusedAndNothingRecorded(RestAssured.given().header("Authorization", "Bearer "), 401, "InvalidToken");
        // alg "none": a token anyone can write.
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + LocalIssuer.ISSUER
                        + "\",\"aud\":\"" + LocalIssuer.AUDIENCE + "\",\"sub\":\"x\",\"groups\":[\"provisioner\"],\"exp\":"
                        + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes()) + ".";
        refusedAndNothingRecorded(Callers.bearer(unsigned), 401, "InvalidToken");
    }

    @Test
    void aSubjectOrTenantTheJobCannotKeepIsInvalidToken() {
        refusedAndNothingRecorded(Callers.bearer(Callers.token("s".repeat(256), null, "provisioner")), 401, "InvalidToken");
        refusedAndNothingRecorded(Callers.bearer(Callers.token("sub", "t\u0000", "provisioner")), 401, "InvalidToken");
    }

    @Test
    void onlyAProvisionerMayCreateAndATokenWithoutRolesReadsNothing() {
        refusedAndNothingRecorded(Callers.auditor(), 403, "Forbidden.Role");
        String noRoles = Callers.token("someone", null);
        refusedAndNothingRecorded(Callers.bearer(noRoles), 403, "Forbidden.Role");
        Callers.bearer(noRoles).get("/ListVpcEndpointJobs").then().statusCode(403).body("Code", equalTo("Forbidden.Role"));
        Callers.bearer(noRoles).get("/GetVpcEndpointJob?JobId=job-x").then().statusCode(403);
    }

    @Test
    void aCallerReadsOnlyItsOwnJobsAndAnAuditorReadsAll() {
        String clientToken = UUID.randomUUID().toString();
        RequestSpecification alice = Callers.bearer(Callers.token("alice", null, "provisioner"));
        String jobId = create(alice, clientToken).then().statusCode(202).extract().path("JobId");

        RequestSpecification bob = Callers.bearer(Callers.token("bob", null, "provisioner"));
        String missing = bob.get("/GetVpcEndpointJob?JobId=job-does-not-exist").then().statusCode(404).extract().path("Message");
        String hidden = Callers.bearer(Callers.token("bob", null, "provisioner")).get("/GetVpcEndpointJob?JobId=" + jobId)
                .then().statusCode(404).body("Code", equalTo("JobNotFound")).extract().path("Message");
        assertEquals(missing.replace("job-does-not-exist", jobId), hidden, "another's job answers as a missing one does");
        Callers.bearer(Callers.token("bob", null, "provisioner")).get("/GetVpcEndpointJob?ClientToken=" + clientToken)
                .then().statusCode(404).body("Code", equalTo("JobNotFound"));
        // The same subject in another tenant is another caller.
        Callers.bearer(Callers.token("alice", "other-tenant", "provisioner")).get("/GetVpcEndpointJob?JobId=" + jobId)
                .then().statusCode(404);
        List<String> bobsList = Callers.bearer(Callers.token("bob", null, "provisioner"))
                .get("/ListVpcEndpointJobs?MaxResults=100").then().statusCode(200).extract().path("Jobs.JobId");
        assertTrue(!bobsList.contains(jobId), "bob's list holds only bob's jobs");

        Callers.bearer(Callers.token("alice", null, "provisioner")).get("/GetVpcEndpointJob?JobId=" + jobId)
                .then().statusCode(200).body("JobId", equalTo(jobId));
        Callers.auditor().get("/GetVpcEndpointJob?JobId=" + jobId).then().statusCode(200);
        Callers.auditor().get("/GetVpcEndpointJob?ClientToken=" + clientToken).then().statusCode(200)
                .body("JobId", equalTo(jobId));
        assertEquals(List.of(jobId), Callers.auditor().get("/ListVpcEndpointJobs?VpcId=vpc-demo01&MaxResults=100")
                .then().statusCode(200).extract().<List<String>> path("Jobs.JobId").stream()
                .filter(jobId::equals).toList());
    }

    @Test
    void theSameClientTokenFromTwoCallersIsTwoJobsAndTwoEndpoints() {
        String clientToken = UUID.randomUUID().toString();
        String first = create(Callers.bearer(Callers.token("carol", null, "provisioner")), clientToken)
                .then().statusCode(202).extract().path("JobId");
        String second = create(Callers.bearer(Callers.token("dave", "acme", "provisioner")), clientToken)
                .then().statusCode(202).extract().path("JobId");
        assertNotEquals(first, second);
        assertEquals(first, create(Callers.bearer(Callers.token("carol", null, "provisioner")), clientToken)
                .then().statusCode(202).extract().path("JobId"), "the same caller's token is still one job");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from vpc_endpoint_job where client_token = ? and status = 'Active'", clientToken) == 2);
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(first));
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(second));
    }

    @Test
    void internalFunctionsTakeThePushSecretAndNoCallersToken() {
        String push = LocalStackResource.stack().issuer().pushSecret();
        for (String path : List.of("/ProvisionVpcEndpoint", "/ReconcileVpcEndpointJobs")) {
            Callers.provisioner().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .body("Code", equalTo("MissingToken"));
            Callers.auditor().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
            RestAssured.given().header("X-Privatelink-Push-Secret", Callers.provisionerToken())
                    .contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .body("Code", equalTo("InvalidToken"));
            RestAssured.given().header("X-Privatelink-Push-Secret", push.substring(1))
                    .contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
        }
        // Other spellings of the same path reach no function either.
        for (String path : List.of("/ProvisionVpcEndpoint/", "//ProvisionVpcEndpoint", "/q/../ProvisionVpcEndpoint",
                "/Provision%56pcEndpoint")) {
            int status = Callers.provisioner().urlEncodingEnabled(false).contentType(ContentType.JSON)
                    .body("{\"JobId\": \"job-x\"}").post(path).statusCode();
            assertTrue(status >= 400, path + " answered " + status);
        }
        RestAssured.given().header("X-Privatelink-Push-Secret", push).post("/ReconcileVpcEndpointJobs")
                .then().statusCode(200);
        RestAssured.given().header("ce-pushsecret", push).post("/ReconcileVpcEndpointJobs").then().statusCode(200);
    }

    @Test
    void aCallerOverItsCreateRateIsThrottledAndOthersAreNot() {
        // The tenant "throttled" is configured (application.properties, %test) at a burst of 3 and 0.2 calls/s.
        RequestSpecification eager = Callers.bearer(Callers.token("eager-" + UUID.randomUUID(), "throttled", "provisioner"));
        for (int i = 0; i < 3; i++) {
            create(eager, UUID.randomUUID().toString()).then().statusCode(202);
        }
        String clientToken = UUID.randomUUID().toString();
        Response throttled = create(eager, clientToken);
        throttled.then().statusCode(429).body("Code", equalTo("Throttling.User")).body("RequestId", notNullValue());
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", clientToken));
        create(Callers.bearer(Callers.token("patient-" + UUID.randomUUID(), "throttled", "provisioner")),
                UUID.randomUUID().toString()).then().statusCode(202);
        eager.get("/ListVpcEndpointJobs").then().statusCode(not(429));
    }
}
