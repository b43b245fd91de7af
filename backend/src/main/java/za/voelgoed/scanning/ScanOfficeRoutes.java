package za.voelgoed.scanning;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.auth.Principal;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;

/**
 * The back office of the gates (ADR 0025), under {@code /api/orgs/{orgId}/scanning} beside {@link ScanRoutes}:
 * {@code GET /conflicts?event_id=[&limit=&cursor=]} (the double-admission report, paged, with its total) and
 * {@code GET /conflicts.csv?event_id=} (all of it),
 * {@code GET /blocks?event_id=}, {@code POST /blocks} and {@code DELETE /blocks/{ticketId}} (staff, not devices).
 * Reads are open to every role the access policy lets in, devices included.
 */
final class ScanOfficeRoutes implements HttpService {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1_000;

    private final ScanConflicts conflicts;
    private final TicketBlocks blocks;

    ScanOfficeRoutes(ScanConflicts conflicts, TicketBlocks blocks) {
        this.conflicts = conflicts;
        this.blocks = blocks;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conflicts", (req, res) -> res.send(conflictsPage(req)));
        rules.get("/conflicts.csv", (req, res) -> {
            String csv = ConflictCsv.write(conflicts.of(org(req), eventId(req)));
            res.header(HeaderNames.CONTENT_TYPE, ConflictCsv.MEDIA_TYPE);
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"conflicts.csv\"");
            res.send(csv);
        });
        rules.get("/blocks", (req, res) -> res.send(Map.of("items", blocks.list(org(req), eventId(req)))));
        rules.post("/blocks", (req, res) -> {
            TicketBlocks.Blocked blocked = blocks.block(staff(req), org(req),
                    Requests.body(req, TicketBlocks.NewBlock.class));
            res.status(blocked.created() ? Status.CREATED_201 : Status.OK_200).send(blocked.block());
        });
        rules.delete("/blocks/{ticketId}", (req, res) -> res.send(blocks.unblock(staff(req), org(req),
                Requests.uuidParam(req, "ticketId"))));
    }

    /** A page of the report: {@code limit} 1–1000 (100 when absent), {@code cursor} from the page before. */
    private ScanConflicts.Page conflictsPage(ServerRequest req) {
        UUID eventId = eventId(req);
        int limit = Requests.intQuery(req, "limit", DEFAULT_PAGE);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("invalid_query", "limit must be between 1 and " + MAX_PAGE);
        }
        try {
            return conflicts.page(org(req), eventId, limit, req.query().first("cursor").asOptional().orElse(null));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_cursor", e.getMessage());
        }
    }

    /** The actor of a block change: a person, never a device (a gate must not unblock what staff blocked). */
    private static Actor staff(ServerRequest req) {
        Principal who = AccessFilter.principal(req);
        if (who.isDevice()) {
            throw ApiException.forbidden("staff block and unblock tickets, not devices");
        }
        return who.actor(req.remotePeer().host());
    }

    private static UUID eventId(ServerRequest req) {
        String raw = req.query().first("event_id").asOptional()
                .orElseThrow(() -> ApiException.badRequest("invalid_id", "event_id is required"));
        return Requests.uuid(raw, "event_id");
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }
}
