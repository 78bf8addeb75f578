package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A list function's page: MaxResults (a JSON number or a string of digits) and the NextToken of the page before.
 * Beans with setters, as Funqy binds a GET's query parameters.
 */
public abstract class PageRequest {

    private String maxResults;
    private String nextToken;

    @JsonProperty("MaxResults")
    public String getMaxResults() {
        return maxResults;
    }

    @JsonProperty("MaxResults")
    @JsonDeserialize(using = NumberOrText.class)
    public void setMaxResults(String maxResults) {
        this.maxResults = maxResults;
    }

    @JsonProperty("NextToken")
    public String getNextToken() {
        return nextToken;
    }

    @JsonProperty("NextToken")
    public void setNextToken(String nextToken) {
        this.nextToken = nextToken;
    }
}
