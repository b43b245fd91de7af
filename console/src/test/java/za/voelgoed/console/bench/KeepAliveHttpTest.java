package za.voelgoed.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load's HTTP client against the JDK's HTTP server on a random port of 127.0.0.1. */
class KeepAliveHttpTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] answer = ("{\"echo\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().contains("chunked");
            if (exchange.getRequestURI().getPath().contains("close")) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, chunked ? 0 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void sendsTheTokenAndBodyAndReadsSizedAndChunkedAnswersOnOneConnection() throws IOException {
        try (KeepAliveHttp http = new KeepAliveHttp(base(), "secret", 5_000)) {
            KeepAliveHttp.Answer posted = http.post("/sized", "{\"a\":1}");
            KeepAliveHttp.Answer chunked = http.delete("/chunked/7");

            assertEquals(201, posted.status());
            assertEquals("{\"echo\":\"/sized\"}", posted.body());
            assertEquals(200, chunked.status());
            assertEquals("{\"echo\":\"/chunked/7\"}", chunked.body());
        }
        assertEquals(List.of("POST /sized Bearer secret {\"a\":1}", "DELETE /chunked/7 Bearer secret "), seen);
        assertEquals(1, clientPorts.stream().distinct().count(), "both requests on one kept-alive connection");
    }

    @Test
    void opensANewConnectionAfterTheServerSaysClose() throws IOException {
        try (KeepAliveHttp http = new KeepAliveHttp(base(), "secret", 5_000)) {
            assertEquals(200, http.delete("/close").status());
            assertEquals(200, http.delete("/after").status());
        }
        assertEquals(2, clientPorts.stream().distinct().count(), "a new connection after Connection: close");
    }
}
