package za.voelgoed.paysim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The provider's book of authorisations, in memory. One lock around every read and change: a
 * simulator needs correctness under concurrent requests, not throughput, and each operation is a few
 * map lookups.
 */
final class Authorizations {

    private final Map<String, Authorization> byId = new HashMap<>();
    private final List<String> inCreationOrder = new ArrayList<>();
    private final Clock clock;
    private final Ids ids;

    Authorizations(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Records a new authorisation: declined with {@code declineCode}, or authorised when it is null. */
    synchronized Authorization open(long amountCents, String currency, String cardLast4, String reference,
                                    String declineCode) {
        String id = ids.next("auth_");
        Instant now = clock.instant();
        Authorization created = declineCode == null
                ? Authorization.authorized(id, amountCents, currency, cardLast4, reference, now)
                : Authorization.declined(id, declineCode, amountCents, currency, cardLast4, reference, now);
        byId.put(id, created);
        inCreationOrder.add(id);
        return created;
    }

    synchronized Authorization get(String id) {
        Authorization found = byId.get(id);
        if (found == null) {
            throw SimulatorException.notFound("authorization_not_found", "no authorisation " + id);
        }
        return found;
    }

    synchronized Authorization capture(String id, OptionalLong amountCents) {
        return replace(get(id).capture(amountCents));
    }

    synchronized Authorization voidAuthorization(String id) {
        return replace(get(id).voided());
    }

    /** Refunds {@code amountCents}, or everything still refundable when empty. */
    synchronized Refund refund(String id, OptionalLong amountCents) {
        Authorization current = get(id);
        long cents = amountCents.orElse(current.refundable());
        Refund refund = Refund.succeeded(ids.next("ref_"), id, cents, clock.instant());
        replace(current.refunded(refund));
        return refund;
    }

    /** Authorisations created at or after {@code since}, in creation order, starting after {@code after}. */
    synchronized LedgerPage page(Instant since, String after, int limit) {
        int start = 0;
        if (after != null) {
            start = inCreationOrder.indexOf(after) + 1;
            if (start == 0) {
                throw SimulatorException.badRequest("unknown_cursor", "after=" + after + " is no authorisation id");
            }
        }
        List<Authorization> page = new ArrayList<>();
        boolean more = false;
        for (int i = start; i < inCreationOrder.size(); i++) {
            Authorization auth = byId.get(inCreationOrder.get(i));
            if (since != null && auth.createdAt().isBefore(since)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(auth);
        }
        return new LedgerPage(page, more, more ? page.getLast().id() : null);
    }

    private Authorization replace(Authorization next) {
        byId.put(next.id(), next);
        return next;
    }

    /** One page of the ledger; {@code nextAfter} is the {@code after} of the next page, null on the last. */
    record LedgerPage(List<Authorization> authorizations, boolean hasMore, String nextAfter) {
    }
}
