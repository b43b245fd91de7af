package za.voelgoed.sales;

import za.voelgoed.seating.SeatingSlice;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * Live sales of an organisation and its shows, read from the counters {@link SalesLedger} keeps in the sale's
 * and the refund's transactions, and from the seating slice's stock.
 */
public final class SalesSlice implements Slice {

    private final SeatingSlice seating;
    private Sales sales;

    public SalesSlice(SeatingSlice seating) {
        this.seating = seating;
    }

    @Override
    public String name() {
        return "sales";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        sales = new Sales(platform.dsl(), platform.dispatchLog(), seating.seating());
        wiring.route(SalesRoutes.ORG, SalesRoutes.ofOrg(sales))
                .route(SalesRoutes.EVENT, SalesRoutes.ofEvent(sales));
        SalesMinutesRetention retention = new SalesMinutesRetention(platform.dsl());
        wiring.onStart(retention::start).closing(retention);
    }

    /** The sales service, once this slice is wired. */
    public Sales sales() {
        return Wiring.built(sales, this);
    }
}
