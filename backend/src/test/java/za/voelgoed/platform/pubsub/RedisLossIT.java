package za.voelgoed.platform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.FollowingClient;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.RedisProcess;
import za.voelgoed.testing.TestEnv;

/**
 * No silent gap (DESIGN invariant 9): while shows are created through node 1, Redis is killed for four
 * seconds and started again empty, and later every PubSub connection is killed; a client following the
 * organisation's topic on node 2 ends with exactly the events in the outbox — applied live, in order,
 * without a gap, without having to rehydrate — and the nodes count what they read back. Redis here is a
 * server of this test's own.
 */
class RedisLossIT {

    @Test
    void aClientOnAnotherNodeEndsWithExactlyTheOutboxThroughARestartOfRedisAndKilledSubscribers() throws Exception {
        TestEnv.truncateAll();
        try (RedisProcess redis = RedisProcess.start();
             BackendNode writer = BackendNode.start(config(redis, "loss-1"));
             BackendNode reader = BackendNode.start(config(redis, "loss-2"))) {
            Api admin = new Api(writer.port(), TestEnv.ADMIN_TOKEN);
            UUID org = admin.createOrg("Loss");
            String staff = admin.createToken(org, "staff");
            try (FollowingClient client = new FollowingClient(reader.port(), staff, org)) {
                await().atMost(Duration.ofSeconds(10)).until(client::isLive);
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger created = new AtomicInteger();
                Thread shows = Thread.ofVirtual().start(() -> createShows(admin, org, writing, created));

                Thread.sleep(2_000);
                redis.kill();
                Thread.sleep(4_000);
                redis.up();
                Thread.sleep(3_000);
                killPubSubConnections(redis);
                Thread.sleep(3_000);
                writing.set(false);
                shows.join();

                Set<UUID> outbox = outboxEvents(org);
                assertThat(outbox).hasSize(created.get());
                await().atMost(Duration.ofSeconds(60)).until(() -> ids(client.applied()).containsAll(outbox));
                assertThat(ids(client.applied())).isEqualTo(outbox);
                assertThat(client.gaps()).isZero();
                assertThat(client.rehydrations()).as("only the first snapshot").isEqualTo(1);
                assertThat(readBack(writer) + readBack(reader)).as("the loss is counted").isPositive();
            }
        }
    }

    private static AppConfig config(RedisProcess redis, String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_REDIS_URL", redis.url());
        env.put("VOELGOED_NODE_ID", nodeId);
        env.put("VOELGOED_WS_HEARTBEAT_MS", "2000");
        return TestEnv.config(env);
    }

    /** A show about every 50 ms, whatever Redis is doing: show creation needs PostgreSQL only. */
    private static void createShows(Api admin, UUID org, AtomicBoolean writing, AtomicInteger created) {
        int n = 0;
        while (writing.get()) {
            var answer = admin.post("/api/orgs/" + org + "/events",
                    "{\"name\":\"Loss " + n++ + "\",\"starts_at\":\"2027-04-01T20:00:00Z\"}");
            if (answer.status() == 201) {
                created.incrementAndGet();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void killPubSubConnections(RedisProcess redis) {
        assertThat(redis.killPubSubClients()).as("both nodes' subscriptions").isGreaterThanOrEqualTo(2);
    }

    private static Set<UUID> outboxEvents(UUID org) {
        Set<UUID> ids = new HashSet<>();
        Db.rows("select event_id from domain_events where organization_id = ?", org)
                .forEach(r -> ids.add((UUID) r.get(0)));
        return ids;
    }

    private static Set<UUID> ids(List<EventMessage> messages) {
        Set<UUID> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.id()));
        return ids;
    }

    private static double readBack(BackendNode node) {
        Matcher m = Pattern.compile("voelgoed_pubsub_read_back_total\\{[^}]*\\} ([0-9.E]+)").matcher(Metrics.scrape(node));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
