package za.voelgoed.testing;

import za.voelgoed.platform.outbox.ConsumerSpec;
import za.voelgoed.shared.event.DomainEvent;

/**
 * A transactional test consumer whose effect is a row in {@code test_effects}: with no unique
 * constraint, a consumer that applied an event twice shows up as two rows.
 */
public final class EffectsTable {

    private EffectsTable() {
    }

    public static void create() {
        TestEnv.exec("create table if not exists test_effects (id bigint generated always as identity primary key, "
                + "consumer varchar not null, node varchar not null, event_id uuid not null, "
                + "resource_id uuid not null, seq bigint not null)");
    }

    public static ConsumerSpec consumer(String name, String node, String eventName) {
        return ConsumerSpec.named(name).on(eventName, 1).transactional()
                .handler((event, ctx) -> record(ctx.sql(), name, node, event));
    }

    public static void record(org.jooq.DSLContext sql, String consumer, String node, DomainEvent event) {
        sql.execute("insert into test_effects (consumer, node, event_id, resource_id, seq) values (?, ?, ?, ?, ?)",
                consumer, node, event.eventId(), event.resourceId(), event.resourceSeq());
    }
}
