package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.config.CallbacksConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Signing secrets are checked when the service starts: a malformed one is named by its setting, never shown. */
class CallbackSecretsTest {

    private static final String GOOD = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);

    private static CallbackSecrets secrets(Map<String, String> properties) {
        // Quarkus' converter for the defaults' "10s" form, which plain SmallRye Config does not read.
        CallbacksConfig config = new SmallRyeConfigBuilder().withMapping(CallbacksConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build()
                .getConfigMapping(CallbacksConfig.class);
        return new CallbackSecrets(config);
    }

    @Test
    void wellFormedSecretsPass() {
        assertDoesNotThrow(() -> secrets(Map.of("privatelink.callbacks.secrets", GOOD,
                "privatelink.callbacks.tenants.\"payments\".secrets", GOOD + "," + GOOD)).verify());
        assertDoesNotThrow(() -> secrets(Map.of()).verify(), "no secrets at all: no callbacks, no error");
    }

    @Test
    void aTenantsMalformedSecretStopsTheStartNamingItsSettingNotTheSecret() {
        String bad = "whsec_not!base64-secret-value";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> secrets(Map.of(
                "privatelink.callbacks.secrets", GOOD,
                "privatelink.callbacks.tenants.\"payments\".secrets", GOOD + "," + bad)).verify());
        assertEquals("privatelink.callbacks.tenants.\"payments\".secrets, secret 2 of 2: a callback signing secret "
                + "must be whsec_ and base64", e.getMessage());
        assertFalse(e.getMessage().contains("not!base64"));
    }

    @Test
    void aDefaultSecretTooShortOrWithoutItsPrefixStopsTheStart() {
        String shortKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[8]);
        assertEquals("privatelink.callbacks.secrets, secret 1 of 1: a callback signing secret must hold at least 16 "
                + "bytes", assertThrows(IllegalStateException.class,
                        () -> secrets(Map.of("privatelink.callbacks.secrets", shortKey)).verify()).getMessage());
        assertEquals("privatelink.callbacks.secrets, secret 1 of 1: a callback signing secret must start with whsec_",
                assertThrows(IllegalStateException.class, () -> secrets(Map.of("privatelink.callbacks.secrets",
                        Base64.getEncoder().encodeToString(new byte[24]))).verify()).getMessage());
    }
}
