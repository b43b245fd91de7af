package za.voelgoed.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;

/**
 * The first slice over real HTTP on two nodes: orgs and shows are created and published on node A,
 * a subscriber on node B receives the domain events; bad input gets problem+json and changes nothing.
 */
class EventRoutesIT {

    static BackendNode nodeA;
    static BackendNode nodeB;
    static Api api;

    @BeforeAll
    static void start() {
        nodeA = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "routes-a")));
        nodeB = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "routes-b")));
        api = new Api(nodeA.port(), TestEnv.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @BeforeEach
    void clean() {
        TestEnv.truncateAll();
    }

    @Test
    void publishOnNodeAReachesSubscriberOnNodeB() {
        UUID org = createOrg("Kaapstad Live");
        Recorder onB = new Recorder();
        Subscription sub = nodeB.pubsub().subscribe(onB).add(Topic.of(TopicFamily.EVENTS_ORG, org));

        JsonNode created = api.post("/api/orgs/" + org + "/events",
                "{\"name\":\"Oppikoppi\",\"starts_at\":\"2026-12-31T19:30:00+02:00\",\"venue\":\"Northam\"}").json();
        UUID show = UUID.fromString(created.get("id").asText());
        assertThat(created.get("status").asText()).isEqualTo("draft");
        var published = api.post("/api/orgs/" + org + "/events/" + show + "/publish", "");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("published");

        await().atMost(Duration.ofSeconds(10)).until(() -> onB.size() == 2);
        EventMessage first = onB.messages().get(0);
        EventMessage second = onB.messages().get(1);
        assertThat(first.event()).isEqualTo("event.created.v1");
        assertThat(second.event()).isEqualTo("event.published.v1");
        assertThat(second.orgId()).isEqualTo(org);
        assertThat(second.eventId()).isEqualTo(show);
        assertThat(second.resourceId()).isEqualTo(show);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.data().get("starts_at").asText()).isEqualTo("2026-12-31T17:30:00Z");
        assertThat(second.data().get("published_at").asText()).isNotBlank();
        assertThat(second.id()).isEqualTo(Db.single("select event_id from domain_events where resource_seq = 2 "
                + "and resource_id = ?", show));
        sub.close();
    }

    @Test
    void showIsReadBackOnlyUnderItsOwnOrganisation() {
        UUID org = createOrg("Joburg Arena");
        UUID other = createOrg("Durban Dome");
        String show = api.post("/api/orgs/" + org + "/events",
                "{\"name\":\"Karoo Nights\",\"starts_at\":\"2027-01-10T20:00:00Z\"}").json().get("id").asText();

        var mine = api.get("/api/orgs/" + org + "/events/" + show);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("name").asText()).isEqualTo("Karoo Nights");
        var theirs = api.get("/api/orgs/" + other + "/events/" + show);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.problem(404).get("code").asText()).isEqualTo("event_not_found");
        assertThat(api.get("/api/orgs/" + org + "/events").json().get("items")).hasSize(1);
        assertThat(api.get("/api/orgs/" + other + "/events").json().get("items")).isEmpty();
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        UUID org = createOrg("Bloemfontein Bash");
        String base = "/api/orgs/" + org + "/events";
        long events = Db.count("select count(*) from events");
        long outbox = Db.count("select count(*) from domain_events");

        var invalid = api.post(base, "{\"name\":\"\",\"starts_at\":\"tomorrow\",\"ends_at\":\"2020-01-01T00:00:00Z\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.problem(422).get("code").asText()).isEqualTo("validation_failed");
        assertThat(invalid.problem(422).get("type").asText()).isEqualTo("urn:voelgoed:problem:validation_failed");
        assertThat(invalid.problem(422).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "starts_at");

        var endsBeforeStart = api.post(base, "{\"name\":\"X\",\"starts_at\":\"2027-01-02T00:00:00Z\","
                + "\"ends_at\":\"2027-01-01T00:00:00Z\"}");
        assertThat(endsBeforeStart.problem(422).get("errors").get(0).get("field").asText()).isEqualTo("ends_at");
        assertThat(api.post(base, "{\"name\": \"X\", ").problem(400).get("code").asText()).isEqualTo("malformed_json");
        assertThat(api.post(base, "[1,2]").status()).isEqualTo(400);
        assertThat(api.post(base, "").status()).isEqualTo(400);
        assertThat(api.post("/api/orgs/" + UUID.randomUUID() + "/events",
                "{\"name\":\"X\",\"starts_at\":\"2027-01-01T00:00:00Z\"}").problem(404).get("code").asText())
                .isEqualTo("org_not_found");
        assertThat(api.post("/api/orgs/nope/events", "{}").problem(400).get("code").asText()).isEqualTo("invalid_id");
        assertThat(api.post(base + "/" + UUID.randomUUID() + "/publish", "").status()).isEqualTo(404);
        assertThat(api.withToken(null).post(base, "{}").status()).isEqualTo(401);
        assertThat(api.withToken("wrong").get(base).status()).isEqualTo(401);

        assertThat(Db.count("select count(*) from events")).isEqualTo(events);
        assertThat(Db.count("select count(*) from domain_events")).isEqualTo(outbox);
    }

    @Test
    void publishingTwiceIsRefusedAndEmitsOnce() {
        UUID org = createOrg("Stellenbosch Sounds");
        String show = api.post("/api/orgs/" + org + "/events",
                "{\"name\":\"Wine Fest\",\"starts_at\":\"2027-02-01T12:00:00+02:00\"}").json().get("id").asText();
        assertThat(api.post("/api/orgs/" + org + "/events/" + show + "/publish", "").status()).isEqualTo(200);
        var again = api.post("/api/orgs/" + org + "/events/" + show + "/publish", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem(409).get("code").asText()).isEqualTo("already_published");
        assertThat(Db.count("select count(*) from domain_events where event_type = 'event.published.v1'")).isEqualTo(1);
    }

    @Test
    void organisationsHaveUniqueSlugs() {
        var created = api.post("/api/orgs", "{\"name\":\"Pretoria Plaas Partytjie\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("slug").asText()).isEqualTo("pretoria-plaas-partytjie");
        var duplicate = api.post("/api/orgs", "{\"name\":\"Another\",\"slug\":\"pretoria-plaas-partytjie\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problem(409).get("code").asText()).isEqualTo("slug_taken");
        assertThat(api.post("/api/orgs", "{\"name\":\"Bad slug\",\"slug\":\"Bad Slug!\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/orgs", "{}").status()).isEqualTo(422);
        assertThat(Db.count("select count(*) from organizations")).isEqualTo(1);
        assertThat(api.get("/api/orgs/" + created.json().get("id").asText()).status()).isEqualTo(200);
    }

    private static UUID createOrg(String name) {
        var created = api.post("/api/orgs", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }
}
