package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallPacerTest {

    @Test
    void callsOfALimitedActionAreSpacedByItsRate() {
        CallPacer pacer = new CallPacer(Map.of("CreateVpcEndpoint", 10.0));
        long previous = -90;
        for (int i = 0; i < 5; i++) {
            long wait = pacer.reserve("CreateVpcEndpoint").toMillis();
            assertTrue(wait >= previous + 90, "call " + i + " waits about 100 ms more than the one before: " + wait);
            previous = wait;
        }
        assertEquals(Duration.ZERO, pacer.reserve("GetVpcEndpointAttribute"), "an action without a limit never waits");
    }

    @Test
    void theBacklogSaysHowLongANewCallWouldWaitWithoutTakingASlot() {
        CallPacer pacer = new CallPacer(Map.of("CreateVpcEndpoint", 10.0));
        assertEquals(Duration.ZERO, pacer.backlog("CreateVpcEndpoint"));
        for (int i = 0; i < 10; i++) {
            pacer.reserve("CreateVpcEndpoint");
        }
        long backlog = pacer.backlog("CreateVpcEndpoint").toMillis();
        assertTrue(backlog > 900 && backlog <= 1000, "ten calls ahead at 10/s: about a second, " + backlog + " ms");
        assertTrue(pacer.backlog("CreateVpcEndpoint").toMillis() <= backlog, "looking takes no slot");
        assertEquals(Duration.ZERO, pacer.backlog("GetVpcEndpointAttribute"), "an action without a limit has none");
    }

    @Test
    void throttlingSlowsTheActionDownAndSuccessesBringItBack() {
        CallPacer pacer = new CallPacer(Map.of("CreateVpcEndpoint", 30.0));
        pacer.throttled("CreateVpcEndpoint");
        assertEquals(20.0, pacer.rate("CreateVpcEndpoint"), 0.001);
        pacer.throttled("CreateVpcEndpoint");
        assertTrue(pacer.rate("CreateVpcEndpoint") < 20.0);
        for (int i = 0; i < 100; i++) {
            pacer.succeeded("CreateVpcEndpoint");
        }
        assertEquals(30.0, pacer.rate("CreateVpcEndpoint"), 0.001, "never above the configured limit");
        for (int i = 0; i < 100; i++) {
            pacer.throttled("CreateVpcEndpoint");
        }
        assertEquals(3.0, pacer.rate("CreateVpcEndpoint"), 0.001, "never below a tenth of it");
    }
}
