package za.voelgoed;

import java.util.List;
import za.voelgoed.platform.outbox.ConsumerSpec;
import za.voelgoed.shared.event.EventSchema;

/**
 * Event types and in-process consumers added to a node before it starts dispatching: how later slices
 * (and tests, and the benchmark) plug into the outbox without the node knowing them.
 */
public record Extensions(List<EventSchema> schemas, List<ConsumerSpec> consumers) {

    public Extensions {
        schemas = List.copyOf(schemas);
        consumers = List.copyOf(consumers);
    }

    public static Extensions none() {
        return new Extensions(List.of(), List.of());
    }

    public static Extensions consumers(ConsumerSpec... consumers) {
        return new Extensions(List.of(), List.of(consumers));
    }

    public Extensions withSchema(EventSchema schema) {
        return new Extensions(concat(schemas, schema), consumers);
    }

    public Extensions withConsumer(ConsumerSpec consumer) {
        return new Extensions(schemas, concat(consumers, consumer));
    }

    private static <T> List<T> concat(List<T> list, T item) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(item)).toList();
    }
}
