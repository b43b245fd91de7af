package za.voelgoed.wiring;

import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import za.voelgoed.platform.jobs.RecurringJob;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.outbox.ConsumerSpec;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.topic.TopicFamily;

/**
 * What the slices of a node declare for it to run, as data: HTTP routes, job workers, outbox consumers,
 * recurring jobs, event types, the owners of topic families, and what to do once all are wired and when
 * the node stops. Declaring runs nothing; the node registers it all before it dispatches, works or serves.
 */
public final class Wiring {

    /** An HTTP service mounted at a path (with {@code {orgId}}-style parameters), in declaration order. */
    public record Route(String path, HttpService service) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<ConsumerSpec> consumers = new ArrayList<>();
    private final List<RecurringJob> recurring = new ArrayList<>();
    private final List<EventSchema> schemas = new ArrayList<>();
    private final Map<TopicFamily.Scope, Function<UUID, Optional<UUID>>> topicOwners =
            new EnumMap<>(TopicFamily.Scope.class);
    private final List<Runnable> onStart = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public Wiring route(String path, HttpService service) {
        routes.add(new Route(path, service));
        return this;
    }

    public Wiring worker(Worker worker) {
        workers.add(worker);
        return this;
    }

    public Wiring consumer(ConsumerSpec consumer) {
        consumers.add(consumer);
        return this;
    }

    public Wiring recurring(RecurringJob job) {
        recurring.add(job);
        return this;
    }

    public Wiring schema(EventSchema schema) {
        schemas.add(schema);
        return this;
    }

    /**
     * The slice answers which organisation owns a resource of this topic family, so the gateway can refuse
     * a subscription across tenants. One owner per family: a second is a wiring mistake.
     */
    public Wiring topicOwner(TopicFamily.Scope scope, Function<UUID, Optional<UUID>> orgOfId) {
        if (topicOwners.putIfAbsent(scope, orgOfId) != null) {
            throw new IllegalStateException("topic family " + scope + " already has an owner");
        }
        return this;
    }

    /** Runs once every slice is wired and dispatch has started, before the node serves requests. */
    public Wiring onStart(Runnable action) {
        onStart.add(action);
        return this;
    }

    /** Closed when the node stops, after it stopped serving and working, the latest declared first. */
    public Wiring closing(AutoCloseable part) {
        closeables.add(part);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public List<Worker> workers() {
        return List.copyOf(workers);
    }

    public List<ConsumerSpec> consumers() {
        return List.copyOf(consumers);
    }

    public List<RecurringJob> recurring() {
        return List.copyOf(recurring);
    }

    public List<EventSchema> schemas() {
        return List.copyOf(schemas);
    }

    public Map<TopicFamily.Scope, Function<UUID, Optional<UUID>>> topicOwners() {
        return Map.copyOf(topicOwners);
    }

    public List<Runnable> onStart() {
        return List.copyOf(onStart);
    }

    /** A part a slice builds when wired, for the slices after it; asking before then is a wiring-order mistake. */
    public static <T> T built(T part, Slice slice) {
        if (part == null) {
            throw new IllegalStateException("slice " + slice.name() + " is not wired yet: wire it before the slices"
                    + " that take it");
        }
        return part;
    }

    /** In closing order: the reverse of declaration. */
    public List<AutoCloseable> closeables() {
        return List.copyOf(closeables).reversed();
    }
}
