package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.GetVpcEndpointRequest;
import io.privatelink.provisioner.api.ListVpcEndpointsRequest;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;

/**
 * The managed endpoints' reads refuse every bad parameter with its code before the record is read. (What they read is
 * the database's own queries: LifecycleTest, JobsPageTest.)
 */
class EndpointQueriesTest extends UseCaseTest {

    /** The record of managed endpoints is the database's; no refusal here reaches it. */
    final EndpointQueries queries = new EndpointQueries(null, world.context);

    String refusal(GetVpcEndpointRequest request) {
        return assertThrows(ApiException.class,
                () -> queries.get(UseCases.CALLER, request).await().atMost(Duration.ofSeconds(5))).code();
    }

    @Test
    void aGetWithoutAnEndpointIdOrWithABrokenOneIsRefused() {
        assertEquals("MissingEndpointId", refusal(new GetVpcEndpointRequest()));
        GetVpcEndpointRequest broken = new GetVpcEndpointRequest();
        broken.setEndpointId("ep with spaces");
        assertEquals(ApiErrors.ILLEGAL_ENDPOINT_ID, refusal(broken));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "Status, Unknown, IllegalParam.Status",
        "RegionId, cn hangzhou, IllegalParam.RegionId",
        "MaxResults, 0, IllegalParam.MaxResults",
        "NextToken, not-a-token, IllegalParam.NextToken"})
    void eachBadParameterOfAListIsRefusedWithItsCode(String parameter, String value, String code) {
        ListVpcEndpointsRequest r = new ListVpcEndpointsRequest();
        switch (parameter) {
            case "Status" -> r.setStatus(value);
            case "RegionId" -> r.setRegionId(value);
            case "MaxResults" -> r.setMaxResults(value);
            default -> r.setNextToken(value);
        }
        assertEquals(code, assertThrows(ApiException.class,
                () -> queries.list(UseCases.CALLER, r).await().atMost(Duration.ofSeconds(5))).code());
    }
}
