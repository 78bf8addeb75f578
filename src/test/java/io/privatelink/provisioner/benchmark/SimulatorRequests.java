package io.privatelink.provisioner.benchmark;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

import io.privatelink.simulator.PrivateLinkSimulator;

/** The SDK calls a user's own code makes against the simulator: the signed CommonRequests, and the client. */
final class SimulatorRequests {

    private SimulatorRequests() {
    }

    static DefaultAcsClient client() {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou",
                PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_ID, PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_SECRET));
    }

    static CommonRequest base(int port, String action) {
        CommonRequest r = new CommonRequest();
        r.setSysMethod(MethodType.POST);
        r.setSysProtocol(ProtocolType.HTTP);
        r.setSysDomain("127.0.0.1:" + port);
        r.setSysVersion(PrivateLinkSimulator.VERSION);
        r.setSysAction(action);
        r.setSysAccept(FormatType.JSON);
        r.putQueryParameter("RegionId", "cn-hangzhou");
        return r;
    }

    static CommonRequest get(int port, String endpointId) {
        CommonRequest r = base(port, "GetVpcEndpointAttribute");
        r.putQueryParameter("EndpointId", endpointId);
        return r;
    }

    static CommonRequest create(int port, String token) {
        CommonRequest r = base(port, "CreateVpcEndpoint");
        r.putQueryParameter("VpcId", "vpc-demo01");
        r.putQueryParameter("ServiceId", "epsrv-demo01");
        r.putQueryParameter("SecurityGroupId.1", "sg-demo01");
        r.putQueryParameter("ClientToken", token);
        return r;
    }
}
