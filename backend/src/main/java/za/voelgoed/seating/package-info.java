/**
 * Reserved seating of a show, as pure domain logic (no database, Redis or HTTP).
 *
 * <p>A {@link za.voelgoed.seating.SeatMap} is built once from a validated layout of sections and rows.
 * Every seat has a human-readable {@link za.voelgoed.seating.SeatId} ({@code section:row:number}) and a
 * dense index {@code 0..N-1} in layout order, so the live state of a show fits one Redis bitmap. Which
 * seats are free is passed in as a {@link java.util.BitSet} over those indices: bit set means free.
 * {@link za.voelgoed.seating.BestAvailable} picks seats for a quantity; {@link za.voelgoed.seating.OrphanRule}
 * tells whether a selection strands single seats.
 */
package za.voelgoed.seating;
