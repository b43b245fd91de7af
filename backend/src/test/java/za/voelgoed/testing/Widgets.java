package za.voelgoed.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.FieldType;
import za.voelgoed.shared.json.Json;

/**
 * A test-only event type for exercising the outbox mechanism on many resources: {@code widget.changed.v1}
 * on resource type {@code widget}, routed to the events topics of the show named in {@code event_id}.
 */
public final class Widgets {

    public static final String CHANGED = "widget.changed.v1";

    public static final EventSchema SCHEMA = EventSchema.builder(CHANGED, "events", "widget")
            .required("event_id", FieldType.UUID).required("n", FieldType.INTEGER)
            .optional("note", FieldType.STRING).build();

    private Widgets() {
    }

    public static ObjectNode change(UUID show, int n) {
        return Json.object().put("event_id", show.toString()).put("n", n);
    }
}
