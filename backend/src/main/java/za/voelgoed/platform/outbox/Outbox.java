package za.voelgoed.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeRegistry;

/**
 * The one way a slice changes state: {@link #transact} runs the work in a PostgreSQL transaction in
 * which every {@link Transaction#emit} writes its outbox row. Commit makes the state and its events
 * visible together; an exception rolls both back, so a failed action leaves no row and nothing is
 * ever published for it. Listeners hear about events only after the commit returned.
 */
public final class Outbox {

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private final DSLContext dsl;
    private final EventWriter writer;
    private final OutboxTelemetry telemetry;
    private final EventTypeRegistry types;
    private final List<Consumer<List<DomainEvent>>> commitListeners = new CopyOnWriteArrayList<>();

    public Outbox(DSLContext dsl, EventTypeRegistry types, PiiScrubber scrubber, OutboxTelemetry telemetry,
                  Clock clock) {
        this.dsl = dsl;
        this.types = types;
        this.telemetry = telemetry;
        this.writer = new EventWriter(types, scrubber, clock);
    }

    /** Called after each commit that emitted events (wakes the local dispatcher, counts emissions). */
    public void onCommit(Consumer<List<DomainEvent>> listener) {
        commitListeners.add(listener);
    }

    public <T> T transact(Actor actor, Work<T> work) {
        List<DomainEvent> emitted = new ArrayList<>();
        T result = dsl.transactionResult(cfg -> work.run(new Transaction(cfg.dsl(), actor, writer, emitted)));
        if (!emitted.isEmpty()) {
            afterCommit(emitted);
        }
        return result;
    }

    /**
     * The action committed: a failing listener is logged, never thrown, so no caller mistakes a committed
     * action for a failed one (and undoes or repeats it).
     */
    private void afterCommit(List<DomainEvent> emitted) {
        List<DomainEvent> events = List.copyOf(emitted);
        try {
            events.forEach(e -> telemetry.emitted(e, types.require(e.eventType()).domain()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbox_telemetry_failed error=\"" + e + "\"");
        }
        for (Consumer<List<DomainEvent>> listener : commitListeners) {
            try {
                listener.accept(events);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbox_commit_listener_failed error=\"" + e + "\"");
            }
        }
    }

    public EventTypeRegistry types() {
        return types;
    }
}
