package za.voelgoed.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * The edge of the API: every bad request is a 4xx problem+json with a stable code that changes nothing and
 * echoes nothing; routes that do not exist are 404s that leave no stack trace in the log; numbers must be
 * numbers; prices and bodies have bounds.
 */
class EdgeIT {

    static BackendNode node;
    static Api staff;
    static Api anonymous;
    static UUID org;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config());
        Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Edge");
        staff = admin.withToken(admin.createToken(org, "staff"));
        anonymous = admin.withToken(null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void unknownRoutesAre404ProblemsWithoutAStackTraceInTheLog() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            assertThat(anonymous.get("/no-such-path").problem(404).get("code").asText()).isEqualTo("not_found");
            assertThat(staff.get("/api/orgs/" + org + "/no-such-route").problem(404).get("code").asText())
                    .isEqualTo("not_found");
            assertThat(staff.get("/api/orgs/" + org + "/events/" + UUID.randomUUID() + "/nope").problem(404)
                    .get("code").asText()).isEqualTo("not_found");
            assertThat(staff.delete("/api/orgs/" + org + "/events").status()).isIn(404, 405);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(logged).as("a wrong route is the client's mistake, not an incident").isEmpty();
    }

    @Test
    void numbersSentAsStringsOrFractionsAreRefusedAndChangeNothing() {
        UUID show = publishedShow(20_000);
        long holds = Db.count("select count(*) from holds");
        for (String body : List.of("{\"ticket_type\":\"ga\",\"quantity\":\"2\"}", "{\"ticket_type\":\"ga\",\"quantity\":1.5}",
                "{\"ticket_type\":\"ga\",\"quantity\":true}", "{\"ticket_type\":7,\"quantity\":1}")) {
            var problem = staff.post(show(show) + "/holds", body).problem(400);
            assertThat(problem.get("code").asText()).isEqualTo("malformed_json");
            assertThat(problem.get("detail").asText()).contains("expected");
        }
        assertThat(Db.count("select count(*) from holds")).isEqualTo(holds);
        String hold = staff.post(show(show) + "/holds", "{\"ticket_type\":\"ga\",\"quantity\":1}").expect(201)
                .get("id").asText();
        assertThat(staff.post(show(show) + "/holds/" + hold + "/extend", "{\"seconds\":\"600\"}").problem(400)
                .get("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void errorDetailsNeverEchoWhatWasSent() {
        String card = "4111111111111111";
        for (Api.Response r : List.of(
                staff.post("/api/orgs/" + org + "/orders", "{\"hold_id\":\"" + card + "\",\"payment\":\"" + card + "\"}"),
                staff.post("/api/orgs/" + org + "/events", "{\"name\":" + card + "}"),
                staff.get("/api/orgs/" + org + "/dlq?limit=" + card),
                staff.get("/api/orgs/" + org + "/dlq?since=" + card),
                staff.get("/api/orgs/" + org + "/events/" + card))) {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(r.body()).doesNotContain(card);
        }
    }

    @Test
    void pricesAreBoundedWhereTheyEnterAndTheDearestTicketChecksOutExactly() {
        String dear = showBody(Long.MAX_VALUE);
        var refused = staff.post("/api/orgs/" + org + "/events", dear).problem(422);
        assertThat(refused.get("errors").findValuesAsText("field")).contains("ticket_types[0].price_cents");
        String seated = """
                {"name": "Dear seats", "starts_at": "2027-03-01T19:00:00Z",
                 "seating": {"sections": [{"name": "Floor", "rows": [{"label": "A", "seats": 2, "category": "x"}]}],
                             "categories": [{"code": "x", "price_cents": -1}]}}""";
        assertThat(staff.post("/api/orgs/" + org + "/events", seated).problem(422).get("errors")
                .findValuesAsText("field")).contains("seating.categories[0].price_cents");

        UUID show = publishedShow(za.voelgoed.seating.model.SeatingLimits.MAX_PRICE_CENTS);
        var hold = staff.post(show(show) + "/holds", "{\"ticket_type\":\"ga\",\"quantity\":10}").expect(201);
        assertThat(hold.get("quantity").asInt()).isEqualTo(10);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(big),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.port() + "/api/orgs/" + org + "/events"))
                    .header("Authorization", "Bearer " + staff.token()).header("Content-Type", "application/json")
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(Json.tree(answer.body()).get("code").asText()).isEqualTo("payload_too_large");
        }
        assertThat(Db.count("select count(*) from events where organization_id = ? and name like 'xxx%'", org)).isZero();
    }

    private static UUID publishedShow(long priceCents) {
        UUID show = UUID.fromString(staff.post("/api/orgs/" + org + "/events", showBody(priceCents)).expect(201)
                .get("id").asText());
        staff.post(show(show) + "/publish", "{}").expect(200);
        return show;
    }

    private static String showBody(long priceCents) {
        return """
                {"name": "Edge show", "starts_at": "2027-03-01T19:00:00Z",
                 "ticket_types": [{"code": "ga", "name": "General", "price_cents": %d, "capacity": 100}]}"""
                .formatted(priceCents);
    }

    private static String show(UUID show) {
        return "/api/orgs/" + org + "/events/" + show;
    }
}
