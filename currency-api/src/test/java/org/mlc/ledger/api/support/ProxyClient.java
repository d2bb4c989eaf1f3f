package org.mlc.ledger.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests sent from a chosen loopback address, as a proxy in front of the application
 * would send them (the tests' trusted proxy is 127.0.0.2: IntegrationTest), with the headers the
 * caller gives (X-Forwarded-For, -Proto, -Host, a session cookie…). One connection per request.
 */
public final class ProxyClient {

    public static final String TRUSTED = "127.0.0.2";
    public static final String UNTRUSTED = "127.0.0.3";

    private final String from;
    private final int port;

    public ProxyClient(String from, int port) {
        this.from = from;
        this.port = port;
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public Api.Response api() {
            return new Api.Response(status, header("Content-Type"), body);
        }
    }

    /** A request; {@code headers} are name, value pairs; {@code body} null sends none. */
    public Response send(String method, String path, String body, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(20_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** A JSON POST with an Idempotency-Key, anonymous, from {@code client} behind the trusted proxy. */
    public Response postJson(String path, String json, String client) throws IOException {
        return send("POST", path, json, "Content-Type", "application/json", "Idempotency-Key",
                java.util.UUID.randomUUID().toString(), "X-Forwarded-For", client);
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
                    .strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        }
        return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (chunked[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
