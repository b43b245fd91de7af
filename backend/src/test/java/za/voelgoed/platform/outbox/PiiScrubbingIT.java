package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/** Card data and addresses in an event's change reach no subscriber and no table. */
class PiiScrubbingIT {

    static final String PAN = "4111111111111111";
    static final String STREET = "12 Bree Street, Cape Town";

    static BackendNode node;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        TestEnv.exec("create table if not exists pii_probe (data text)");
        node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA)
                .withConsumer(ConsumerSpec.named("pii.probe").on("widget.changed", 1).transactional()
                        .handler((e, ctx) -> ctx.sql().execute("insert into pii_probe values (?)",
                                e.persistedChange().toString()))));
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
                Db.count("select count(*) from consumer_receipts where event_id = ?", event.eventId()) == 1);

        String wire = Json.write(seen.messages());
        assertThat(wire).doesNotContain(PAN).doesNotContain("737").doesNotContain("Bree Street").contains("Lindiwe");
        assertThat(everyTableAsText()).doesNotContain(PAN).doesNotContain("Bree Street").doesNotContain("\"737\"");
        assertThat(Db.count("select count(*) from domain_events where event_id = ?", event.eventId())).isEqualTo(1);
        all.close();
    }

    /** Every row of every table of the database, as text. */
    private static String everyTableAsText() {
        StringBuilder text = new StringBuilder();
        List<List<Object>> tables = Db.rows("select tablename from pg_tables where schemaname = 'public'");
        for (List<Object> table : tables) {
            Db.rows("select t::text from \"" + table.get(0) + "\" t").forEach(r -> text.append(r.get(0)).append('\n'));
        }
        assertThat(text).contains("Lindiwe");
        return text.toString();
    }
}
