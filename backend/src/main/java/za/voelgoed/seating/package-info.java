/**
 * The seating slice: putting a show on sale, holding and releasing its seats or ticket-type quantities,
 * and reading its availability.
 *
 * <p>What decides lives in {@link za.voelgoed.seating.model} (the seat map and seat choice) and in the
 * rules here: a hold request's ({@link za.voelgoed.seating.HoldRules}, answered in the HTTP edge's validation errors)
 * and when a show's keys expire ({@link za.voelgoed.seating.InventoryExpiry}).
 * The rest are its adapters: the live inventory in Redis ({@link za.voelgoed.seating.RedisInventory},
 * {@link za.voelgoed.seating.Inventories}, {@link za.voelgoed.seating.InventoryKeys}), the durable record in
 * PostgreSQL with its domain events ({@link za.voelgoed.seating.Holds}, {@link za.voelgoed.seating.HoldJournal},
 * {@link za.voelgoed.seating.InventoryStore}, {@link za.voelgoed.seating.Allocations}), the background work that
 * keeps the two agreeing ({@link za.voelgoed.seating.HoldSweeper}, {@link za.voelgoed.seating.DriftChecker})
 * and the HTTP routes ({@link za.voelgoed.seating.SeatingRoutes}).
 */
package za.voelgoed.seating;
