package za.voelgoed.scanning;

import java.util.UUID;
import java.util.function.BiPredicate;
import za.voelgoed.events.EventsSlice;
import za.voelgoed.platform.telemetry.MicrometerScanTelemetry;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.ticketing.TicketingSlice;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/** Scanning at the gate: sessions and scan routes, and the owner of {@code session:*} topics. */
public final class ScanningSlice implements Slice {

    private final EventsSlice events;
    private final TicketingSlice ticketing;

    public ScanningSlice(EventsSlice events, TicketingSlice ticketing) {
        this.events = events;
        this.ticketing = ticketing;
    }

    @Override
    public String name() {
        return "scanning";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        var shows = events.events();
        var keys = ticketing.ticketKeys();
        BiPredicate<UUID, UUID> showOfOrg = (org, show) -> shows.find(org, show).isPresent();
        ScanSessions sessions = new ScanSessions(platform.outbox(), platform.dsl(), showOfOrg, platform.clock());
        ScanPresence presence = new ScanPresence(new RedisAdmissions(platform.redis()), platform.dsl(),
                platform.clock());
        ScanCounters counters = new ScanCounters(platform.redis(), platform.dsl(), showOfOrg, platform.clock(),
                presence);
        ScanSettings settings = new ScanSettings(platform.dsl(), platform.outbox(), showOfOrg, platform.clock());
        Scans scans = new Scans(platform.outbox(), sessions, presence, new MicrometerScanTelemetry(platform.meters()),
                counters, platform.config().nodeId());
        ScanKeyRoutes deviceKeys = new ScanKeyRoutes(keys);
        ScanRoutes gates = new ScanRoutes(sessions, scans, counters, settings,
                new TicketSearch(platform.dsl(), showOfOrg));
        ScanOfficeRoutes office = new ScanOfficeRoutes(new ScanConflicts(platform.dsl(), showOfOrg),
                new TicketBlocks(platform.outbox(), platform.dsl(), showOfOrg, platform.clock()));
        // one route per path (the node refuses two at the same path): the devices' keys, the gates' routes, then
        // the back office's
        wiring.route("/api/orgs/{orgId}/scanning", rules -> {
            rules.register("/keys", deviceKeys);
            gates.routing(rules);
            office.routing(rules);
        });
        wiring.topicOwner(TopicFamily.Scope.SESSION, sessions::orgOf).closing(scans);
    }
}
