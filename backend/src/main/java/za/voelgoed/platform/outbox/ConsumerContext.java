package za.voelgoed.platform.outbox;

import org.jooq.DSLContext;

/**
 * What a consumer may use while it handles an event. A transactional consumer's SQL runs inside the
 * dispatch transaction under a savepoint: its writes commit together with its receipt, or not at all.
 */
public final class ConsumerContext {

    private final DSLContext sql;
    private final String consumer;

    ConsumerContext(DSLContext sql, String consumer) {
        this.sql = sql;
        this.consumer = consumer;
    }

    public DSLContext sql() {
        if (sql == null) {
            throw new IllegalStateException("consumer " + consumer + " did not register as transactional");
        }
        return sql;
    }
}
