package io.privatelink.provisioner.stack;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class ListJobsTest {

    static String createIn(String vpcId) {
        return Jobs.create(Jobs.request(vpcId, UUID.randomUUID().toString())).then().statusCode(202)
                .extract().path("JobId");
    }

    static JsonPath list(String query) {
        return Callers.provisioner().get("/ListVpcEndpointJobs?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersByVpcStatusAndCodeNewestFirst() {
        String vpc = "vpc-list-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createIn(vpc));
        }
        created.forEach(id -> Jobs.awaitStatus(id, "Failed"));
        JsonPath page = list("VpcId=" + vpc);
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)), page.getList("Jobs.JobId"));
        assertEquals("", page.getString("NextToken"));
        assertEquals(3, list("VpcId=" + vpc + "&JobStatus=Failed&Code=VpcNotFound").getList("Jobs").size());
        assertEquals(0, list("VpcId=" + vpc + "&JobStatus=Active").getList("Jobs").size());
        assertEquals("VpcNotFound", page.getString("Jobs[0].Error.Code"));
        assertEquals(0, list("VpcId=" + vpc + "&CreatedAfter=" + Instant.now().plusSeconds(60)).getList("Jobs").size());
        assertEquals(3, list("VpcId=" + vpc + "&CreatedBefore=" + Instant.now().plusSeconds(60)
                + "&RegionId=cn-hangzhou").getList("Jobs").size());
    }

    @Test
    void pagesDoNotSkipOrRepeatWhileNewJobsArrive() {
        String vpc = "vpc-page-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            before.add(createIn(vpc));
        }
        Set<String> seen = new HashSet<>();
        String next = "";
        int pages = 0;
        do {
            JsonPath page = list("VpcId=" + vpc + "&MaxResults=3" + (next.isEmpty() ? "" : "&NextToken=" + next));
            for (String id : page.getList("Jobs.JobId", String.class)) {
                assertTrue(seen.add(id), "no job twice: " + id);
            }
            createIn(vpc);
            next = page.getString("NextToken");
            pages++;
        } while (!next.isEmpty());
        assertEquals(3, pages);
        assertEquals(before, seen, "every job that existed at the first page, once; the newer ones come on a new listing");
    }

    @Test
    void badParametersAreRefusedInTheErrorShape() {
        Callers.provisioner().get("/ListVpcEndpointJobs?MaxResults=101").then().statusCode(400).body("Code", equalTo("IllegalParam.MaxResults"));
        Callers.provisioner().get("/ListVpcEndpointJobs?MaxResults=0").then().statusCode(400).body("Code", equalTo("IllegalParam.MaxResults"));
        Callers.provisioner().get("/ListVpcEndpointJobs?JobStatus=Done").then().statusCode(400).body("Code", equalTo("IllegalParam.JobStatus"));
        Callers.provisioner().get("/ListVpcEndpointJobs?NextToken=garbage").then().statusCode(400).body("Code", equalTo("IllegalParam.NextToken"));
        Callers.provisioner().get("/ListVpcEndpointJobs?CreatedAfter=yesterday").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.CreatedAfter"));
        Callers.provisioner().get("/ListVpcEndpointJobs").then().statusCode(200).body("MaxResults", equalTo(20));
    }

    @Test
    void eachFilterIsServedByAnIndex() throws Exception {
        try (Connection c = DriverManager.getConnection(LocalStackResource.stack().jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            // Small test tables make a sequential scan cheapest; forbid it to see whether an index can serve.
            s.execute("set enable_seqscan = off");
            for (String where : List.of("true", "status = 'Failed'", "vpc_id = 'vpc-demo01'", "region_id = 'cn-hangzhou'",
                    "error_code = 'VpcNotFound'", "(created_at, job_id) < (now(), 'job-z')")) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("explain select * from vpc_endpoint_job where " + where
                        + " order by created_at desc, job_id desc limit 21")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("Index Scan"), where + ":\n" + plan);
                assertFalse(plan.toString().contains("Seq Scan"), where + ":\n" + plan);
            }
        }
    }
}
