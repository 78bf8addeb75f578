package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.AK;
import static io.privatelink.simulator.SimulatorHarness.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * STS on the simulator: AssumeRole of the seed's roles through the real SDK, its temporary credentials accepted with
 * their SecurityToken (the V1 parameter, the V3 header) until they expire, and the refusals of roles that cannot be
 * assumed.
 */
class SimulatorStsTest {

    static final String ROLE = "acs:ram::1234567890123456:role/privatelink-provisioner";

    static CommonRequest request(SimulatorHarness sim, String version, String action, Map<String, String> params) {
        CommonRequest r = new CommonRequest();
        r.setSysMethod(MethodType.POST);
        r.setSysProtocol(ProtocolType.HTTP);
        r.setSysDomain("127.0.0.1:" + sim.simulator.port());
        r.setSysVersion(version);
        r.setSysAction(action);
        r.setSysAccept(FormatType.JSON);
        params.forEach(r::putQueryParameter);
        return r;
    }

    static JsonNode call(DefaultAcsClient client, CommonRequest request) throws Exception {
        return SimulatorHarness.JSON.readTree(client.getCommonResponse(request).getData());
    }

    static String code(DefaultAcsClient client, CommonRequest request) {
        return assertThrows(ClientException.class, () -> client.getCommonResponse(request)).getErrCode();
    }

    static JsonNode assume(SimulatorHarness sim, Map<String, String> params) throws Exception {
        return call(sim.client(AK, SECRET), request(sim, SimulatedSts.VERSION, "AssumeRole", params)).get("Credentials");
    }

    static DefaultAcsClient session(JsonNode credentials) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou"), new StaticCredentialsProvider(
                new BasicSessionCredentials(credentials.get("AccessKeyId").asText(),
                        credentials.get("AccessKeySecret").asText(), credentials.get("SecurityToken").asText())));
    }

    @Test
    void anAssumedRolesCredentialsSignCallsUntilTheyExpire() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            JsonNode credentials = assume(sim, Map.of("RoleArn", ROLE, "RoleSessionName", "provisioner-test"));
            assertTrue(credentials.get("AccessKeyId").asText().startsWith("STS."));
            assertTrue(Instant.parse(credentials.get("Expiration").asText()).isAfter(Instant.now().plusSeconds(3000)));
            DefaultAcsClient session = session(credentials);
            JsonNode created = call(session, request(sim, PrivateLinkSimulator.VERSION, "CreateVpcEndpoint",
                    SimulatorHarness.create()));
            assertTrue(created.get("EndpointId").asText().startsWith("ep-"), "signature V1 with SecurityToken");
            assertEquals("AssumedRoleUser", call(session, request(sim, SimulatedSts.VERSION, "GetCallerIdentity",
                    Map.of())).get("IdentityType").asText());

            String host = "127.0.0.1:" + sim.simulator.port();
            Map<String, String> list = Map.of("RegionId", "cn-hangzhou");
            String ak = credentials.get("AccessKeyId").asText();
            String secret = credentials.get("AccessKeySecret").asText();
            String token = credentials.get("SecurityToken").asText();
            assertEquals(200, IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpc(host,
                    "ListVpcEndpoints", PrivateLinkSimulator.VERSION, list, ak, secret, token)).statusCode(),
                    "signature V3 with x-acs-security-token");
            assertEquals("MissingSecurityToken", SimulatorSignatureV3Test.code(IndependentSignerV3.send(
                    sim.simulator.port(), IndependentSignerV3.rpc(host, "ListVpcEndpoints",
                            PrivateLinkSimulator.VERSION, list, ak, secret, null))));
            assertEquals("InvalidSecurityToken.MismatchWithAccessKey", SimulatorSignatureV3Test.code(
                    IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpc(host, "ListVpcEndpoints",
                            PrivateLinkSimulator.VERSION, list, ak, secret, token + "x"))));

            assertEquals(200, sim.admin("POST", "/_simulator/sts/expire", null).statusCode());
            assertEquals("InvalidSecurityToken.Expired", code(session, request(sim, PrivateLinkSimulator.VERSION,
                    "ListVpcEndpoints", list)));
            assertEquals("InvalidSecurityToken.Expired", SimulatorSignatureV3Test.code(IndependentSignerV3.send(
                    sim.simulator.port(), IndependentSignerV3.rpc(host, "ListVpcEndpoints",
                            PrivateLinkSimulator.VERSION, list, ak, secret, token))));
        }
    }

    @Test
    void eachAccountHasItsOwnResourcesEndpointsAndRateLimits() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            DefaultAcsClient b = session(assume(sim, Map.of("RoleArn",
                    "acs:ram::2345678901234567:role/privatelink-provisioner", "RoleSessionName", "demo-b")));
            assertEquals("2345678901234567", call(b, request(sim, SimulatedSts.VERSION, "GetCallerIdentity", Map.of()))
                    .get("AccountId").asText());
            Map<String, String> inB = SimulatorHarness.create("VpcId", "vpc-demob01", "ServiceId", "epsrv-demob01",
                    "SecurityGroupId.1", "sg-demob01", "Zone.1.VSwitchId", "vsw-demob01h");
            String endpointB = call(b, request(sim, PrivateLinkSimulator.VERSION, "CreateVpcEndpoint", inB))
                    .get("EndpointId").asText();
            assertEquals("2345678901234567", sim.simulator.accountOf(endpointB).orElseThrow());
            assertEquals("VpcNotFound", code(b, request(sim, PrivateLinkSimulator.VERSION, "CreateVpcEndpoint",
                    SimulatorHarness.create())), "demo-a's VPC is not demo-b's");
            assertEquals("VpcNotFound", sim.code("CreateVpcEndpoint", inB), "nor demo-b's demo-a's");
            String endpointA = (String) sim.call("CreateVpcEndpoint", SimulatorHarness.create()).get("EndpointId");
            assertEquals("EndpointNotFound", code(b, request(sim, PrivateLinkSimulator.VERSION,
                    "GetVpcEndpointAttribute", Map.of("RegionId", "cn-hangzhou", "EndpointId", endpointA))));

            sim.admin("PUT", "/_simulator/faults?Account=2345678901234567",
                    "{\"Forced\": [{\"Action\": \"ListVpcEndpoints\", \"Code\": \"Throttling.User\", \"Count\": 1}]}");
            assertEquals("Success", sim.code("ListVpcEndpoints", Map.of("RegionId", "cn-hangzhou")),
                    "demo-b's faults are its own");
            assertEquals("Throttling.User", code(b, request(sim, PrivateLinkSimulator.VERSION, "ListVpcEndpoints",
                    Map.of("RegionId", "cn-hangzhou"))));
        }
    }

    @Test
    void rolesThatCannotBeAssumedAreRefusedWithSTSsCodes() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            DefaultAcsClient client = sim.client(AK, SECRET);
            assertEquals("EntityNotExist.Role", code(client, request(sim, SimulatedSts.VERSION, "AssumeRole",
                    Map.of("RoleArn", "acs:ram::1234567890123456:role/nobody", "RoleSessionName", "s1"))));
            assertEquals("NoPermission", code(client, request(sim, SimulatedSts.VERSION, "AssumeRole",
                    Map.of("RoleArn", "acs:ram::1234567890123456:role/not-for-you", "RoleSessionName", "s1"))));
            String external = "acs:ram::1234567890123456:role/with-external-id";
            assertEquals("NoPermission", code(client, request(sim, SimulatedSts.VERSION, "AssumeRole",
                    Map.of("RoleArn", external, "RoleSessionName", "s1"))), "without its ExternalId");
            assertTrue(assume(sim, Map.of("RoleArn", external, "RoleSessionName", "s1", "ExternalId",
                    "demo-external-id")).has("SecurityToken"));
            assertEquals("InvalidParameter.DurationSeconds", code(client, request(sim, SimulatedSts.VERSION,
                    "AssumeRole", Map.of("RoleArn", ROLE, "RoleSessionName", "s1", "DurationSeconds", "100"))));
            assertEquals("MissingRoleArn", code(client, request(sim, SimulatedSts.VERSION, "AssumeRole",
                    Map.of("RoleSessionName", "s1"))));
            assertEquals("InvalidAction.NotFound", code(client, request(sim, SimulatedSts.VERSION,
                    "CreateVpcEndpoint", SimulatorHarness.create())), "a PrivateLink action is no STS action");
        }
    }
}
