package io.privatelink.provisioner.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.fixtures.WebhookReceiver;

/**
 * kill -9 while ended jobs wait for their callbacks: every job's end still reaches its receiver.
 * Here the whole embedded default dies (run: mvn -q -Plocal -Dmaven.test.skip=true package && mvn -Pfaults test
 * -Dtest=CallbackCrashSoak); in the suite CallbackCrashTest kills the production artifact alone.
 */
class CallbackCrashSoak {

    final SoakService service = service();

    /** The embedded default, its waits shortened. */
    SoakService service() {
        return CrashRecoverySoak.brisk();
    }

    /** The jobs whose ends are posted; the kill comes once a tenth of them were received. */
    int jobs() {
        return 200;
    }

    @AfterEach
    void stopTheStack() {
        service.close();
    }

    /**
     * kill -9 while jobs end and their callbacks are being delivered (the receiver slow, so that many ended jobs
     * wait for their delivery at the kill), then a restart: every job's end reaches the receiver.
     */
    @Test
    void killNineBetweenJobsEndsAndTheirCallbacks() throws Exception {
        Process process = service.start();
        String secret = Files.readString(service.data().resolve("auth/callback-secret")).trim();
        try (WebhookReceiver receiver = WebhookReceiver.listening(secret)) {
            receiver.answer(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 204;
            });
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < jobs(); i++) {
                String body = "{\"RegionId\":\"cn-hangzhou\",\"VpcId\":\"vpc-demo01\",\"ServiceId\":\"epsrv-demo01\","
                        + "\"SecurityGroupId\":[\"sg-demo01\"],\"NotificationUrl\":\"" + receiver.url("/soak") + "\"}";
                HttpResponse<String> r = CrashRecoverySoak.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/CreateVpcEndpoint")).header("Content-Type", "application/json")
                        .header("Authorization", service.bearer())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, r.statusCode(), r.body());
                jobs.add(CrashRecoverySoak.JSON.readTree(r.body()).get("JobId").asText());
            }
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (receiver.received().size() < jobs() / 10 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            int before = receiver.received().size();
            process = service.start();
            end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!jobs.stream().allMatch(id -> !receiver.about(id).isEmpty()) && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            List<String> missing = jobs.stream().filter(id -> receiver.about(id).isEmpty()).toList();
            assertEquals(List.of(), missing, "jobs whose end never reached the receiver");
            assertEquals(0, receiver.unverified());
            System.out.printf("kill -9 after %d of %d callbacks; after the restart all %d jobs' ends received "
                    + "(%d posts in all)%n", before, jobs.size(), jobs.size(), receiver.posts());
        } finally {
            service.stop(process);
        }
    }

}
