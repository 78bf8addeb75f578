package io.privatelink.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.fakes.TestConfig;
import io.quarkus.funqy.Funq;

/** functions.yaml is the list of functions and triggers; this test fails when it and the code disagree. */
class FunctionsManifestTest {

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Manifest(List<Function> functions) {
    }

    public record Function(String name, @JsonProperty("class") String className, String path, List<String> methods,
            String audience, List<String> roles, List<Trigger> triggers) {
    }

    public record Trigger(String type, String topic, String channel, String deadLetterTopic, String every, String config,
            Map<String, String> knative, Map<String, String> fc) {
    }

    public static Manifest manifest() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(Path.of("functions.yaml").toFile(), Manifest.class);
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = FunctionsManifestTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p;
    }

    /** Every method of the service's own classes. */
    private static List<Method> methodsInCode() throws IOException {
        Path root = Path.of("target/classes");
        List<Method> methods = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    methods.addAll(List.of(Class.forName(name, false, FunctionsManifestTest.class.getClassLoader())
                            .getDeclaredMethods()));
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // generated or optional classes that do not load outside Quarkus are no functions
                }
            }
        }
        return methods;
    }

    /** Every @Funq in the code, by function name. */
    private static Map<String, Method> functionsInCode() throws IOException {
        Map<String, Method> found = new HashMap<>();
        for (Method m : methodsInCode()) {
            Funq funq = m.getAnnotation(Funq.class);
            if (funq != null) {
                found.put(funq.value().isEmpty() ? m.getName() : funq.value(), m);
            }
        }
        return found;
    }

    @Test
    void everyFunctionInTheCodeIsListedAndEveryListedFunctionExists() throws Exception {
        Map<String, Method> code = functionsInCode();
        Manifest manifest = manifest();
        assertEquals(code.keySet(), manifest.functions().stream().map(Function::name)
                .collect(java.util.stream.Collectors.toSet()));
        for (Function f : manifest.functions()) {
            assertEquals("/" + f.name(), f.path(), "Funqy serves a function at /<name>");
            assertEquals(f.className(), code.get(f.name()).getDeclaringClass().getName(), f.name());
            assertTrue(f.triggers().stream().anyMatch(t -> t.type().equals("http")), f.name() + " is callable over HTTP");
            assertTrue(List.of("caller", "internal").contains(f.audience()), f.name());
        }
    }

    /** The manifest says of each function what the code's table of functions says: methods, audience, roles, triggers. */
    @Test
    void eachFunctionIsWhatTheTableOfFunctionsSays() throws Exception {
        Manifest manifest = manifest();
        assertEquals(java.util.Arrays.stream(ServiceFunction.values()).map(ServiceFunction::name)
                .collect(java.util.stream.Collectors.toSet()), manifest.functions().stream().map(Function::name)
                        .collect(java.util.stream.Collectors.toSet()), "the table lists the manifest's functions");
        for (Function f : manifest.functions()) {
            ServiceFunction row = ServiceFunction.valueOf(f.name());
            assertEquals(row.path(), f.path(), f.name());
            assertEquals(row.methods(), f.methods(), f.name());
            assertEquals(row.isInternal() ? "internal" : "caller", f.audience(), f.name());
            if (row.isInternal()) {
                assertEquals(null, f.roles(), f.name() + ": internal functions take no caller roles");
            } else {
                assertEquals(row.roles(), java.util.Set.copyOf(f.roles()), f.name());
            }
            assertEquals(row.triggers(), f.triggers().stream()
                    .map(t -> ServiceFunction.Trigger.valueOf(t.type().toUpperCase(java.util.Locale.ROOT)))
                    .collect(java.util.stream.Collectors.toSet()), f.name());
        }
    }

    @Test
    void kafkaTriggersNameTheTopicsAndChannelsTheCodeConsumes() throws Exception {
        Properties config = applicationProperties();
        for (Function f : manifest().functions()) {
            for (Trigger t : f.triggers()) {
                if (!t.type().equals("kafka")) {
                    continue;
                }
                String prefix = "mp.messaging.incoming." + t.channel() + ".";
                assertEquals(t.topic(), config.getProperty(prefix + "topic"), f.name());
                assertEquals(t.deadLetterTopic(), config.getProperty(prefix + "dead-letter-queue.topic"), f.name());
                assertTrue(consumersOf(t.channel()) > 0, "an @Incoming(\"" + t.channel() + "\") exists");
            }
        }
    }

    @Test
    void timerTriggersMatchTheScheduler() throws Exception {
        Properties config = applicationProperties();
        for (Function f : manifest().functions()) {
            for (Trigger t : f.triggers()) {
                if (!t.type().equals("timer")) {
                    continue;
                }
                assertEquals("${PRIVATELINK_RECONCILER_EVERY:" + t.every() + "}", config.getProperty(t.config()));
                ProvisionerConfig read = TestConfig.of(Map.of(t.config(), "7s"), ProvisionerConfig.class)
                        .getConfigMapping(ProvisionerConfig.class);
                assertEquals("7s", read.reconciler().every(), "the in-process timer reads " + t.config());
            }
        }
    }

    private static long consumersOf(String channel) throws IOException {
        return methodsInCode().stream()
                .map(m -> m.getAnnotation(Incoming.class))
                .filter(in -> in != null && in.value().equals(channel))
                .count();
    }
}
