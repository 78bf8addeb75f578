package io.privatelink.provisioner.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a managed service's new connection requests are decided: accepted at once when the endpoint's account is one
 * the service allows (AcceptAllowedUsers: its User list) or one named here (AcceptAccounts); every other held for a
 * person, who is told by an event and a callback; rejected once it has waited RejectAfter seconds, when given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptancePolicy(
        @JsonProperty("AcceptAllowedUsers") Boolean acceptAllowedUsers,
        @Size(max = ParameterForms.MAX_SERVICE_USERS, message = ApiErrors.ILLEGAL_ACCEPTANCE_POLICY)
        @JsonProperty("AcceptAccounts") List<@NotNull(message = ApiErrors.ILLEGAL_ACCEPTANCE_POLICY)
                @Pattern(regexp = ParameterForms.ACCOUNT_ID, message = ApiErrors.ILLEGAL_ACCEPTANCE_POLICY) String> acceptAccounts,
        @Min(value = ParameterForms.MIN_DEADLINE, message = ApiErrors.ILLEGAL_ACCEPTANCE_POLICY)
        @Max(value = ParameterForms.MAX_ACCEPTANCE_DEADLINE, message = ApiErrors.ILLEGAL_ACCEPTANCE_POLICY)
        @JsonProperty("RejectAfter") Integer rejectAfter) {

    /** Whether a request from this account is accepted at once, the service allowing {@code users}. */
    public boolean accepts(String account, List<String> users) {
        return account != null && (acceptAccounts != null && acceptAccounts.contains(account)
                || Boolean.TRUE.equals(acceptAllowedUsers) && users != null && users.contains(account));
    }
}
