package io.privatelink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulator anyone can run, as the README says: target/privatelink-simulator.jar (built by the same assembly
 * here, before the tests, as by {@code mvn -q -Psimulator package}), started with {@code java -jar} and the
 * environment, answering a call signed with V1 by the SDK and one signed with V3 by the independent signer.
 */
class SimulatorJarTest {

    static final Path JAR = Path.of("target/privatelink-simulator.jar");

    /** The simulator's classes and resources in the jar: exactly those of its sources, none of its tests nor of the service. */
    @Test
    void theJarHoldsTheSimulatorsClassesAndSeedAndNoneOfItsTests() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is built before the tests (the simulator-jar execution)");
        Set<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/simulator/java/io/privatelink/simulator"))) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        }
        Set<String> classes;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            classes = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("io/privatelink/") && n.endsWith(".class"))
                    .map(n -> n.substring(n.lastIndexOf('/') + 1).replaceAll("[$.].*", "")).collect(Collectors.toSet());
        }
        assertEquals(sources, classes);
        Path resources = Path.of("src/simulator/resources");
        Set<String> seeds;
        try (Stream<Path> files = Files.walk(resources)) {
            seeds = files.filter(Files::isRegularFile).map(f -> resources.relativize(f).toString())
                    .collect(Collectors.toSet());
        }
        Set<String> packed;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            packed = jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("simulator/") && !n.endsWith("/"))
                    .collect(Collectors.toSet());
        }
        assertEquals(seeds, packed);
    }

    @Test
    void theRunnableJarStartsAloneAndAnswersSignedV1AndV3Calls() throws Exception {
        assertTrue(Files.size(JAR) > 0);
        int port = io.privatelink.fixtures.FreePorts.next();
        Path data = Files.createTempDirectory(Path.of("target"), "simulator-jar-");
        ProcessBuilder start = new ProcessBuilder("java", "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("simulator.log").toFile());
        start.environment().putAll(Map.of("SIMULATOR_PORT", String.valueOf(port), "SIMULATOR_DATA", data.toString(),
                "SIMULATOR_ACTIVE_AFTER", "0s"));
        Process simulator = start.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status = 0;
            while (status != 200 && System.nanoTime() < end) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_simulator/state"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (java.io.IOException e) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status, "the simulator listens; see " + data.resolve("simulator.log"));

            // Signature V1: the aliyun Java SDK, as the README shows it.
            DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou",
                    "LTAIsimulator", "simulator-secret"));
            CommonRequest create = new CommonRequest();
            create.setSysMethod(MethodType.POST);
            create.setSysProtocol(ProtocolType.HTTP);
            create.setSysDomain("127.0.0.1:" + port);
            create.setSysVersion("2020-04-15");
            create.setSysAction("CreateVpcEndpoint");
            create.setSysAccept(FormatType.JSON);
            SimulatorHarness.create("ClientToken", UUID.randomUUID().toString()).forEach(create::putQueryParameter);
            String endpointId = SimulatorHarness.JSON.readTree(client.getCommonResponse(create).getData())
                    .get("EndpointId").asText();

            // Signature V3, as a V2.0 SDK signs it.
            HttpResponse<String> get = IndependentSignerV3.send(port, IndependentSignerV3.rpc("127.0.0.1:" + port,
                    "GetVpcEndpointAttribute", "2020-04-15", Map.of("RegionId", "cn-hangzhou", "EndpointId", endpointId),
                    "LTAIsimulator", "simulator-secret", null));
            assertEquals(200, get.statusCode(), get.body());
            JsonNode endpoint = SimulatorHarness.JSON.readTree(get.body());
            assertEquals("Active", endpoint.get("EndpointStatus").asText());
        } finally {
            simulator.destroy();
            simulator.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
