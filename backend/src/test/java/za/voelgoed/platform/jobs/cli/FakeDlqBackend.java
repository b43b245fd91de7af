package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import za.voelgoed.shared.json.Json;

/**
 * A real HTTP server on a free loopback port that records every request the CLI sends and answers
 * with the canned responses queued by the test, in order. With nothing queued it answers 500, so a
 * request the test did not expect shows up as a failing exit code.
 */
final class FakeDlqBackend implements AutoCloseable {

    record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        JsonNode json() {
            return Json.tree(body);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    FakeDlqBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeDlqBackend answerJson(String body) {
        return answer(200, "application/json", body);
    }

    FakeDlqBackend answerProblem(int status, String code, String detail) {
        return answer(status, "application/problem+json", """
                {"type":"urn:voelgoed:problem:%s","title":"Refused","status":%d,"detail":"%s","code":"%s"}
                """.formatted(code, status, detail, code));
    }

    synchronized FakeDlqBackend answer(int status, String contentType, String body) {
        answers.add(new Answer(status, contentType, body));
        return this;
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.getFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    parseQuery(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            answer = answers.isEmpty() ? new Answer(500, "text/plain", "no answer queued") : answers.poll();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
