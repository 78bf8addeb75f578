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
 * kill -9 of the whole embedded default during a burst of deletes and updates of 60 endpoints, of a service owner's
 * decisions on 20 connections and of updates of its services, then a restart on the same data: every operation that
 * got a 202 must end Updated, Deleted, Connected or Disconnected exactly once, and the simulated cloud must hold
 * exactly the endpoints that should exist, each changed as many times as its jobs say and no more, each decided
 * connection as it was decided, each service as its updates left it.
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

    /** The owner's services made, then updated twice each in the burst. */
    int services() {
        return Math.max(2, decisions() / 4);
    }

    static final int UPDATE_CHANGES = 3;
    static final String ALLOWED = "2345678901234567";
    static final Map<String, String> ENDS = Map.of("DeleteVpcEndpoint", "Deleted", "UpdateVpcEndpoint", "Updated",
            "AcceptVpcEndpointConnection", "Connected", "RejectVpcEndpointConnection", "Disconnected",
            "UpdateVpcEndpointService", "Updated");
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

    /** Who calls a function: the owner's side is a publisher's (its jobs too), the rest a provisioner's. */
    String callerOf(String function) throws Exception {
        return function.endsWith("Connection") || function.endsWith("Service") ? embedded.publisherBearer()
                : embedded.bearer();
    }

    HttpResponse<String> post(String function, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + embedded.port() + "/" + function))
                .header("Content-Type", "application/json").header("Authorization", callerOf(function))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A read, as the caller of {@code function} (whose jobs it reads). */
    HttpResponse<String> get(String path, String function) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + embedded.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", callerOf(function)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String await(String jobId, String function, List<String> ends, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String status = "";
        while (System.nanoTime() < end) {
            status = JSON.readTree(get("/GetVpcEndpointJob?JobId=" + jobId, function).body()).path("JobStatus")
                    .asText();
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
            assertEquals(state, await(create, "CreateVpcEndpoint", List.of(state), Duration.ofMinutes(2)));
            made.add(JSON.readTree(get("/GetVpcEndpointJob?JobId=" + create).body()).at("/Endpoint/EndpointId")
                    .asText());
        }
        return made;
    }

    /** {@code count} services of the owner's, each followed until its create job is Active: their ServiceIds. */
    List<String> services(int count) throws Exception {
        List<String> creates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"RegionId\":\"cn-hangzhou\",\"Resource\":[{\"ResourceId\":\"lb-crash" + i
                    + "\",\"ResourceType\":\"slb\"}],\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            creates.add(JSON.readTree(post("CreateVpcEndpointService", body).body()).get("JobId").asText());
        }
        List<String> made = new ArrayList<>();
        for (String create : creates) {
            assertEquals("Active", await(create, "CreateVpcEndpointService", List.of("Active"), Duration.ofMinutes(2)));
            made.add(JSON.readTree(get("/GetVpcEndpointJob?JobId=" + create, "CreateVpcEndpointService").body())
                    .at("/Service/ServiceId").asText());
        }
        return made;
    }

    @Test
    void killNineDuringABurstOfDeletesAndUpdates() throws Exception {
        Process service = start();
        List<String> endpoints = made("epsrv-demo01", endpoints(), "Active");
        // Endpoints whose connections wait for the service's owner, decided in the burst.
        List<String> waiting = made("epsrv-manual01", decisions(), "AwaitingAcceptance");
        // The owner's services, each updated twice in the burst: an account allowed, then a description.
        List<String> services = services(services());

        // A third of the endpoints updated, a third deleted, a third updated and then deleted (80 operations for 60 endpoints).
        List<String[]> lifecycle = new ArrayList<>();
        for (int i = 0; i < endpoints(); i++) {
            String ep = endpoints.get(i);
            String update = "{\"EndpointId\":\"" + ep + "\",\"EndpointName\":\"after-crash\",\"SecurityGroupId\":"
                    + "[\"sg-demo02\"],\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            String delete = "{\"EndpointId\":\"" + ep + "\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            if (i % 3 != 1) {
                lifecycle.add(new String[] {"UpdateVpcEndpoint", update, ep});
            }
            if (i % 3 != 0) {
                lifecycle.add(new String[] {"DeleteVpcEndpoint", delete, ep});
            }
        }
        List<String[]> decisions = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            String decision = "{\"RegionId\":\"cn-hangzhou\",\"ServiceId\":\"epsrv-manual01\",\"EndpointId\":\""
                    + waiting.get(i) + "\",\"Reason\":\"crash test\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
            decisions.add(new String[] {i % 2 == 0 ? "AcceptVpcEndpointConnection" : "RejectVpcEndpointConnection",
                    decision, waiting.get(i)});
        }
        List<String[]> changed = new ArrayList<>();
        for (String serviceId : services) {
            changed.add(new String[] {"UpdateVpcEndpointService", "{\"ServiceId\":\"" + serviceId + "\",\"User\":[\""
                    + ALLOWED + "\"],\"ClientToken\":\"" + UUID.randomUUID() + "\"}", serviceId});
            changed.add(new String[] {"UpdateVpcEndpointService", "{\"ServiceId\":\"" + serviceId
                    + "\",\"ServiceDescription\":\"after-crash\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}",
                    serviceId});
        }
        // The three kinds taken in turn, so that each is under way when the kill comes (each keeps its own order).
        List<String[]> burst = new ArrayList<>();
        for (int i = 0; i < lifecycle.size() || i < decisions.size() || i < changed.size(); i++) {
            for (List<String[]> kind : List.of(lifecycle, decisions, changed)) {
                if (i < kind.size()) {
                    burst.add(kind.get(i));
                }
            }
        }
        List<String> all = new ArrayList<>(endpoints);
        all.addAll(waiting);
        all.addAll(services);
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
                String status = await(op.jobId(), op.action(), List.of(end), Duration.ofMinutes(3));
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
            for (String serviceId : services) {
                // Each service as its last accepted update left it: the account allowed by the first, and the
                // description of the second, kept by the first's desired state too.
                List<Accepted> updates = accepted.values().stream().filter(o -> o.endpointId().equals(serviceId))
                        .toList();
                for (Accepted update : updates) {
                    JsonNode seen = JSON.readTree(get("/GetVpcEndpointJob?JobId=" + update.jobId(), update.action())
                            .body()).path("Service");
                    if (!seen.path("Users").toString().contains(ALLOWED)) {
                        wrong.add(serviceId + " without the account allowed, after " + update.jobId());
                    }
                }
                if (updates.size() == 2) {
                    JsonNode view = JSON.readTree(get("/GetVpcEndpointService?ServiceId=" + serviceId,
                            "UpdateVpcEndpointService").body());
                    if (!"after-crash".equals(view.at("/Observed/ServiceDescription").asText())) {
                        wrong.add(serviceId + " not described after-crash: " + view.at("/Observed"));
                    }
                }
            }
            System.out.printf("operations sent %d, accepted %d (%d decisions, %d service updates), completed %d, done "
                    + "twice %d; endpoints in the cloud %d, expected %d (%d with an operation sent and no 202)%n",
                    sent.get(), accepted.size(), accepted.values().stream().filter(o -> o.action().endsWith("Connection"))
                            .count(), accepted.values().stream().filter(o -> o.action().endsWith("Service")).count(),
                    completed, doneTwice, held, expected, uncertain.size());
            assertEquals(List.of(), notDone, "accepted operations that did not complete");
            assertEquals(List.of(), wrong, "the cloud holds what the operations say");
            assertEquals(0, doneTwice, "no change made twice");
        } finally {
            embedded.stop(again);
        }
    }
}
