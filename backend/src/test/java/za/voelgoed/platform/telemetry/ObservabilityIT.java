package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.ConsumerSpec;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/** {@code /metrics} carries the outbox and PubSub meters with their tags; {@code /health} tracks dependencies. */
class ObservabilityIT {

    @Test
    void metricsAreTaggedByOrganisationDomainAndEventType() {
        try (BackendNode node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA)
                .withConsumer(ConsumerSpec.named("metrics.probe").on("widget.changed", 1).handler((e, c) -> { })))) {
            Api api = new Api(node.port(), null);
            UUID org = UUID.randomUUID();
            node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, UUID.randomUUID(),
                    Widgets.change(UUID.randomUUID(), 1)));
            String tags = "domain=\"events\",event_type=\"widget.changed.v1\"";
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.scrape(node)
                    .contains("voelgoed_events_handling_seconds_count{consumer=\"metrics.probe\""));
            String metrics = Metrics.scrape(node);
            assertThat(metrics).contains("voelgoed_events_emitted_total{" + tags);
            assertThat(metrics).containsPattern("voelgoed_events_emitted_total\\{[^}]*organization_id=\"" + org + "\"");
            assertThat(metrics).contains("voelgoed_pubsub_commit_to_publish_seconds_bucket{" + tags);
            assertThat(metrics).contains("voelgoed_outbox_backlog");
            assertThat(metrics).contains("voelgoed_outbox_consumer_blocks{");
            assertThat(new Api(node.managementPort(), null).get("/metrics").contentType()).startsWith("text/plain");
            assertThat(api.get("/metrics").status()).as("no metrics on the public port without the scrape token")
                    .isEqualTo(404);
        }
    }

    @Test
    void metricsNeedTheScrapeTokenOnThePublicPortAndTheManagementPortListensOnLoopback() {
        String scrape = "scrape-" + UUID.randomUUID();
        try (BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_METRICS_TOKEN", scrape)))) {
            assertThat(new Api(node.port(), null).get("/metrics").problem(404).get("code").asText()).isEqualTo("not_found");
            assertThat(new Api(node.port(), "wrong").get("/metrics").status()).isEqualTo(404);
            assertThat(new Api(node.port(), scrape).get("/metrics").status()).isEqualTo(200);
            assertThat(node.config().management().host()).isEqualTo("127.0.0.1");
            assertThat(Metrics.scrape(node)).contains("voelgoed_");
            assertThat(new Api(node.managementPort(), null).get("/api/orgs").status())
                    .as("the management port serves no API").isEqualTo(404);
        }
    }

    @Test
    void readinessFailsWhenRedisIsUnreachable() {
        try (BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_REDIS_URL", "redis://127.0.0.1:1/0")))) {
            Api api = new Api(node.port(), null);
            var health = api.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.expect(503).at("/checks/redis").asText()).isEqualTo("DOWN");
            assertThat(health.expect(503).at("/checks/postgresql").asText()).isEqualTo("UP");
            assertThat(api.get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void readinessFailsWhenPostgresIsUnreachable() {
        try (BackendNode node = BackendNode.start(TestEnv.config())) {
            Api api = new Api(node.port(), null);
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/health").json().get("status").asText()).isEqualTo("UP");
            node.database().close();
            var health = api.get("/health/ready");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.expect(503).at("/checks/postgresql").asText()).isEqualTo("DOWN");
        }
    }
}
