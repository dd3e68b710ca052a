package io.nanopulse.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, one request per connection: the request line, headers and body
 * go out byte for byte as given (invalid UTF-8, NULs and all), which java.net.http refuses to send.
 */
final class RawHttp {
    /** At most this much of a body is kept. */
    private static final int MAX_BODY = 1 << 20;

    /** A header as raw bytes (ISO-8859-1 maps each char to one byte). */
    record Header(String name, String value) {
    }

    record Request(String method, byte[] target, List<Header> headers, byte[] body) {
        String targetText() {
            return new String(target, StandardCharsets.ISO_8859_1);
        }
    }

    /** What came back; {@code status} is -1 when nothing parseable came back ({@code error} says why). */
    record Response(int status, Map<String, String> headers, byte[] body, String error) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Response send(Request request) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            IOException writeFailure = null;
            try {
                write(socket, request);
            } catch (IOException e) {
                // The server may answer (413, 431, ...) and close before reading everything: read what it said.
                writeFailure = e;
            }
            try {
                return read(socket.getInputStream(), request.method().equals("HEAD"));
            } catch (IOException e) {
                return new Response(-1, Map.of(), new byte[0], "no answer: " + e.getMessage()
                        + (writeFailure == null ? "" : " (while sending: " + writeFailure.getMessage() + ")"));
            }
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], "connection failed: " + e.getMessage());
        }
    }

    private void write(Socket socket, Request request) throws IOException {
        OutputStream raw = socket.getOutputStream();
        var head = new ByteArrayOutputStream();
        head.writeBytes((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(request.target());
        head.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        boolean hasHost = false;
        for (Header h : request.headers()) {
            hasHost |= h.name().equalsIgnoreCase("Host");
            head.writeBytes((h.name() + ": " + h.value() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!hasHost) {
            head.writeBytes(("Host: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (request.body() != null) {
            head.writeBytes(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        raw.write(head.toByteArray());
        byte[] body = request.body() == null ? new byte[0] : request.body();
        // In pieces, stopping once the server has answered (an early 413 or 431): writing on would only
        // earn a reset that can swallow the answer.
        for (int at = 0; at < body.length; at += 16_384) {
            if (socket.getInputStream().available() > 0) {
                break;
            }
            raw.write(body, at, Math.min(16_384, body.length - at));
        }
        raw.flush();
    }

    private static Response read(InputStream raw, boolean head) throws IOException {
        var in = new java.io.BufferedInputStream(raw, 65536);
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed before a status line");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not a status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            var headers = new LinkedHashMap<String, String>();
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                if (colon > 0) {
                    headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            String type = headers.getOrDefault("content-type", "");
            if (head || status == 204 || status == 304 || type.startsWith("text/event-stream")) {
                return new Response(status, headers, new byte[0], null);
            }
            byte[] body;
            if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes((int) Math.min(MAX_BODY, Long.parseLong(headers.get("content-length"))));
            } else {
                body = in.readNBytes(MAX_BODY);
            }
            return new Response(status, headers, body, null);
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (out.size() < MAX_BODY) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                break;
            }
            out.writeBytes(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    /** A CRLF-terminated line (ISO-8859-1), null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
            if (buf.size() > 65536) {
                throw new IOException("line over 64 KiB");
            }
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    static List<Header> headers(String... nameValues) {
        var out = new ArrayList<Header>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            out.add(new Header(nameValues[i], nameValues[i + 1]));
        }
        return out;
    }
}
