package io.privatelink.provisioner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * One HTTP/1.1 exchange written byte for byte, for requests that HTTP clients refuse to send (a broken percent escape
 * in the request line, a request line of 20,000 bytes): the status and the body as the service answered them.
 */
public final class RawHttp {

    public record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    /** {@code header}: one more header line ("Name: value"), or null. */
    public static Answer send(String method, String target, String token, String contentType, String body,
            String header) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (header != null) {
            head.append(header).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : answer.substring(split + 4));
        }
    }
}
