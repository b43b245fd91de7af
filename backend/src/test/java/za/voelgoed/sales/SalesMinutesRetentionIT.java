package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.Database;
import za.voelgoed.testing.TestEnv;

/** The retention of per-minute sales rows against the real PostgreSQL: old minutes go, the kept window stays. */
class SalesMinutesRetentionIT {

    Database db;
    final UUID org = UUID.randomUUID();
    final UUID show = UUID.randomUUID();

    @BeforeEach
    void open() {
        db = Database.open(TestEnv.config(Map.of("VOELGOED_DB_POOL_SIZE", "2")));
        // another test's week of minutes would share the pass (it deletes oldest first, bounded per pass)
        db.dsl().execute("truncate sales_minutes");
    }

    @AfterEach
    void close() {
        db.dsl().execute("delete from sales_minutes where organization_id = ?", org);
        db.close();
    }

    @Test
    void minutesOlderThanTheRetentionGoInBatchesAndTheKeptWindowStays() {
        Duration kept = SalesMinutesRetention.KEPT;
        // more old rows than one batch takes, so the pass has to loop
        insertMinutes(kept.plusHours(1), 6_000);
        insertMinutes(kept.minusHours(1), 30);
        insertMinutes(Duration.ZERO, 5);

        int deleted = new SalesMinutesRetention(db.dsl()).pruneOnce();

        assertThat(deleted).isGreaterThanOrEqualTo(6_000);
        assertThat(agesInHours()).hasSize(35).allSatisfy(hours -> assertThat(hours).isLessThan(kept.toHours()));
        assertThat(new SalesMinutesRetention(db.dsl()).pruneOnce()).isZero();
    }

    /** {@code count} consecutive minutes ending {@code age} ago, each a row of this show. */
    private void insertMinutes(Duration age, int count) {
        db.dsl().execute("""
                insert into sales_minutes (organization_id, minute, event_id, shard, sold, revenue_cents)
                select ?, date_trunc('minute', now()) - make_interval(secs => ?) - make_interval(mins => g), ?, 0, 1, 100
                from generate_series(0, ? - 1) g""", org, age.toSeconds(), show, count);
    }

    private List<Long> agesInHours() {
        return db.dsl().fetch("select floor(extract(epoch from now() - minute) / 3600)::bigint from sales_minutes"
                + " where organization_id = ?", org).getValues(0, Long.class);
    }
}
