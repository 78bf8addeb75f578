package io.privatelink.provisioner.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kill -9 of the whole embedded default during a burst of deletes and updates of 60 endpoints and of a service owner's
 * decisions on 20 connections, then a restart on the same data: every operation that got a 202 must end Updated,
 * Deleted, Connected or Disconnected exactly once, and the simulated cloud must hold exactly the endpoints that should
 * exist, each changed as many times as its jobs say and no more, each decided connection as it was decided.
 * Run: mvn -q -Plocal -Dmaven.test.skip=true package && mvn -Pfaults test -Dtest=LifecycleCrashSoak; in the suite
 * LifecycleCrashTest kills the production artifact alone.
 */
class LifecycleCrashSoak {

    /** The endpoints made, then updated and deleted in a burst cut by the kill. */
    int endpoints() {
        return 60;
    }

    /** The connections to a service that does not accept by itself, accepted or rejected in the burst. */
    int decisions() {
        return endpoints() / 3;
    }

    static final int UPDATE_CHANGES = 3;
    static final Map<String, String> ENDS = Map.of("DeleteVpcEndpoint", "Deleted", "UpdateVpcEndpoint", "Updated",
            "AcceptVpcEndpointConnection", "Connected", "RejectVpcEndpointConnection", "Disconnected");
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = CrashRecoverySoak.JSON;
    static final java.net.http.HttpClient HTTP = CrashRecoverySoak.HTTP;

    /** The embedded default as its own process, on its own data and ports, its waits shortened. */
    final SoakService embedded = service();

    SoakService service() {
        return CrashRecoverySoak.brisk();
    }

    @AfterEach
    void stopTheStack() {
        embedded.close();
    }

    Process start() throws Exception {
        return embedded.start();
    }

    HttpResponse<String> get(String path) throws Exception {
        return embedded.get(path);
    }

    /** One accepted operation: its job, the endpoint it acts on, and what it asked. */
    record Accepted(String jobId, String endpointId, String action) {
    }

    HttpResponse<String> post(String function, String body) throws Exception {
        String caller = function.endsWith("Connection") ? embedded.publisherBearer() : embedded.bearer();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + embedded.port() + "/" + function))
                .header("Content-Type", "application/json").header("Authorization", caller)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String await(String jobId, List<String> ends, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String status = "";
        while (System.nanoTime() < end) {
            status = JSON.readTree(get("/GetVpcEndpointJob?JobId=" + jobId).body()).path("JobStatus").asText();
            if (ends.contains(status) || "Failed".equals(status)) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    JsonNode inCloud(String endpointId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + embedded.simulatorPort()
                + "/_simulator/endpoints/" + endpointId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    /** {@code count} endpoints to the service, each followed until its create job is in {@code state}. */
    List<String> made(String serviceId, int count, String state) throws Exception {
        List<String> creates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"RegionId\":\"cn-hangzhou\",\"VpcId\":\"vpc-demo01\",\"ServiceId\":\"" + serviceId
                    + "\",\"SecurityGroupId\":[\"sg-demo01\"],\"Zone\":[{\"VSwitchId\":\"vsw-demo01h\",\"ZoneId\":"
                    + "\"cn-hangzhou-h\"}],\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            creates.add(JSON.readTree(post("CreateVpcEndpoint", body).body()).get("JobId").asText());
        }
        List<String> made = new ArrayList<>();
        for (String create : creates) {
            assertEquals(state, await(create, List.of(state), Duration.ofMinutes(2)));
            made.add(JSON.readTree(get("/GetVpcEndpointJob?JobId=" + create).body()).at("/Endpoint/EndpointId")
                    .asText());
        }
        return made;
    }

    @Test
    void killNineDuringABurstOfDeletesAndUpdates() throws Exception {
        Process service = start();
        List<String> endpoints = made("epsrv-demo01", endpoints(), "Active");
        // Endpoints whose connections wait for the service's owner, decided in the burst.
        List<String> waiting = made("epsrv-manual01", decisions(), "AwaitingAcceptance");

        // A third of the endpoints updated, a third deleted, a third updated and then deleted (80 operations for 60 endpoints).
        List<String[]> burst = new ArrayList<>();
        for (int i = 0; i < endpoints(); i++) {
            String ep = endpoints.get(i);
            String update = "{\"EndpointId\":\"" + ep + "\",\"EndpointName\":\"after-crash\",\"SecurityGroupId\":"
                    + "[\"sg-demo02\"],\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            String delete = "{\"EndpointId\":\"" + ep + "\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            if (i % 3 != 1) {
                burst.add(new String[] {"UpdateVpcEndpoint", update, ep});
            }
            if (i % 3 != 0) {
                burst.add(new String[] {"DeleteVpcEndpoint", delete, ep});
            }
        }
        for (int i = 0; i < waiting.size(); i++) {
            String decision = "{\"RegionId\":\"cn-hangzhou\",\"ServiceId\":\"epsrv-manual01\",\"EndpointId\":\""
                    + waiting.get(i) + "\",\"Reason\":\"crash test\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            burst.add(new String[] {i % 2 == 0 ? "AcceptVpcEndpointConnection" : "RejectVpcEndpointConnection",
                    decision, waiting.get(i)});
        }
        List<String> all = new ArrayList<>(endpoints);
        all.addAll(waiting);
        Map<String, Accepted> accepted = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        // Endpoints with an operation sent that got no 202: either outcome is right for them.
        java.util.Set<String> uncertain = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // Each endpoint's operations on one thread, in order (its update before its delete), over four threads.
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (String[] op : burst) {
                    if (all.indexOf(op[2]) % 4 != thread) {
                        continue;
                    }
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = post(op[0], op[1]);
                        if (r.statusCode() == 202) {
                            String jobId = JSON.readTree(r.body()).get("JobId").asText();
                            accepted.put(jobId, new Accepted(jobId, op[2], op[0]));
                            continue;
                        }
                    } catch (Exception e) {
                        // the service died under this request: no 202, so it may or may not have been recorded
                    }
                    uncertain.add(op[2]);
                    return null;
                }
                return null;
            });
        }
        while (accepted.size() < burst.size() / 2) {
            Thread.sleep(5);
        }
        service.destroyForcibly();
        service.waitFor(60, TimeUnit.SECONDS);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);

        Process again = start();
        try {
            int completed = 0;
            List<String> notDone = new ArrayList<>();
            for (Accepted op : accepted.values()) {
                String end = ENDS.get(op.action());
                String status = await(op.jobId(), List.of(end), Duration.ofMinutes(3));
                if (status.equals(end)) {
                    completed++;
                } else {
                    notDone.add(op + " " + status);
                }
            }
            int held = 0;
            int expected = 0;
            int doneTwice = 0;
            List<String> wrong = new ArrayList<>();
            for (String ep : endpoints) {
                List<Accepted> ops = accepted.values().stream().filter(o -> o.endpointId().equals(ep)).toList();
                boolean deleted = ops.stream().anyMatch(o -> o.action().equals("DeleteVpcEndpoint"));
                boolean updated = ops.stream().anyMatch(o -> o.action().equals("UpdateVpcEndpoint"));
                JsonNode cloud = inCloud(ep);
                held += cloud == null ? 0 : 1;
                expected += deleted ? 0 : 1;
                if (deleted != (cloud == null) && !uncertain.contains(ep)) {
                    wrong.add(ep + (deleted ? " should be gone" : " should exist"));
                }
                if (cloud != null) {
                    // The update is three changes (the name, one group attached, one detached), each under a
                    // ClientToken of its job and step: a change made twice would be a fourth.
                    int allowed = updated || uncertain.contains(ep) ? UPDATE_CHANGES : 0;
                    doneTwice += Math.max(0, cloud.get("Changes").asInt() - allowed);
                    if (updated && !"after-crash".equals(cloud.get("EndpointName").asText()) && !uncertain.contains(ep)) {
                        wrong.add(ep + " not renamed");
                    }
                }
            }
            for (String ep : waiting) {
                // A decision is one change of the consumer's endpoint, under the decision job's ClientToken.
                Accepted decided = accepted.values().stream().filter(o -> o.endpointId().equals(ep)).findFirst()
                        .orElse(null);
                JsonNode cloud = inCloud(ep);
                doneTwice += Math.max(0, cloud.get("Changes").asInt() - 1);
                String connection = cloud.get("ConnectionStatus").asText();
                if (decided != null && !connection.equals(ENDS.get(decided.action()))) {
                    wrong.add(ep + " " + connection + " after " + decided.action());
                }
                if (decided == null && !uncertain.contains(ep) && !"Disconnected".equals(connection)) {
                    wrong.add(ep + " " + connection + " without a decision");
                }
            }
            System.out.printf("operations sent %d, accepted %d, completed %d, done twice %d; endpoints in the cloud %d, "
                    + "expected %d (%d with an operation sent and no 202)%n", sent.get(), accepted.size(), completed,
                    doneTwice, held, expected, uncertain.size());
            assertEquals(List.of(), notDone, "accepted operations that did not complete");
            assertEquals(List.of(), wrong, "the cloud holds what the operations say");
            assertEquals(0, doneTwice, "no change made twice");
        } finally {
            embedded.stop(again);
        }
    }
}
