package io.privatelink.provisioner.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's minimal function (src/baseline) is a floor only while it is built like the service: the same
 * Quarkus and the same packaging.
 */
class BaselineModuleTest {

    private static final Pattern QUARKUS = Pattern.compile("<quarkus.platform.version>([^<]+)</");

    @Test
    void theMinimalFunctionIsBuiltWithTheServicesQuarkusAndPackaging() throws Exception {
        assertEquals(quarkus(Path.of("pom.xml")), quarkus(Path.of("src/baseline/pom.xml")));
        assertEquals(packaging(Path.of("src/main/resources/application.properties")),
                packaging(Path.of("src/baseline/resources/application.properties")));
    }

    private static String quarkus(Path pom) throws Exception {
        Matcher m = QUARKUS.matcher(Files.readString(pom));
        return m.find() ? m.group(1) : "none in " + pom;
    }

    private static String packaging(Path properties) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(properties)) {
            p.load(in);
        }
        return p.getProperty("quarkus.package.jar.type", "fast-jar");
    }
}
