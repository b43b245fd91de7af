package za.voelgoed.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.TestEnv;

/** Every pooled session has server-side ceilings: idle inside a transaction, and one statement. */
class SessionTimeoutsIT {

    @Test
    void aSessionIdleInATransactionIsEndedByTheServer() {
        try (Database db = Database.open(TestEnv.config(Map.of("VOELGOED_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "500")))) {
            assertThat(db.dsl().fetchValue("show idle_in_transaction_session_timeout")).isEqualTo("500ms");
            assertThatThrownBy(() -> db.dsl().transaction(cfg -> {
                cfg.dsl().fetch("select 1");
                Thread.sleep(1_500);
                cfg.dsl().fetch("select 1");
            })).isInstanceOf(DataAccessException.class);
            assertThat(db.dsl().fetchValue("select 2")).as("the pool carries on").isEqualTo(2);
        }
    }

    @Test
    void aStatementOverTheCeilingIsCancelledAndTheDefaultsAreSet() {
        try (Database db = Database.open(TestEnv.config(Map.of("VOELGOED_DB_STATEMENT_TIMEOUT_MS", "300")))) {
            assertThatThrownBy(() -> db.dsl().fetch("select pg_sleep(2)")).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("statement timeout");
        }
        try (Database db = Database.open(TestEnv.config())) {
            assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("30s");
            assertThat(db.dsl().fetchValue("show idle_in_transaction_session_timeout")).isEqualTo("1min");
        }
    }
}
