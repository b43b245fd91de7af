package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.http.Validation;

/**
 * The check-in desk's manual search ({@code GET /api/orgs/{org}/scanning/tickets?event_id=&q=}): a show's tickets
 * whose order id is {@code q} (a full UUID) or whose customer's name or e-mail holds {@code q}, ignoring case. The
 * show's orders are found through {@code orders_by_event}, so a substring search needs no index of its own.
 */
final class TicketSearch {

    /** At most this many tickets are answered; the desk narrows the search instead of paging. */
    static final int LIMIT = 20;
    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 100;

    /** One ticket as the desk lists it; {@code status} is {@code valid}, {@code void} or {@code refunded}. */
    record Match(UUID ticketId, String code, UUID orderId, String customerName, String ticketType, Integer seatIndex,
                 String status, OffsetDateTime admittedAt) {
    }

    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;

    TicketSearch(DSLContext dsl, BiPredicate<UUID, UUID> showOfOrg) {
        this.dsl = dsl;
        this.showOfOrg = showOfOrg;
    }

    /** Validates the raw query parameters (null when absent), then searches the show of the organisation. */
    List<Match> search(UUID orgId, String rawEvent, String rawQuery) {
        if (rawEvent == null) {
            throw ApiException.badRequest("invalid_id", "event_id is required");
        }
        UUID event = Requests.uuid(rawEvent, "event_id");
        new Validation().text(rawQuery, "q", MIN_QUERY, MAX_QUERY)
                .require(rawQuery == null || rawQuery.chars().noneMatch(Character::isISOControl), "q",
                        "must not hold control characters")
                .orThrow();
        if (!showOfOrg.test(orgId, event)) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
        String q = rawQuery.strip();
        UUID orderId = Requests.isUuid(q) ? UUID.fromString(q) : null;
        String pattern = "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%";
        return dsl.fetch("""
                select t.id, t.code, t.order_id, o.customer_name, t.ticket_type, t.seat_index,
                       case when t.status = 'void' then 'void' when o.status = 'refunded' then 'refunded'
                            else 'valid' end as status,
                       a.admitted_at
                from orders o join tickets t on t.order_id = o.id
                     left join admissions a on a.ticket_id = t.id
                where o.organization_id = ? and o.event_id = ?
                  and (o.id = ?::uuid or lower(o.customer_name) like ? escape '\\'
                       or lower(o.customer_email) like ? escape '\\')
                order by o.created_at desc, t.seat_index nulls last, t.id
                limit ?""", orgId, event, orderId, pattern, pattern, LIMIT).map(TicketSearch::match);
    }

    /** {@code q} as a literal inside a LIKE pattern: its own {@code %} and {@code _} match only themselves. */
    static String likeEscaped(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Match match(Record r) {
        return new Match(r.get("id", UUID.class), r.get("code", String.class), r.get("order_id", UUID.class),
                r.get("customer_name", String.class), r.get("ticket_type", String.class),
                r.get("seat_index", Integer.class), r.get("status", String.class),
                r.get("admitted_at", OffsetDateTime.class));
    }
}
