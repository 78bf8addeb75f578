package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.config.AccountsConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The README's Deploy section gives accounts and tenants as environment variables (Function Compute's form): names of
 * lower-case letters and digits, single underscores, and an action's limit in upper case.
 */
class AccountsFromTheEnvironmentTest {

    @Test
    void accountsTenantsAndLimitsInTheEnvironmentFormMapAsTheReadmeSays() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AccountsConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "PRIVATELINK_DEFAULT_ACCOUNT", "teama",
                        "PRIVATELINK_ACCOUNTS_TEAMB_ROLE_ARN", "acs:ram::2345678901234567:role/privatelink-provisioner",
                        "PRIVATELINK_ACCOUNTS_TEAMB_EXTERNAL_ID", "the-id",
                        "PRIVATELINK_ACCOUNTS_TEAMB_RATE_LIMITS_CREATEVPCENDPOINT", "45",
                        "PRIVATELINK_TENANTS_PAYMENTS_DEFAULT_ACCOUNT", "teamb",
                        "PRIVATELINK_TENANTS_PAYMENTS_ACCOUNTS", "teama,teamb"), 300) {
                })
                .build();
        AccountsConfig accounts = config.getConfigMapping(AccountsConfig.class);
        assertEquals("teama", accounts.defaultAccount());
        AccountsConfig.Account teamB = accounts.accounts().get("teamb");
        assertEquals("acs:ram::2345678901234567:role/privatelink-provisioner", teamB.roleArn().orElseThrow());
        assertEquals("the-id", teamB.externalId().orElseThrow());
        assertEquals("teamb", accounts.tenants().get("payments").defaultAccount());
        assertEquals(List.of("teama", "teamb"), accounts.tenants().get("payments").accounts().orElseThrow());

        // The limit's key comes lower-cased from the environment; it paces the action all the same.
        CallPacer pacer = new CallPacer(teamB.rateLimits());
        assertTrue(pacer.limits("CreateVpcEndpoint"));
        assertEquals(Duration.ofNanos(1_000_000_000L / 45), pacer.interval("CreateVpcEndpoint"));
    }
}
