package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

/** What an attempt without an answer records: why, in a few words, and never the receiver's token. */
class CallbackSenderTest {

    static final String URL = "https://hooks.example.com/jobs?token=receivers-secret";

    static String why(Throwable failure) {
        return ((DeliveryDecisions.NoAnswer) CallbackSender.noAnswer(failure, URL)).error();
    }

    @Test
    void aClientTimeoutThatQuotesTheRequestLineIsRecordedWithoutIt() {
        // The type and message of Vert.x's own (io.vertx.core.impl.NoStackTraceTimeoutException).
        String why = why(new java.util.concurrent.TimeoutException("The timeout period of 10000ms has been exceeded "
                + "while executing POST /jobs?token=receivers-secret for server hooks.example.com:443"));
        assertEquals("no answer in time", why);
    }

    @Test
    void anyOtherMessageLosesTheQuery() {
        String why = why(new IllegalStateException("failed POST /jobs?token=receivers-secret now"));
        assertFalse(why.contains("receivers-secret"), why);
        assertTrue(why.startsWith("IllegalStateException: failed POST /jobs?"), why);
    }

    @Test
    void aRefusedConnectionSaysSo() {
        assertEquals("connection failed: Connection refused: hooks.example.com/10.0.0.1:443",
                why(new ConnectException("Connection refused: hooks.example.com/10.0.0.1:443")));
    }

    @Test
    void aRefusedAddressSaysWhichRule() {
        assertTrue(why(new TargetRules.Refused("its host x resolves to a private address")).startsWith("refused: "));
    }

    @Test
    void aLongMessageIsCut() {
        assertEquals(200, why(new IllegalStateException("x".repeat(500))).length());
    }
}
