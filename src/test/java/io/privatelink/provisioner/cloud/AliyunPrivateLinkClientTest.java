package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;

class AliyunPrivateLinkClientTest {

    private static final String CREATE = PrivateLinkClient.CREATE;
    private static final double LIMIT = 10;

    private final ExecutorService calls = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService turns = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        calls.shutdownNow();
        turns.shutdownNow();
    }

    @Test
    void aCloudMessageQuotingTheStringToSignLosesTheSecurityTokenAndKeepsTheRest() {
        String quoted = "server string to sign is:POST&%2F&AccessKeyId%3DSTS.abc%26SecurityToken%3DsEcReT%252Bx%26"
                + "Version%3D2020-04-15";
        assertEquals("server string to sign is:POST&%2F&AccessKeyId%3DSTS.abc%26SecurityToken%3D***%26"
                + "Version%3D2020-04-15", SecurityTokens.redacted(quoted));
        assertEquals("a=1&SecurityToken=***&b=2", SecurityTokens.redacted("a=1&SecurityToken=sEcReT&b=2"));
        assertEquals("no token here", SecurityTokens.redacted("no token here"));
    }

    /** Every throttling answer slows the account's pacing of the action, and is counted as throttled. */
    @ParameterizedTest
    @ValueSource(strings = {"Throttling.User", "Throttling.Api", "Throttling", "Rejected.Throttling"})
    void aThrottlingAnswerSlowsTheActionsPacing(String code) {
        AliyunPrivateLinkClient client = answering(code);
        CloudException refused = assertThrows(CloudException.class,
                () -> client.create(Map.of("RegionId", "cn-hangzhou"), "token-1").await().atMost(Duration.ofSeconds(10)));
        assertEquals(code, refused.code());
        assertTrue(rate() < LIMIT, code + " slowed the pacing: " + rate());
        assertEquals(1, metrics.counter("privatelink.cloud.throttled", "account", "a", "action", CREATE).count());
    }

    @Test
    void anotherRefusalLeavesThePacingAlone() {
        AliyunPrivateLinkClient client = answering("VpcNotFound");
        assertThrows(CloudException.class,
                () -> client.create(Map.of("RegionId", "cn-hangzhou"), "token-1").await().atMost(Duration.ofSeconds(10)));
        assertEquals(LIMIT, rate());
    }

    @Test
    void aLookAtTheZonesThatGetsNoAnswerLeavesTheEndpointsOwnAnswerStanding() {
        IAcsClient sdk = (IAcsClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IAcsClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getCommonResponse")) {
                        return null;
                    }
                    if ("ListVpcEndpointZones".equals(((com.aliyuncs.CommonRequest) args[0]).getSysAction())) {
                        throw new ClientException("Throttling.User", "refused", "request-2");
                    }
                    com.aliyuncs.CommonResponse answer = new com.aliyuncs.CommonResponse();
                    answer.setData("{\"RequestId\": \"r\", \"EndpointId\": \"ep-1\", \"EndpointStatus\": \"Active\","
                            + " \"ConnectionStatus\": \"Connected\"}");
                    return answer;
                });
        Observation seen = client(sdk, Map.of()).observeConnection("cn-hangzhou", "ep-1")
                .await().atMost(Duration.ofSeconds(10));
        assertTrue(seen.isActive());
        assertEquals("Connected", seen.connectionStatus());
        assertEquals(null, seen.zones(), "the zones unknown, not a failed look");
    }

    private double rate() {
        return metrics.get("privatelink.cloud.rate").tag("action", CREATE).gauge().value();
    }

    /** The account's client on an SDK whose every call the cloud refuses with {@code code}. */
    private AliyunPrivateLinkClient answering(String code) {
        IAcsClient sdk = (IAcsClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IAcsClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCommonResponse")) {
                        throw new ClientException(code, "refused", "request-1");
                    }
                    return null;
                });
        return client(sdk, Map.of(CREATE, LIMIT));
    }

    private AliyunPrivateLinkClient client(IAcsClient sdk, Map<String, Double> limits) {
        RenewableCredentials credentials = new RenewableCredentials(() -> () -> null);
        return new AliyunPrivateLinkClient(config(), "a", limits,
                () -> new SdkClients.Sdk(sdk, credentials), calls, turns, new ObjectMapper(), metrics,
                OpenTelemetry.noop().getTracer("test"));
    }

    private static CloudConfig config() {
        return (CloudConfig) Proxy.newProxyInstance(CloudConfig.class.getClassLoader(),
                new Class<?>[] {CloudConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "endpoint" -> Optional.of("localhost:1");
                    case "protocol" -> "HTTP";
                    case "connectTimeout", "readTimeout" -> Duration.ofSeconds(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
