package za.voelgoed;

import java.util.List;
import za.voelgoed.platform.jobs.RecurringJob;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.outbox.ConsumerSpec;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * Event types, in-process consumers, job workers and recurring jobs added to a node before it starts:
 * how tests and the benchmark plug in without the node knowing them. The node wires them as its last slice.
 */
public record Extensions(List<EventSchema> schemas, List<ConsumerSpec> consumers, List<Worker> workers,
                         List<RecurringJob> recurring) implements Slice {

    public Extensions {
        schemas = List.copyOf(schemas);
        consumers = List.copyOf(consumers);
        workers = List.copyOf(workers);
        recurring = List.copyOf(recurring);
    }

    @Override
    public String name() {
        return "extensions";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        schemas.forEach(wiring::schema);
        consumers.forEach(wiring::consumer);
        workers.forEach(wiring::worker);
        recurring.forEach(wiring::recurring);
    }

    public static Extensions none() {
        return new Extensions(List.of(), List.of(), List.of(), List.of());
    }

    public static Extensions consumers(ConsumerSpec... consumers) {
        return new Extensions(List.of(), List.of(consumers), List.of(), List.of());
    }

    public Extensions withSchema(EventSchema schema) {
        return new Extensions(concat(schemas, schema), consumers, workers, recurring);
    }

    public Extensions withConsumer(ConsumerSpec consumer) {
        return new Extensions(schemas, concat(consumers, consumer), workers, recurring);
    }

    public Extensions withWorker(Worker worker) {
        return new Extensions(schemas, consumers, concat(workers, worker), recurring);
    }

    public Extensions withRecurring(RecurringJob job) {
        return new Extensions(schemas, consumers, workers, concat(recurring, job));
    }

    private static <T> List<T> concat(List<T> list, T item) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(item)).toList();
    }
}
