package io.privatelink.provisioner.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Alibaba accounts the service acts in, and which tenants may use which. An account named here is reached by
 * assuming its RAM role through STS on top of the service's own credentials (privatelink.cloud.*); the account
 * without a role is the service's own. With no account named, there is one: the service's own, named "default".
 */
@ConfigMapping(prefix = "privatelink")
public interface AccountsConfig {

    /** The accounts by name, as requests name them (privatelink.accounts."demo-b".role-arn=...). */
    Map<String, Account> accounts();

    /** Which accounts each tenant (its token's tenant claim) may name, and its default. */
    Map<String, Tenant> tenants();

    /** The account of a tenant not listed under tenants (and of tokens without a tenant): the only one it may use. */
    @WithDefault("default")
    String defaultAccount();

    interface Account {
        /** The RAM role to assume (acs:ram::&lt;account id&gt;:role/&lt;name&gt;); none: the service's own credentials. */
        Optional<String> roleArn();

        /** The ExternalId the role's trust policy asks for, if any. */
        Optional<String> externalId();

        /** Calls a second each action may make in this account; privatelink.cloud.rate-limits where not named. */
        Map<String, Double> rateLimits();
    }

    interface Tenant {
        /** The account a request of this tenant acts in when it names none. */
        String defaultAccount();

        /** Every account it may name (its default among them, whether listed or not). */
        Optional<List<String>> accounts();
    }
}
