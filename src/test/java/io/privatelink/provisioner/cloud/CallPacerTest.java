package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CallPacerTest {

    /** A clock that stands still unless a test moves it: the slots are read off it, not off a busy machine's. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private CallPacer pacer(double createsPerSecond) {
        return new CallPacer(Map.of("CreateVpcEndpoint", createsPerSecond), now::get);
    }

    @Test
    void callsOfALimitedActionAreSpacedByItsRate() {
        CallPacer pacer = pacer(10.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ofMillis(100L * i), pacer.reserve("CreateVpcEndpoint"),
                    "call " + i + " waits 100 ms more than the one before");
        }
        now.addAndGet(Duration.ofMillis(150).toNanos());
        assertEquals(Duration.ofMillis(350), pacer.reserve("CreateVpcEndpoint"), "time gone by counts");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(Duration.ZERO, pacer.reserve("CreateVpcEndpoint"), "an idle action's next call goes at once");
        assertEquals(Duration.ZERO, pacer.reserve("GetVpcEndpointAttribute"), "an action without a limit never waits");
    }

    @Test
    void theBacklogSaysHowLongANewCallWouldWaitWithoutTakingASlot() {
        CallPacer pacer = pacer(10.0);
        assertEquals(Duration.ZERO, pacer.backlog("CreateVpcEndpoint"));
        for (int i = 0; i < 10; i++) {
            pacer.reserve("CreateVpcEndpoint");
        }
        assertEquals(Duration.ofSeconds(1), pacer.backlog("CreateVpcEndpoint"), "ten calls ahead at 10/s");
        assertEquals(Duration.ofSeconds(1), pacer.backlog("CreateVpcEndpoint"), "looking takes no slot");
        assertEquals(Duration.ZERO, pacer.backlog("GetVpcEndpointAttribute"), "an action without a limit has none");
    }

    @Test
    void throttlingSlowsTheActionDownAndSuccessesBringItBack() {
        CallPacer pacer = pacer(30.0);
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
