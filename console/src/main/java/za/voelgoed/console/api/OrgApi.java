package za.voelgoed.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The routes the console reads and writes for one organisation, typed. Thread-safe. */
public final class OrgApi implements DeadLetterApi {

    private final BackendClient client;
    private final UUID org;
    private final String root;

    public OrgApi(BackendClient client, UUID org) {
        this.client = client;
        this.org = org;
        this.root = "/api/orgs/" + org;
    }

    @Override
    public UUID org() {
        return org;
    }

    public BackendClient client() {
        return client;
    }

    /** The organisation's name, for the status bar. */
    public String name() {
        return client.get(root).path("name").asText(org.toString());
    }

    public Sales.OrgSales sales() {
        return client.read(client.get(root + "/sales"), Sales.OrgSales.class);
    }

    public Sales.ShowSales showSales(UUID eventId) {
        return client.read(client.get(root + "/events/" + eventId + "/sales"), Sales.ShowSales.class);
    }

    public Scanning.Stats scanStats(UUID eventId) {
        return client.read(client.get(root + "/scanning/stats?event_id=" + eventId), Scanning.Stats.class);
    }

    public Scanning.Presence presence() {
        return client.read(client.get(root + "/presence"), Scanning.Presence.class);
    }

    /** The first {@code limit} double admissions of the show and how many it has. */
    public Scanning.Conflicts conflicts(UUID eventId, int limit) {
        return client.read(client.get(root + "/scanning/conflicts?event_id=" + eventId + "&limit=" + limit),
                Scanning.Conflicts.class);
    }

    /** The double-admission report as the backend writes it (CSV, RFC 4180), for saving as it is. */
    public String conflictsCsv(UUID eventId) {
        return client.getText(root + "/scanning/conflicts.csv?event_id=" + eventId, "text/csv");
    }

    /** Opens a scan session at {@code gate} of the show. */
    public Scanning.Session openSession(UUID eventId, String gate, String direction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId.toString());
        body.put("gate", gate);
        body.put("direction", direction);
        return client.read(client.post(root + "/scanning/sessions", body), Scanning.Session.class);
    }

    /** Closes a scan session (staff and owners; closing a closed one changes nothing). */
    public Scanning.Session closeSession(UUID sessionId) {
        return client.read(client.post(root + "/scanning/sessions/" + sessionId + "/close", Map.of()),
                Scanning.Session.class);
    }

    public Scanning.ScanAnswer scan(String code, UUID sessionId, String nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("session_id", sessionId.toString());
        body.put("nonce", nonce);
        return client.read(client.post(root + "/scanning/scans", body), Scanning.ScanAnswer.class);
    }

    /** The show's tickets whose order id is {@code q} or whose customer's name or e-mail holds it. */
    public List<Scanning.TicketMatch> searchTickets(UUID eventId, String q) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("event_id", eventId);
        query.put("q", q);
        return client.read(client.get(BackendClient.query(root + "/scanning/tickets", query)),
                Scanning.TicketMatches.class).items();
    }

    public Telemetry telemetry() {
        return client.read(client.get(root + "/telemetry"), Telemetry.class);
    }

    @Override
    public DeadLetters.Page deadLetters(DeadLetters.Filter filter, String cursor, int limit) {
        Map<String, Object> q = filterQuery(filter);
        q.put("status", filter.status() == null ? "dead" : filter.status());
        q.put("cursor", cursor);
        q.put("limit", limit);
        return client.read(client.get(BackendClient.query(root + "/dlq", q)), DeadLetters.Page.class);
    }

    public DeadLetters.Entry deadLetter(UUID id) {
        return client.read(client.get(root + "/dlq/" + id), DeadLetters.Entry.class);
    }

    @Override
    public DeadLetters.ReplayResult replay(List<UUID> ids, DeadLetters.Filter filter, String reason, boolean dryRun) {
        return client.read(client.post(root + "/dlq/replay", actionBody(ids, filter, reason, dryRun)),
                DeadLetters.ReplayResult.class);
    }

    @Override
    public DeadLetters.DiscardResult discard(List<UUID> ids, DeadLetters.Filter filter, String reason,
                                             boolean dryRun) {
        return client.read(client.post(root + "/dlq/discard", actionBody(ids, filter, reason, dryRun)),
                DeadLetters.DiscardResult.class);
    }

    @Override
    public DeadLetters.AuditPage audit(String cursor, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("cursor", cursor);
        q.put("limit", limit);
        return client.read(client.get(BackendClient.query(root + "/dlq/audit", q)), DeadLetters.AuditPage.class);
    }

    @Override
    public List<DeadLetters.Queue> queues() {
        return List.of(client.read(client.get(root + "/queues").path("items"), DeadLetters.Queue[].class));
    }

    @Override
    public DeadLetters.Queue pause(String kind) {
        return client.read(client.post(root + "/queues/" + kind + "/pause", Map.of()), DeadLetters.Queue.class);
    }

    @Override
    public DeadLetters.Queue resume(String kind) {
        return client.read(client.post(root + "/queues/" + kind + "/resume", Map.of()), DeadLetters.Queue.class);
    }

    private static Map<String, Object> actionBody(List<UUID> ids, DeadLetters.Filter filter, String reason,
                                                  boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (ids != null) {
            body.put("ids", ids.stream().map(UUID::toString).toList());
        } else {
            Map<String, Object> f = filterQuery(filter);
            body.put("filter", f);
        }
        body.put("reason", reason);
        body.put("dry_run", dryRun);
        return body;
    }

    private static Map<String, Object> filterQuery(DeadLetters.Filter filter) {
        Map<String, Object> q = new LinkedHashMap<>();
        putIfSet(q, "queue", filter.queue());
        putIfSet(q, "event_type", filter.eventType());
        putIfSet(q, "worker", filter.worker());
        putIfSet(q, "since", filter.since() == null ? null : filter.since().toString());
        putIfSet(q, "until", filter.until() == null ? null : filter.until().toString());
        return q;
    }

    private static void putIfSet(Map<String, Object> q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.put(key, value.strip());
        }
    }
}
