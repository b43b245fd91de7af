package za.voelgoed.events;

import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/** Shows (events) of an organisation: their routes and the owner of {@code event:*} topics. */
public final class EventsSlice implements Slice {

    private Events events;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        events = new Events(platform.outbox(), platform.dsl(), platform.orgs());
        wiring.route("/api/orgs/{orgId}/events", new EventRoutes(events, platform.idempotency(), platform.dispatchLog()))
                .topicOwner(TopicFamily.Scope.EVENT, events::orgOf);
    }

    /** The shows, once this slice is wired. */
    public Events events() {
        return Wiring.built(events, this);
    }
}
