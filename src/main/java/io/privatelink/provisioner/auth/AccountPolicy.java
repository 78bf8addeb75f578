package io.privatelink.provisioner.auth;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.config.AccountsConfig;

/**
 * Which Alibaba account a caller's request acts in: the one it names, if its tenant may use it, else its tenant's
 * default. A caller names an account, never a role: the roles are the configuration's.
 */
@ApplicationScoped
public class AccountPolicy {

    private final AccountsConfig config;
    private final Set<String> known = new HashSet<>();

    public AccountPolicy(AccountsConfig config) {
        this.config = config;
        known.addAll(config.accounts().keySet());
        known.add(config.defaultAccount());
    }

    /**
     * @throws ApiException 400 IllegalParam.Account for an account the service does not know, 403 Forbidden.Account
     *         for one the caller's tenant may not use
     */
    public String accountFor(Caller caller, String named) {
        AccountsConfig.Tenant tenant = config.tenants().get(caller.owner().tenant());
        String fallback = tenant == null ? config.defaultAccount() : tenant.defaultAccount();
        if (named == null) {
            return fallback;
        }
        if (!known.contains(named)) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_ACCOUNT);
        }
        boolean allowed = named.equals(fallback)
                || tenant != null && tenant.accounts().map(list -> list.contains(named)).orElse(false);
        if (!allowed) {
            throw ApiErrors.forbiddenAccount(named);
        }
        return named;
    }
}
