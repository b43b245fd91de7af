package za.voelgoed.platform.pubsub;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.outbox.DispatchLog;

/** {@link Backfill} from the outbox's dispatch log, routed as the dispatcher routes. */
public final class OutboxBackfill implements Backfill {

    private final DispatchLog log;
    private final TopicRouter router;

    public OutboxBackfill(DispatchLog log, TopicRouter router) {
        this.log = log;
        this.router = router;
    }

    @Override
    public List<Routed> between(UUID organizationId, long after, long before, int limit) {
        return log.between(organizationId, after, before, limit).stream().map(router::routed).toList();
    }

    @Override
    public Map<UUID, Long> heads() {
        return log.heads();
    }
}
