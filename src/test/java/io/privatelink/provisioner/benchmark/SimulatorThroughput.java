package io.privatelink.provisioner.benchmark;

import io.privatelink.provisioner.fixtures.SimulatorRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;

import io.privatelink.simulator.PrivateLinkSimulator;
import io.vertx.core.Vertx;

/**
 * How many signed calls a second the simulator serves on this machine, through the real SDK: GetVpcEndpointAttribute
 * (verify the signature, read state) and CreateVpcEndpoint (the same, plus every check and a journal write).
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=io.privatelink.provisioner.benchmark.SimulatorThroughput [-Dexec.args="threads seconds"]
 */
public final class SimulatorThroughput {

    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Vertx vertx = Vertx.vertx();
        Path data = Files.createTempDirectory("simulator-throughput");
        PrivateLinkSimulator simulator = PrivateLinkSimulator.start(vertx, PrivateLinkSimulator.Settings.defaults(0, data));
        DefaultAcsClient client = SimulatorRequests.client();
        String endpointId = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(client.getCommonResponse(SimulatorRequests.create(simulator.port(), "warm-up")).getData()).get("EndpointId").asText();
        try {
            System.out.printf("%-28s %8s %10s %8s %10s%n", "action", "threads", "calls", "errors", "calls/s");
            for (String action : List.of("GetVpcEndpointAttribute", "CreateVpcEndpoint")) {
                LongAdder calls = new LongAdder();
                LongAdder errors = new LongAdder();
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> workers = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    int worker = t;
                    workers.add(pool.submit(() -> {
                        long n = 0;
                        while (System.nanoTime() < end) {
                            CommonRequest r = action.equals("CreateVpcEndpoint")
                                    ? SimulatorRequests.create(simulator.port(), "bench-" + worker + "-" + n++)
                                    : SimulatorRequests.get(simulator.port(), endpointId);
                            try {
                                client.getCommonResponse(r);
                                calls.increment();
                            } catch (com.aliyuncs.exceptions.ClientException e) {
                                errors.increment();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                System.out.printf("%-28s %8d %10d %8d %10.0f%n", action, threads, calls.sum(), errors.sum(),
                        calls.sum() / elapsed);
            }
        } finally {
            simulator.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
