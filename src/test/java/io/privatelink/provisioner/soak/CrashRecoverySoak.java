package io.privatelink.provisioner.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.fixtures.FreePorts;

/**
 * The long fault tests, on the embedded default run as its own process (broker, database and simulator die with it):
 * kill -9 and SIGTERM while 500 jobs are in flight, then a restart on the same data. Every job that got a 202 must
 * reach Active, with exactly one simulated endpoint per ClientToken. (The kill -9 between jobs' ends and their
 * callbacks is CallbackCrashSoak's.)
 * Run: mvn -q -Plocal -Dmaven.test.skip=true package && mvn -Pfaults test
 */
class CrashRecoverySoak implements SoakService {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final int JOBS = 500;

    final Path data;
    final Map<String, String> env = new java.util.HashMap<>();
    final int port;
    final int simulatorPort;

    CrashRecoverySoak() throws IOException {
        data = Files.createTempDirectory(Path.of("target"), "soak-");
        port = FreePorts.next();
        simulatorPort = FreePorts.next();
        env.put("PORT", String.valueOf(port));
        env.put("PRIVATELINK_LOCAL_DATA", data.toString());
        env.put("PRIVATELINK_LOCAL_KAFKA_PORT", String.valueOf(FreePorts.next()));
        env.put("PRIVATELINK_LOCAL_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        env.put("PRIVATELINK_LOCAL_POSTGRES_PORT", String.valueOf(FreePorts.next()));
        env.put("PRIVATELINK_LOCAL_SIMULATOR_PORT", String.valueOf(simulatorPort));
        env.put("PRIVATELINK_SIMULATOR_ACTIVE_AFTER", "5s");
        ONE_CALLER.forEach((property, value) -> env.put(SoakService.envName(property), value));
    }

    /** The embedded default on its own data and ports, its waits shortened (BRISK) and endpoints Active after 1 s. */
    static CrashRecoverySoak brisk() {
        try {
            CrashRecoverySoak embedded = new CrashRecoverySoak();
            BRISK.forEach((property, value) -> embedded.env.put(SoakService.envName(property), value));
            embedded.env.put("PRIVATELINK_SIMULATOR_ACTIVE_AFTER", "1s");
            // Only the last stop, once everything is asserted, is graceful: it need not wait for the slow receiver.
            embedded.env.put("QUARKUS_SHUTDOWN_TIMEOUT", "1s");
            return embedded;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @Override
    public Process start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", "target/local/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile()));
        pb.environment().putAll(env);
        return ready(pb.start());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int simulatorPort() {
        return simulatorPort;
    }

    @Override
    public Path data() {
        return data;
    }

    /** The provisioner token the embedded default wrote at its start. */
    @Override
    public String bearer() throws IOException {
        return token("provisioner");
    }

    @Override
    public String publisherBearer() throws IOException {
        return token("publisher");
    }

    private String token(String role) throws IOException {
        Path token = data.resolve("auth/" + role + ".token");
        return Files.exists(token) ? "Bearer " + Files.readString(token).trim() : "Bearer none-yet";
    }

    /** Posts JOBS requests from 16 threads, killing the service (as {@code kill}) once half have been accepted. */
    Map<String, String> loadAndKill(Process service, boolean forcibly) throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < JOBS; i++) {
            pool.submit(() -> {
                String token = UUID.randomUUID().toString();
                String body = "{\"RegionId\":\"cn-hangzhou\",\"VpcId\":\"vpc-demo01\",\"ServiceId\":\"epsrv-demo01\","
                        + "\"SecurityGroupId\":[\"sg-demo01\"],\"ClientToken\":\"" + token + "\"}";
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/CreateVpcEndpoint")).header("Content-Type", "application/json").header("Authorization", bearer())
                            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.put(token, JSON.readTree(r.body()).get("JobId").asText());
                    }
                } catch (Exception e) {
                    // the service died under this request: it got no 202, so nothing is owed for it
                }
                return null;
            });
        }
        while (accepted.size() < JOBS / 2) {
            Thread.sleep(10);
        }
        if (forcibly) {
            service.destroyForcibly();
        } else {
            service.destroy();
        }
        service.waitFor(60, TimeUnit.SECONDS);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        return accepted;
    }

    void everyAcceptedJobEndsActiveWithOneEndpoint(Map<String, String> accepted) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<String> pending = new ArrayList<>(accepted.values());
        while (!pending.isEmpty() && System.nanoTime() < end) {
            List<String> still = new ArrayList<>();
            for (String jobId : pending) {
                JsonNode job = JSON.readTree(get("/GetVpcEndpointJob?JobId=" + jobId).body());
                if (!"Active".equals(job.path("JobStatus").asText())) {
                    still.add(jobId);
                }
            }
            pending = still;
            Thread.sleep(1000);
        }
        assertEquals(List.of(), pending, "jobs with a 202 that did not reach Active");
        JsonNode state = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulatorPort + "/_simulator/state")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(0, state.get("ClientTokensWithMoreThanOneEndpoint").asLong(), "no endpoint doubled");
        System.out.printf("%d jobs accepted before the stop, all Active after the restart; %d endpoints, none doubled%n",
                accepted.size(), state.get("EndpointsCreated").asLong());
    }

    /** Loads the service, stops it (kill -9 or SIGTERM) with jobs in flight, restarts it on the same data. */
    void stopUnderLoadAndRestart(boolean forcibly) throws Exception {
        assertTrue(new File("target/local/quarkus-app/quarkus-run.jar").exists(), "build it first with -Plocal");
        Map<String, String> accepted = loadAndKill(start(), forcibly);
        Process again = start();
        try {
            everyAcceptedJobEndsActiveWithOneEndpoint(accepted);
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void killNineWhileJobsAreInFlight() throws Exception {
        stopUnderLoadAndRestart(true);
    }

    @Test
    void sigtermWhileJobsAreInFlight() throws Exception {
        stopUnderLoadAndRestart(false);
    }
}
