package io.privatelink.provisioner.fakes;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The service's @ConfigMappings as a unit test reads them: their defaults and what the test names, no Quarkus. */
public final class TestConfig {

    private TestConfig() {
    }

    public static SmallRyeConfig of(Map<String, String> settings, Class<?>... mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withValidateUnknown(false)
                // Quarkus reads durations as "3s"; plain SmallRye Config only as ISO-8601.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 300));
        for (Class<?> mapping : mappings) {
            builder.withMapping(mapping);
        }
        return builder.build();
    }
}
