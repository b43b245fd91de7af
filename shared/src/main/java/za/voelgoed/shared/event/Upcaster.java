package za.voelgoed.shared.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns the data of version N of an event type into the data of version N + 1 (fills what N lacked). */
@FunctionalInterface
public interface Upcaster {
    ObjectNode upcast(ObjectNode older);
}
