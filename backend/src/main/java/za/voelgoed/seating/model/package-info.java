/**
 * The seat map of a show and choosing seats on it, as pure domain logic: nothing here touches a
 * database, Redis or HTTP, so it is tested without them.
 *
 * <p>A {@link za.voelgoed.seating.model.SeatMap} is built once from a validated layout of sections and
 * rows ({@link za.voelgoed.seating.model.SeatMapValidator}, bounded by
 * {@link za.voelgoed.seating.model.SeatingLimits}). Every seat has a human-readable
 * {@link za.voelgoed.seating.model.SeatId} ({@code section:row:number}) and a dense index {@code 0..N-1} in
 * layout order, so the live state of a show fits one Redis bitmap. Which seats are free is passed in as a
 * {@link java.util.BitSet} over those indices: bit set means free.
 * {@link za.voelgoed.seating.model.BestAvailable} picks seats for a quantity;
 * {@link za.voelgoed.seating.model.OrphanRule} tells whether a selection strands single seats.
 */
package za.voelgoed.seating.model;
