package za.voelgoed.wiring;

/**
 * A slice's one wiring entry point: it builds its parts over the platform and declares, in the
 * {@link Wiring}, what the node must run for it. A node composes slices in order; a slice that needs an
 * earlier one takes it in its constructor and reads what that one built once it has been wired.
 */
public interface Slice {

    /** Short and stable, for logs and the wiring tests ({@code seating}, {@code ticketing}, …). */
    String name();

    void wire(Platform platform, Wiring wiring);
}
