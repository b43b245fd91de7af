package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.scanning.TicketBlocks.Block;

/** The SQL of {@code ticket_blocks}; translation only. */
final class BlockStore {

    private static final String BLOCK = "b.ticket_id, b.event_id, t.ticket_type, t.seat_index, b.reason, b.blocked_at";

    private BlockStore() {
    }

    /** The organisation's ticket a block names. */
    record Ticket(UUID id, UUID eventId, String ticketType, Integer seatIndex) {
    }

    static Optional<Ticket> ticket(DSLContext tx, UUID orgId, UUID ticketId) {
        return tx.fetchOptional("select id, event_id, ticket_type, seat_index from tickets where id = ?"
                + " and organization_id = ?", ticketId, orgId).map(r -> new Ticket(r.get("id", UUID.class),
                r.get("event_id", UUID.class), r.get("ticket_type", String.class), r.get("seat_index", Integer.class)));
    }

    /** Blocks the ticket; empty if it was blocked already (the primary key decides between racing requests). */
    static Optional<Block> insert(DSLContext tx, UUID orgId, Ticket ticket, String reason, OffsetDateTime at) {
        int made = tx.execute("insert into ticket_blocks (ticket_id, organization_id, event_id, reason, blocked_at)"
                + " values (?, ?, ?, ?, ?::timestamptz) on conflict (ticket_id) do nothing",
                ticket.id(), orgId, ticket.eventId(), reason, at);
        return made == 1 ? Optional.of(new Block(ticket.id(), ticket.eventId(), ticket.ticketType(),
                ticket.seatIndex(), reason, at)) : Optional.empty();
    }

    static Optional<Block> find(DSLContext tx, UUID orgId, UUID ticketId) {
        return tx.fetchOptional("select " + BLOCK + " from ticket_blocks b join tickets t on t.id = b.ticket_id"
                + " where b.ticket_id = ? and b.organization_id = ?", ticketId, orgId).map(BlockStore::block);
    }

    static Optional<Block> delete(DSLContext tx, UUID orgId, UUID ticketId) {
        return tx.fetchOptional("with gone as (delete from ticket_blocks where ticket_id = ? and organization_id = ?"
                + " returning *) select " + BLOCK + " from gone b join tickets t on t.id = b.ticket_id",
                ticketId, orgId).map(BlockStore::block);
    }

    static List<Block> list(DSLContext dsl, UUID orgId, UUID eventId) {
        return dsl.fetch("select " + BLOCK + " from ticket_blocks b join tickets t on t.id = b.ticket_id"
                + " where b.organization_id = ? and b.event_id = ? order by b.blocked_at, b.ticket_id",
                orgId, eventId).map(BlockStore::block);
    }

    private static Block block(Record r) {
        return new Block(r.get("ticket_id", UUID.class), r.get("event_id", UUID.class),
                r.get("ticket_type", String.class), r.get("seat_index", Integer.class), r.get("reason", String.class),
                r.get("blocked_at", OffsetDateTime.class));
    }
}
