package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * A client away for longer than the outbox retention: the events it missed are partly pruned, so a resume
 * from its point must send it to the snapshot ({@code recovered: false}) instead of replaying what is left
 * and calling that complete. Time passes by moving the events' timestamps back.
 */
class GatewayPrunedResumeIT {

    final List<BackendNode> nodes = new ArrayList<>();
    Api admin;
    UUID org;

    @AfterEach
    void stop() {
        nodes.forEach(BackendNode::close);
    }

    @Test
    void aResumeFromBeforeWhatWasPrunedIsToldToRehydrateWhileALaterPointStillReplays() {
        TestEnv.truncateAll();
        BackendNode before = node("pruned-before");
        admin = new Api(before.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Away");
        String staff = admin.createToken(org, "staff");
        String topic = "events:org:" + org;
        Resume point = pointAfterSeeing(before, staff, topic, 3);
        commitShows(3);
        List<UUID> lately = commitShows(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from outbox_pending") == 0);
        before.close();
        TestEnv.exec("update domain_events set \"timestamp\" = \"timestamp\" - interval '40 days'"
                + " where resource_id <> all('" + arrayOf(lately) + "'::uuid[])");
        TestEnv.exec("update domain_events set \"timestamp\" = \"timestamp\" - interval '20 days'"
                + " where resource_id = any('" + arrayOf(lately) + "'::uuid[])");

        BackendNode after = node("pruned-after");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from domain_events where \"timestamp\" < now() - interval '30 days'") == 0);

        ServerFrame.Subscribed answer = resume(after, staff, topic, point);
        assertThat(answer.recovered()).as("six missed events are gone: rehydrate").isFalse();
        assertThat(answer.replayed()).isZero();

        long prunedThrough = (Long) Db.single("select pruned_offset from outbox_prune_marks where organization_id = ?", org);
        ServerFrame.Subscribed later = resume(after, staff, topic, Resume.after(point.resources(), prunedThrough,
                point.epoch()));
        assertThat(later.recovered()).as("nothing after this point was pruned").isTrue();
        // two dispatch loops may number an old show's event after a late one's: the replay is what follows the
        // mark in dispatch order, which is the late shows' events unless one of them was numbered before it
        long afterMark = Db.count("""
                select count(*) from dispatch_log d join domain_events e on e.position = d.position
                where d.organization_id = ? and d.org_offset > ? and e.resource_type = 'event'""", org, prunedThrough);
        assertThat(afterMark).isBetween(1L, 4L);
        assertThat(later.replayed()).isEqualTo(afterMark);
    }

    private BackendNode node(String id) {
        BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", id,
                "VOELGOED_OUTBOX_RETENTION_DAYS", "30")));
        nodes.add(node);
        return node;
    }

    /** A client that saw the events of this many new shows and left: the point it would resume from. */
    private Resume pointAfterSeeing(BackendNode node, String token, String topic, int shows) {
        try (WsProbe client = new WsProbe(node.port(), token)) {
            client.subscribe(topic);
            commitShows(shows);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.events().size() >= 2 * shows);
            Map<String, Long> seen = new HashMap<>();
            client.events().forEach(m -> seen.merge(Resume.resourceKey(m.resourceType(), m.resourceId()), m.seq(),
                    Math::max));
            long newest = client.events().stream().mapToLong(EventMessage::offset).max().orElseThrow();
            String epoch = client.await(ServerFrame.Welcome.class, w -> true).epoch();
            return Resume.after(seen, newest, epoch);
        }
    }

    private ServerFrame.Subscribed resume(BackendNode node, String token, String topic, Resume from) {
        try (WsProbe client = new WsProbe(node.port(), token)) {
            String ref = "resume-" + UUID.randomUUID();
            client.client().subscribe(topic, ref, from);
            return (ServerFrame.Subscribed) client.awaitAnswer(ref);
        }
    }

    /** Creates and publishes shows: two events each. */
    private List<UUID> commitShows(int count) {
        List<UUID> shows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID show = UUID.fromString(admin.post("/api/orgs/" + org + "/events",
                    "{\"name\":\"Show " + i + "\",\"starts_at\":\"2027-04-01T20:00:00Z\"}").json().get("id").asText());
            admin.post("/api/orgs/" + org + "/events/" + show + "/publish", "").expect(200);
            shows.add(show);
        }
        return shows;
    }

    private static String arrayOf(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }
}
