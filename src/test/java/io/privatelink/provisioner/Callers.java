package io.privatelink.provisioner;

import java.time.Duration;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests as the callers the tests play, with tokens from the test stack's issuer. */
public final class Callers {

    public static final String PROVISIONER = "test-provisioner";
    public static final String AUDITOR = "test-auditor";

    private Callers() {
    }

    /** A token for the service from its trusted issuer. */
    public static String token(String subject, String tenant, String... roles) {
        return LocalStackResource.stack().issuer().token(subject, tenant, Duration.ofHours(1), roles);
    }

    public static String provisionerToken() {
        return token(PROVISIONER, null, "provisioner");
    }

    public static String auditorToken() {
        return token(AUDITOR, null, "auditor");
    }

    /** The tests' usual caller: a provisioner. */
    public static RequestSpecification provisioner() {
        return bearer(provisionerToken());
    }

    public static RequestSpecification auditor() {
        return bearer(auditorToken());
    }

    public static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
