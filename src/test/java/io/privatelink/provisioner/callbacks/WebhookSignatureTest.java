package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/** The signature, checked by the specification's own Java implementation. */
class WebhookSignatureTest {

    static final String OLD = "whsec_" + Base64.getEncoder().encodeToString("an old secret of 32 bytes, or so".getBytes());
    static final String NEW = "whsec_" + Base64.getEncoder().encodeToString("a new secret, also thirty-two b.".getBytes());
    static final String BODY = "{\"specversion\":\"1.0\",\"type\":\"privatelink.vpc-endpoint.job.active\"}";

    static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void aReceiverWithTheSecretVerifiesIt() {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.header("msg-1", now, BODY, List.of(WebhookSignature.key(OLD)));
        assertTrue(signature.startsWith("v1,"), signature);
        assertDoesNotThrow(() -> new Webhook(OLD).verify(BODY, headers("msg-1", now, signature)));
    }

    @Test
    void whileASecretIsRotatedAReceiverWithEitherVerifiesIt() {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.header("msg-2", now, BODY,
                List.of(WebhookSignature.key(NEW), WebhookSignature.key(OLD)));
        assertDoesNotThrow(() -> new Webhook(OLD).verify(BODY, headers("msg-2", now, signature)));
        assertDoesNotThrow(() -> new Webhook(NEW).verify(BODY, headers("msg-2", now, signature)));
    }

    @Test
    void anotherBodyIdOrSecretDoesNotVerify() {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.header("msg-3", now, BODY, List.of(WebhookSignature.key(OLD)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(OLD).verify(BODY + " ", headers("msg-3", now, signature)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(OLD).verify(BODY, headers("msg-4", now, signature)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(NEW).verify(BODY, headers("msg-3", now, signature)));
    }

    @Test
    void aSecretNotInTheWhsecFormIsRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.key("plain-secret-value"));
        assertTrue(!e.getMessage().contains("plain-secret-value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key("whsec_not base64!"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key("whsec_c2hvcnQ="));
    }
}
