package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Cards;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;
import za.voelgoed.testing.WsProbe;

/** Card data and addresses in an event's change, or in a consumer's error, reach no subscriber and no table. */
class PiiScrubbingIT {

    static final String PAN = Cards.VISA;
    static final String STREET = "12 Bree Street, Cape Town";

    static BackendNode node;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        TestEnv.exec("create table if not exists pii_probe (data text)");
        node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA)
                .withConsumer(ConsumerSpec.named("pii.probe").on("widget.changed", 1).transactional()
                        .handler((e, ctx) -> ctx.sql().execute("insert into pii_probe values (?)",
                                e.persistedChange().toString())))
                .withConsumer(ConsumerSpec.named("pii.declining").on("widget.changed", 1).handler((e, ctx) -> {
                    if (e.persistedChange().path("decline").asBoolean()) {
                        // as a payment partner's error might read: the card is not in the event, only in the error
                        throw new IllegalStateException("partner declined card 4111.1111.1111.1111 (05)");
                    }
                })));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void scrubbedBeforeOutboxPubSubAndConsumers() {
        Recorder seen = new Recorder();
        var all = node.pubsub().subscribeAll(100, seen);
        UUID show = UUID.randomUUID();
        var change = Widgets.change(show, 1)
                .put("note", "customer paid with " + PAN)
                .put("card_number", PAN)
                .put("cvv", "737");
        change.putObject("customer").put("name", "Lindiwe").put("address", STREET);

        DomainEvent event = node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, UUID.randomUUID(),
                UUID.randomUUID(), change, Json.object().put("billing_address", STREET)));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.sawId(event.eventId()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Db.count("select count(*) from consumer_receipts where event_id = ?", event.eventId()) == 2);

        String wire = Json.write(seen.messages());
        assertThat(wire).doesNotContain(PAN).doesNotContain("737").doesNotContain("Bree Street").contains("Lindiwe");
        String tables = Cards.everyTableAsText();
        assertThat(tables).contains("Lindiwe");
        assertThat(tables).doesNotContain(PAN).doesNotContain("Bree Street").doesNotContain("\"737\"");
        assertThat(Db.count("select count(*) from domain_events where event_id = ?", event.eventId())).isEqualTo(1);
        all.close();
    }

    @Test
    void cardsWrittenWithDotsOrFullWidthDigitsReachNoSocketAndNoTable() {
        Api admin = new Api(node.port(), node.adminToken());
        UUID org = admin.createOrg("Pii Gala");
        try (WsProbe probe = new WsProbe(node.port(), admin.createToken(org, "viewer"))) {
            assertThat(probe.subscribe("events:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            var change = Widgets.change(UUID.randomUUID(), 2).put("note", "Gala 4111.1111.1111.1111")
                    .put("wide", Cards.VISA_FULL_WIDTH).put("ticket", "seat 4111 1111 1111 1111 2026");

            DomainEvent event = node.outbox().transact(Actor.system(), tx ->
                    tx.emit(Widgets.CHANGED, org, UUID.randomUUID(), change));
            probe.await(ServerFrame.Event.class, f -> f.message().id().equals(event.eventId()));

            String frames = Json.write(probe.frames());
            assertThat(Cards.readable(frames, PAN)).as(frames).isFalse();
            assertThat(frames).contains("Gala [redacted-pan]", "seat [redacted-pan] 2026");
            String stored = Db.single("select persisted_change::text from domain_events where event_id = ?",
                    event.eventId()).toString();
            assertThat(Cards.readable(stored, PAN)).as(stored).isFalse();
            assertThat(Json.tree(stored).path("wide").asText()).isEqualTo("[redacted-pan]");
        }
        assertThat(Cards.readable(Cards.everyTableAsText(), PAN)).isFalse();
    }

    @Test
    void aConsumersErrorTextAndTheOperatorsReasonAreStoredScrubbed() {
        UUID widget = UUID.randomUUID();
        node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, UUID.randomUUID(), widget,
                Widgets.change(UUID.randomUUID(), 3).put("decline", true)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from consumer_blocks where resource_id = ? and state = 'parked'", widget) == 1);
        Object block = Db.single("select id from consumer_blocks where resource_id = ?", widget);

        new Api(node.port(), node.adminToken()).post("/api/admin/outbox/blocks/" + block + "/replay",
                "{\"reason\":\"customer read out \uFF14\uFF11\uFF11\uFF11 1111 1111 1111 on the phone\"}").json();

        String stored = Db.rows("select last_error, errors::text from consumer_blocks where id = ?", block)
                + " " + Db.rows("select reason from consumer_block_audit where block_id = ?", block);
        assertThat(stored).contains("partner declined card [redacted-pan] (05)", "customer read out [redacted-pan] on");
        assertThat(Cards.readable(stored, PAN)).as(stored).isFalse();
    }
}
