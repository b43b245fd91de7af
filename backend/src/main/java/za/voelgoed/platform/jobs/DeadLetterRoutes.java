package za.voelgoed.platform.jobs;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.http.Validation;

/**
 * The dead-letter queue of an organisation under {@code /api/orgs/{orgId}/dlq}: list with filters and
 * cursor paging, show, replay and discard (one or many, each with a dry run and a summary of counts), the
 * audit trail ({@code /audit}, newest first, cursor-paged), and purge what died before an instant (with a
 * dry run). The access policy scopes every route to the organisation; an entry of another organisation is
 * simply not found.
 */
public final class DeadLetterRoutes implements HttpService {

    private static final Set<String> STATUSES = Set.of(DeadLetter.DEAD, DeadLetter.REPLAYED, DeadLetter.DISCARDED, "all");

    private final DeadLetters deadLetters;

    public DeadLetterRoutes(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The filter part of a bulk request body. */
    public record FilterBody(String queue, String eventType, String worker, String since, String until) {
    }

    /** Body of replay and discard: a selection (bulk routes), why, and whether to only look (a dry run). */
    public record ActionBody(List<String> ids, FilterBody filter, String reason, Boolean dryRun) {
    }

    /** Body of purge: entries of {@code status} (default resolved) that died before {@code olderThan}, why. */
    public record PurgeBody(String olderThan, String status, String reason, Boolean dryRun) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
        rules.post("/purge", this::purge);
        rules.post("/replay", (req, res) -> res.send(replay(req, bulkSelection(body(req)), body(req))));
        rules.post("/discard", (req, res) -> res.send(discard(req, bulkSelection(body(req)), body(req))));
        // before /{id}, which would take "audit" for an id
        rules.get("/audit", this::audit);
        rules.get("/{id}", (req, res) -> res.send(deadLetters.find(org(req), Requests.uuidParam(req, "id"))
                .orElseThrow(() -> ApiException.notFound("dead_letter_not_found", "no such dead letter"))));
        rules.post("/{id}/replay", (req, res) -> res.send(replay(req, single(req), body(req))));
        rules.post("/{id}/discard", (req, res) -> res.send(discard(req, single(req), body(req))));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String status = req.query().first("status").asOptional().orElse(DeadLetter.DEAD);
        int limit = Requests.intQuery(req, "limit", 50);
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid_query", "status must be dead, replayed, discarded or all");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("invalid_query", "limit must be between 1 and 500");
        }
        DeadLetterFilter filter = new DeadLetterFilter(query(req, "queue"), query(req, "event_type"),
                query(req, "worker"), instant(query(req, "since"), "since"), instant(query(req, "until"), "until"),
                status.equals("all") ? null : status);
        try {
            res.send(deadLetters.page(org(req), filter, limit, query(req, "cursor")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_cursor", e.getMessage());
        }
    }

    private void audit(ServerRequest req, ServerResponse res) {
        int limit = Requests.intQuery(req, "limit", 50);
        String action = query(req, "action");
        String entry = query(req, "dead_letter_id");
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("invalid_query", "limit must be between 1 and 500");
        }
        if (action != null && !DeadLetterAudit.ACTIONS.contains(action)) {
            throw ApiException.badRequest("invalid_query", "action must be dead, replayed or discarded");
        }
        DeadLetterAudit.Filter filter = new DeadLetterAudit.Filter(
                entry == null ? null : Requests.uuid(entry, "dead_letter_id"), action);
        try {
            res.send(deadLetters.audit(org(req), filter, limit, query(req, "cursor")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_cursor", e.getMessage());
        }
    }

    private DeadLetterResults.ReplayResult replay(ServerRequest req, DeadLetters.Selection selection, ActionBody body) {
        return deadLetters.replay(org(req), selection, actor(req), reason(body), Boolean.TRUE.equals(body.dryRun()));
    }

    private DeadLetterResults.DiscardResult discard(ServerRequest req, DeadLetters.Selection selection,
                                                    ActionBody body) {
        return deadLetters.discard(org(req), selection, actor(req), reason(body), Boolean.TRUE.equals(body.dryRun()));
    }

    private void purge(ServerRequest req, ServerResponse res) {
        PurgeBody body = Requests.body(req, PurgeBody.class);
        Optional<PurgeScope> scope = body.status() == null ? Optional.of(PurgeScope.RESOLVED)
                : PurgeScope.fromWire(body.status());
        Optional<Instant> olderThan = pastInstant(body.olderThan());
        new Validation()
                .require(body.olderThan() != null, "older_than", "is required")
                .require(body.olderThan() == null || olderThan.isPresent(), "older_than",
                        "must be an ISO-8601 instant in the past, such as 2026-01-01T00:00:00Z")
                .require(scope.isPresent(), "status", "must be resolved, dead or all")
                .text(body.reason(), "reason", 3, 500)
                .orThrow();
        res.send(deadLetters.purge(org(req), scope.orElseThrow(), olderThan.orElseThrow(), actor(req),
                body.reason().strip(), Boolean.TRUE.equals(body.dryRun())));
    }

    private static Optional<Instant> pastInstant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse).filter(at -> at.isBefore(Instant.now()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ActionBody body(ServerRequest req) {
        return req.context().get(ActionBody.class).orElseGet(() -> {
            ActionBody parsed = Requests.body(req, ActionBody.class);
            req.context().register(parsed);
            return parsed;
        });
    }

    private static DeadLetters.Selection single(ServerRequest req) {
        return DeadLetters.Selection.of(Requests.uuidParam(req, "id"));
    }

    private static DeadLetters.Selection bulkSelection(ActionBody body) {
        Validation check = new Validation()
                .require((body.ids() == null) != (body.filter() == null), "ids", "give either ids or filter")
                .require(body.ids() == null || (!body.ids().isEmpty() && body.ids().size() <= DeadLetters.MAX_BULK),
                        "ids", "must list 1 to " + DeadLetters.MAX_BULK + " ids");
        check.orThrow();
        if (body.ids() != null) {
            List<UUID> ids = new ArrayList<>();
            for (String id : body.ids()) {
                ids.add(Requests.uuid(id, "ids"));
            }
            return new DeadLetters.Selection(List.copyOf(new java.util.LinkedHashSet<>(ids)), null);
        }
        FilterBody f = body.filter();
        return new DeadLetters.Selection(null, new DeadLetterFilter(f.queue(), f.eventType(), f.worker(),
                instant(f.since(), "filter.since"), instant(f.until(), "filter.until"), DeadLetter.DEAD));
    }

    private static String reason(ActionBody body) {
        new Validation().text(body.reason(), "reason", 3, 500).orThrow();
        return body.reason().strip();
    }

    private static String actor(ServerRequest req) {
        return AccessFilter.principal(req).describe();
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }

    private static String query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(v -> !v.isBlank()).orElse(null);
    }

    private static Instant instant(String text, String field) {
        try {
            return Optional.ofNullable(text).map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_query", field + " must be an ISO-8601 instant");
        }
    }
}
