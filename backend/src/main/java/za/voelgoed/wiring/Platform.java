package za.voelgoed.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.jooq.DSLContext;
import za.voelgoed.orgs.Orgs;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.outbox.DispatchLog;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.platform.secrets.MasterKey;

/**
 * What every slice stands on, built by the node before any slice is wired: the stores, the outbox that
 * takes their events, the job queue, keys, meters and the tenants. The node owns and closes all of it.
 */
public record Platform(AppConfig config, DSLContext dsl, Redis redis, Outbox outbox, Jobs jobs,
                       DispatchLog dispatchLog, IdempotencyKeys idempotency, MasterKey masterKey, Orgs orgs,
                       MeterRegistry meters, Clock clock) {
}
