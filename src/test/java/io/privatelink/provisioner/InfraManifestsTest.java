package io.privatelink.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.privatelink.provisioner.FunctionsManifestTest.Function;
import io.privatelink.provisioner.FunctionsManifestTest.Trigger;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every manifest under infra/ read with a model of its kind (fabric8's Kubernetes and Knative models, Strimzi's API;
 * Serverless Devs' s.yaml as typed records), with no field the model does not know, and held against functions.yaml.
 */
class InfraManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<?>> KINDS = Map.of(
            "serving.knative.dev/v1/Service", Service.class,
            "sources.knative.dev/v1beta1/KafkaSource", KafkaSource.class,
            "sources.knative.dev/v1/PingSource", PingSource.class,
            "eventing.knative.dev/v1alpha1/KafkaSink", KafkaSink.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class);

    /** Every document of every file under infra/knative, each as its model's object. */
    static List<Object> knative() throws IOException {
        List<Object> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("infra/knative"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode> readValues(file.toFile()).readAll()) {
                    String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                    Class<?> type = KINDS.get(kind);
                    assertNotNull(type, file + ": no model for " + kind);
                    Object parsed = YAML.treeToValue(doc, type);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(parsed, "", unknown, new IdentityHashMap<>());
                    assertEquals(List.of(), unknown, file + " " + kind + ": fields its model does not know");
                    found.add(parsed);
                }
            }
        }
        return found;
    }

    /** The fabric8 models keep what they do not know in additionalProperties: a typo lands there. */
    private static void unknownFields(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (o instanceof Iterable<?> items) {
            items.forEach(v -> unknownFields(v, path + "[]", unknown, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                } else if (!m.getName().equals("getAdditionalProperties")) {
                    unknownFields(value, path + "." + m.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that needs more than the parsed fields; nothing of the manifest's is behind it
            }
        }
    }

    private static <T> List<T> all(List<Object> docs, Class<T> type) {
        return docs.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T named(List<Object> docs, Class<T> type,
            String name) {
        return all(docs, type).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    @Test
    void knativeManifestsParseAndCarryEveryTriggerOfFunctionsYaml() throws Exception {
        List<Object> docs = knative();
        for (Function f : FunctionsManifestTest.manifest().functions()) {
            for (Trigger t : f.triggers()) {
                assertNotNull(t.knative(), f.name() + " " + t.type() + " names its Knative carrier");
                Service service = named(docs, Service.class, t.knative().get("service"));
                boolean clusterLocal = "cluster-local".equals(service.getMetadata().getLabels() == null ? null
                        : service.getMetadata().getLabels().get("networking.knative.dev/visibility"));
                boolean internalWork = f.audience().equals("internal") || !t.type().equals("http");
                assertEquals(internalWork, clusterLocal, service.getMetadata().getName()
                        + " is reachable from outside exactly when it serves callers");
                String path = t.knative().get("path");
                switch (t.type()) {
                    case "kafka" -> {
                        KafkaSource source = named(docs, KafkaSource.class, t.knative().get("source"));
                        assertEquals(List.of(t.topic()), source.getSpec().getTopics());
                        assertEquals(service.getMetadata().getName(), source.getSpec().getSink().getRef().getName());
                        assertEquals(path, source.getSpec().getSink().getUri());
                        assertTrue(source.getSpec().getCeOverrides().getExtensions().containsKey("pushsecret"));
                        KafkaSink dlq = named(docs, KafkaSink.class,
                                source.getSpec().getDelivery().getDeadLetterSink().getRef().getName());
                        assertEquals(t.deadLetterTopic(), dlq.getSpec().getTopic());
                        assertEquals(consumerGroup(t.channel()), source.getSpec().getConsumerGroup());
                    }
                    case "timer" -> {
                        PingSource ping = named(docs, PingSource.class, t.knative().get("source"));
                        assertEquals(service.getMetadata().getName(), ping.getSpec().getSink().getRef().getName());
                        assertEquals(path, ping.getSpec().getSink().getUri());
                        assertTrue(ping.getSpec().getCeOverrides().getExtensions().containsKey("pushsecret"));
                    }
                    default -> assertEquals("http", t.type());
                }
            }
        }
        ConfigMap config = named(docs, ConfigMap.class, "privatelink-provisioner");
        assertEquals("false", config.getData().get("PRIVATELINK_KAFKA_CONSUMER"), "push mode");
        assertEquals("off", config.getData().get("PRIVATELINK_RECONCILER_EVERY"), "push mode");
        for (Service s : all(docs, Service.class)) {
            var container = s.getSpec().getTemplate().getSpec().getContainers().get(0);
            boolean pushSecret = container.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                    && e.getSecretRef().getName().equals("privatelink-provisioner-push"));
            assertEquals(s.getMetadata().getName().equals("privatelink-worker"), pushSecret,
                    "only the worker takes pushes");
        }
    }

    @Test
    void everyTopicHasAStrimziKafkaTopic() throws Exception {
        Set<String> topics = new java.util.TreeSet<>(Set.of("vpc-endpoint.events"));
        for (Function f : FunctionsManifestTest.manifest().functions()) {
            f.triggers().stream().filter(t -> t.topic() != null).forEach(t -> {
                topics.add(t.topic());
                topics.add(t.deadLetterTopic());
            });
        }
        assertEquals(topics, new java.util.TreeSet<>(all(knative(), KafkaTopic.class).stream()
                .map(t -> t.getMetadata().getName()).toList()));
    }

    @Test
    void migrationsAreAStepOfTheirOwnBeforeTheFunctions() throws Exception {
        assertEquals(null, properties().getProperty("privatelink.schema.migrate"),
                "a function's cold start does not migrate (SchemaConfig's default: off)");
        io.fabric8.kubernetes.api.model.batch.v1.Job job = named(knative(),
                io.fabric8.kubernetes.api.model.batch.v1.Job.class, "privatelink-migrate");
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new java.util.HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        assertEquals(Map.of("PRIVATELINK_SCHEMA_MIGRATE", "and-exit", "PRIVATELINK_KAFKA_CONSUMER", "false",
                "PRIVATELINK_RECONCILER_EVERY", "off"), env);
        for (Service s : knative().stream().filter(Service.class::isInstance).map(Service.class::cast).toList()) {
            assertEquals(container.getImage(), s.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                    "the Job migrates with the functions' own image");
        }
        ServerlessDevs fc = YAML.readValue(Path.of("infra/fc/s.yaml").toFile(), ServerlessDevs.class);
        Map<?, ?> fcEnv = (Map<?, ?>) fc.resources().get("privatelink-migrate").props().environmentVariables();
        assertEquals("at-start", fcEnv.get("PRIVATELINK_SCHEMA_MIGRATE"));
        fc.resources().forEach((name, r) -> {
            Object vars = r.props().environmentVariables();
            Map<?, ?> resolved = (Map<?, ?>) ("${vars.environment}".equals(vars) ? fc.vars().get("environment") : vars);
            assertEquals(name.equals("privatelink-migrate"), resolved.containsKey("PRIVATELINK_SCHEMA_MIGRATE"), name);
        });
    }

    /**
     * The API function runs with the ORM inactive, as the benchmark's and ApiInstanceTest's API instance does
     * (AotTraining.apiInstance, which ApiInstanceTest holds to it); the worker and the migration keep it.
     */
    @Test
    void theApiFunctionRunsWithoutTheOrmAndTheWorkerWithIt() throws Exception {
        String api = "privatelink-api";
        for (Service s : all(knative(), Service.class)) {
            Map<String, String> env = new java.util.HashMap<>();
            s.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .forEach(e -> env.put(e.getName(), e.getValue()));
            assertEquals(s.getMetadata().getName().equals(api) ? "false" : null,
                    env.get("QUARKUS_HIBERNATE_ORM_ACTIVE"), s.getMetadata().getName());
        }
        ServerlessDevs fc = YAML.readValue(Path.of("infra/fc/s.yaml").toFile(), ServerlessDevs.class);
        fc.resources().forEach((name, r) -> {
            Object vars = r.props().environmentVariables();
            Map<?, ?> resolved = (Map<?, ?>) ("${vars.environment}".equals(vars) ? fc.vars().get("environment") : vars);
            assertEquals(name.equals(api) ? "false" : null, resolved.get("QUARKUS_HIBERNATE_ORM_ACTIVE"), name);
        });
    }

    /** The image's path in the registry, whatever the registry's address (public or VPC). */
    private static final String IMAGE = "/privatelink/privatelink-provisioner:1.0.0-SNAPSHOT";

    @Test
    void theImageStartsFromTheAotCacheItsBuildTrainedWithTheFlagsTheBenchmarkMeasured() throws Exception {
        List<String> measured = List.of(io.privatelink.provisioner.benchmark.ServiceBenchmark.PRODUCTION_JVM.split(" "));
        String dockerfile = Files.readString(Path.of("infra/image/Dockerfile")).replace("\\\n", " ");
        List<String> entryPoint = new java.util.ArrayList<>();
        String training = null;
        for (String line : dockerfile.lines().toList()) {
            if (line.startsWith("ENTRYPOINT ")) {
                YAML.readTree(line.substring("ENTRYPOINT ".length())).forEach(a -> entryPoint.add(a.asText()));
            } else if (line.startsWith("RUN ") && line.contains("AotTraining")) {
                training = line;
            }
        }
        List<String> expected = new java.util.ArrayList<>(List.of("java", "-XX:AOTCache=/app/app.aot"));
        expected.addAll(measured);
        expected.addAll(List.of("-jar", "/app/quarkus-run.jar"));
        assertEquals(expected, entryPoint);
        assertNotNull(training, "the image build trains the cache");
        List<String> trainingArgs = List.of(training.trim().split("\\s+"));
        assertEquals(measured, trainingArgs.subList(trainingArgs.indexOf("/app/app.aot") + 1, trainingArgs.size()),
                "the cache is trained with the flags it is used with");
        assertTrue(dockerfile.contains("${JDK} AS training") && dockerfile.contains("COPY --from=training"),
                "trained on the image's own JDK");
        String check = "RUN java -XX:AOTMode=on -XX:AOTCache=/app/app.aot " + String.join(" ", measured)
                + " -cp /app/quarkus-run.jar -version";
        assertTrue(dockerfile.lines().anyMatch(l -> l.trim().replaceAll("\\s+", " ").equals(check)),
                "the build fails when the final image's jars no longer match the cache: " + check);
        for (Service svc : all(knative(), Service.class)) {
            assertTrue(svc.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(IMAGE));
        }
    }

    private static java.util.Properties properties() throws IOException {
        var p = new java.util.Properties();
        try (var in = InfraManifestsTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p;
    }

    private static String consumerGroup(String channel) throws IOException {
        return properties().getProperty("mp.messaging.incoming." + channel + ".group.id");
    }

    // Serverless Devs has no Java model: these records are the part of fc3's schema the file uses, read strictly.
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ServerlessDevs(String edition, String name, String access, Map<String, Object> vars,
            Map<String, Resource> resources) {
    }

    record Resource(String component, Map<String, Object> actions, Props props) {
    }

    record Props(String region, String functionName, String description, String runtime, String handler,
            Double cpu, Integer memorySize, Integer diskSize, Integer timeout, Integer instanceConcurrency,
            CustomContainerConfig customContainerConfig, String role, Object vpcConfig,
            Boolean internetAccess, Object environmentVariables, List<FcTrigger> triggers) {
    }

    record CustomContainerConfig(String image, Integer port, Map<String, Object> healthCheckConfig) {
    }

    record FcTrigger(String triggerName, String triggerType, String description, Map<String, Object> triggerConfig) {
    }

    @Test
    void functionComputeManifestParsesAndCarriesEveryTriggerOfFunctionsYaml() throws Exception {
        ServerlessDevs s = YAML.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Path.of("infra/fc/s.yaml").toFile(), ServerlessDevs.class);
        assertEquals("3.0.0", s.edition());
        for (Resource r : s.resources().values()) {
            assertEquals("fc3", r.component());
            assertEquals("custom-container", r.props().runtime(), "JDK 25 and its AOT cache: the image");
            assertEquals("${vars.image}", r.props().customContainerConfig().image());
            assertEquals(8080, r.props().customContainerConfig().port(), "the port the image's app listens on");
        }
        assertTrue(String.valueOf(s.vars().get("image")).endsWith(IMAGE), "the image Knative runs");
        for (Function f : FunctionsManifestTest.manifest().functions()) {
            for (Trigger t : f.triggers()) {
                if (t.fc() == null) {
                    assertEquals("internal", f.audience(), f.name() + ": only internal functions go without HTTP on FC");
                    continue;
                }
                Props fn = s.resources().get(t.fc().get("function")).props();
                FcTrigger trigger = fn.triggers().stream().filter(x -> x.triggerName().equals(t.fc().get("trigger")))
                        .findFirst().orElseThrow(() -> new AssertionError("no trigger " + t.fc()));
                switch (t.type()) {
                    case "http" -> assertEquals("http", trigger.triggerType());
                    case "kafka" -> {
                        assertEquals("eventbridge", trigger.triggerType());
                        JsonNode kafka = YAML.valueToTree(trigger.triggerConfig()).path("eventSourceConfig")
                                .path("eventSourceParameters").path("sourceKafkaParameters");
                        assertEquals(t.topic(), kafka.path("Topic").asText());
                        assertEquals(consumerGroup(t.channel()), kafka.path("ConsumerGroup").asText());
                    }
                    case "timer" -> assertEquals("timer", trigger.triggerType());
                    default -> throw new AssertionError(t.type());
                }
            }
        }
        Props worker = s.resources().get("privatelink-worker").props();
        assertFalse(worker.triggers().stream().anyMatch(t -> t.triggerType().equals("http")),
                "the worker trusts /invoke, so nothing but FC's Invoke API may reach it");
        assertEquals("true", ((Map<?, ?>) worker.environmentVariables()).get("PRIVATELINK_AUTH_TRUST_PLATFORM_INVOKE"));
        assertFalse(s.vars().toString().contains("PRIVATELINK_AUTH_TRUST_PLATFORM_INVOKE"),
                "the API function, which has an HTTP trigger, must not trust /invoke");
    }
}
