package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which job to show: by JobId, or by ClientToken (in one Account, since a token is scoped per account; without it, the
 * newest job with that token). Setters, because Funqy binds query parameters through them. */
public class GetVpcEndpointJobRequest {

    private String jobId;
    private String clientToken;
    private String account;

    @JsonProperty("JobId")
    public String getJobId() {
        return jobId;
    }

    @JsonProperty("JobId")
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    @JsonProperty("ClientToken")
    public String getClientToken() {
        return clientToken;
    }

    @JsonProperty("ClientToken")
    public void setClientToken(String clientToken) {
        this.clientToken = clientToken;
    }

    @JsonProperty("Account")
    public String getAccount() {
        return account;
    }

    @JsonProperty("Account")
    public void setAccount(String account) {
        this.account = account;
    }
}
