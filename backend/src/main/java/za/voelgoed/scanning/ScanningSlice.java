package za.voelgoed.scanning;

import za.voelgoed.events.EventsSlice;
import za.voelgoed.platform.telemetry.MicrometerScanTelemetry;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.ticketing.TicketCodes;
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
        ScanSessions sessions = new ScanSessions(platform.dsl(), (org, show) -> shows.find(org, show).isPresent(),
                platform.clock());
        ScanCounters counters = new ScanCounters(platform.redis(), platform.dsl(),
                (org, show) -> shows.find(org, show).isPresent(), platform.clock());
        Scans scans = new Scans(platform.outbox(), sessions, new RedisAdmissions(platform.redis()),
                org -> {
                    var orgKeys = keys.publicKeys(org);
                    return code -> TicketCodes.verify(org, orgKeys, code).map(TicketCodes.VerifiedTicket::ticketId);
                },
                new MicrometerScanTelemetry(platform.meters()), counters, platform.clock());
        wiring.route("/api/orgs/{orgId}/scanning", new ScanRoutes(sessions, scans, counters,
                new TicketSearch(platform.dsl(), (org, show) -> shows.find(org, show).isPresent())))
                .topicOwner(TopicFamily.Scope.SESSION, sessions::orgOf);
    }
}
