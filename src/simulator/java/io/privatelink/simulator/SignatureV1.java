package io.privatelink.simulator;

import java.util.Map;
import java.util.TreeMap;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;

/** Alibaba Cloud RPC signature V1 (HMAC-SHA1), computed with the SDK's own composer and signer. */
public final class SignatureV1 {

    private static final HmacSHA1Signer SIGNER = new HmacSHA1Signer();

    private SignatureV1() {
    }

    /** The canonical string-to-sign over every parameter except Signature. */
    public static String stringToSign(String method, Map<String, String> parameters) {
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.remove("Signature");
        return RpcSignatureComposer.getComposer()
                .composeStringToSign(MethodType.valueOf(method), null, SIGNER, signed, null, null);
    }

    public static String sign(String stringToSign, String accessKeySecret) {
        // The key is the secret followed by '&', as the documented algorithm and the SDK's RpcAcsRequest do.
        return SIGNER.signString(stringToSign, accessKeySecret + "&");
    }
}
