package za.voelgoed.console.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection on a blocking socket, for the load's clients. The JDK's HttpClient took a
 * third of a core at 1,500 requests/s on the bench's 2-core machine, CPU taken from the backend it measures;
 * this sends a request with one write and reads the answer with a buffered stream. It understands what the
 * backend answers: a {@code Content-Length} or chunked body, and {@code Connection: close}, after which the
 * next request opens a new connection. Not thread-safe: one per client thread.
 */
final class KeepAliveHttp implements AutoCloseable {

    /** A response's status and body. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String authorization;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(URI base, String token, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.authorization = "Bearer " + token;
        this.timeoutMillis = timeoutMillis;
    }

    Answer post(String path, String json) throws IOException {
        return exchange("POST", path, json);
    }

    Answer delete(String path) throws IOException {
        return exchange("DELETE", path, null);
    }

    private Answer exchange(String method, String path, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Authorization: ").append(authorization).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        try {
            connection().write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private OutputStream connection() throws IOException {
        if (socket == null) {
            Socket opened = new Socket();
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 8192);
            out = opened.getOutputStream();
        }
        return out;
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        String body = chunked ? chunkedBody() : new String(exactly(Math.max(length, 0)), StandardCharsets.UTF_8);
        if (closing) {
            close();
        }
        return new Answer(status, body);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers, if any, end with an empty line
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(exactly(length));
            line();
        }
    }

    private byte[] exactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("the connection closed " + bytes.length + " bytes into a " + length + "-byte body");
        }
        return bytes;
    }

    /** One CRLF-terminated line of the head, without its end. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of a response head");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to release
            }
            socket = null;
        }
    }
}
