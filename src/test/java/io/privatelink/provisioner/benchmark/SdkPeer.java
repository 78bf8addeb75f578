package io.privatelink.provisioner.benchmark;

import io.privatelink.provisioner.fixtures.SimulatorRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a user does without this service: threads that each create an endpoint with the SDK (retrying throttled calls
 * with the same ClientToken) and then poll it until Active the way Terraform's StateChangeConf does (100 ms doubling,
 * clamped to 3-10 s), then take the next one.
 */
final class SdkPeer {

    record Result(double seconds, long throttled) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SdkPeer() {
    }

    static Result run(int port, int threads, int endpoints, Duration activeAfter) throws Exception {
        DefaultAcsClient client = SimulatorRequests.client();
        LongAdder throttled = new LongAdder();
        AtomicInteger left = new AtomicInteger(endpoints);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    String token = UUID.randomUUID().toString();
                    String id = call(client, () -> SimulatorRequests.create(port, token), throttled).get("EndpointId").asText();
                    long wait = 100;
                    while (true) {
                        Thread.sleep(Math.max(3000, Math.min(10_000, wait)));
                        wait *= 2;
                        if ("Active".equals(call(client, () -> SimulatorRequests.get(port, id), throttled)
                                .path("EndpointStatus").asText())) {
                            break;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Result((System.nanoTime() - start) / 1e9, throttled.sum());
    }

    /** One call, repeated after a second while the cloud throttles it. */
    private static com.fasterxml.jackson.databind.JsonNode call(DefaultAcsClient client,
            java.util.function.Supplier<com.aliyuncs.CommonRequest> request, LongAdder throttled) throws Exception {
        while (true) {
            try {
                return JSON.readTree(client.getCommonResponse(request.get()).getData());
            } catch (ClientException e) {
                if (e.getErrCode() == null || !e.getErrCode().startsWith("Throttling")) {
                    throw e;
                }
                throttled.increment();
                Thread.sleep(1000);
            }
        }
    }
}
