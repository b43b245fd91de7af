package za.voelgoed.seating;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/** A show's inventory as PostgreSQL has it: what Redis is loaded from and compared with. */
record InventoryState(int seatCount, BitSet taken, List<TicketTypeCount> ticketTypes, List<ActiveHold> holds,
                      long sold) {

    /** A general-admission ticket type's counters. */
    record TicketTypeCount(String code, int capacity, int held, int sold) {
    }

    /** A hold still running: seats (reserved seating) or a ticket type and quantity (general admission). */
    record ActiveHold(UUID id, long expiresAtMs, List<Integer> seatIndexes, String ticketType, int quantity) {
    }
}
