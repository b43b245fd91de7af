package za.voelgoed.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Tickets staff stopped at the gate (ADR 0025): while blocked, a scan answers {@code blocked}. Blocking and
 * unblocking write {@code ticket.blocked.v1} / {@code ticket.unblocked.v1} in the same transaction. The reason
 * is staff's free text: stored, answered to the organisation and carried by the event, never logged.
 */
public final class TicketBlocks {

    static final int MAX_REASON = 500;

    /** Input of {@code POST /api/orgs/{org}/scanning/blocks}. */
    public record NewBlock(UUID ticketId, String reason) {
    }

    /** A blocked ticket as staff see it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Block(UUID ticketId, UUID eventId, String ticketType, Integer seatIndex, String reason,
                        OffsetDateTime blockedAt) {
    }

    /** The block, and whether this request made it (false: the ticket was blocked already, nothing changed). */
    record Blocked(Block block, boolean created) {
    }

    private final Outbox outbox;
    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;
    private final Clock clock;

    TicketBlocks(Outbox outbox, DSLContext dsl, BiPredicate<UUID, UUID> showOfOrg, Clock clock) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.showOfOrg = showOfOrg;
        this.clock = clock;
    }

    /** Blocks the organisation's ticket; blocking a blocked ticket answers the block as it is. */
    Blocked block(Actor actor, UUID orgId, NewBlock input) {
        new Validation().require(input.ticketId() != null, "ticket_id", "is required")
                .text(input.reason(), "reason", 1, MAX_REASON).orThrow();
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return outbox.transact(actor, tx -> {
            BlockStore.Ticket ticket = BlockStore.ticket(tx.sql(), orgId, input.ticketId())
                    .orElseThrow(() -> ApiException.notFound("ticket_not_found", "no such ticket"));
            var made = BlockStore.insert(tx.sql(), orgId, ticket, input.reason().strip(), now);
            if (made.isEmpty()) {
                return new Blocked(BlockStore.find(tx.sql(), orgId, ticket.id()).orElseThrow(), false);
            }
            ObjectNode data = data(made.get()).put("blocked_at", now.toString()).put("reason", made.get().reason());
            emit(tx, EventTypes.TICKET_BLOCKED_V1, orgId, made.get(), data);
            return new Blocked(made.get(), true);
        });
    }

    /** Lets the ticket pass again; 404 {@code block_not_found} if it was not blocked. */
    Block unblock(Actor actor, UUID orgId, UUID ticketId) {
        return outbox.transact(actor, tx -> {
            Block removed = BlockStore.delete(tx.sql(), orgId, ticketId)
                    .orElseThrow(() -> ApiException.notFound("block_not_found", "the ticket is not blocked"));
            emit(tx, EventTypes.TICKET_UNBLOCKED_V1, orgId, removed, data(removed));
            return removed;
        });
    }

    /** The show's blocked tickets, oldest block first. */
    List<Block> list(UUID orgId, UUID eventId) {
        if (!showOfOrg.test(orgId, eventId)) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
        return BlockStore.list(dsl, orgId, eventId);
    }

    private static ObjectNode data(Block block) {
        ObjectNode data = Json.object().put("ticket_id", block.ticketId().toString())
                .put("event_id", block.eventId().toString());
        if (block.ticketType() != null) {
            data.put("ticket_type", block.ticketType());
        }
        return data;
    }

    private static void emit(Transaction tx, String type, UUID orgId, Block block, ObjectNode data) {
        tx.emit(type, orgId, block.ticketId(), data);
    }
}
