/**
 * How a node is composed of slices: each slice has one entry point ({@link za.voelgoed.wiring.Slice}) that
 * builds its parts over the {@link za.voelgoed.wiring.Platform} and declares its routes, workers, outbox
 * consumers, recurring jobs and topic owners in a {@link za.voelgoed.wiring.Wiring}. The node registers what
 * all slices declared; a new slice is one more entry in its list.
 */
package za.voelgoed.wiring;
