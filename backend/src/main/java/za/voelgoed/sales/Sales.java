package za.voelgoed.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.DispatchLog;
import za.voelgoed.seating.Seating;
import za.voelgoed.seating.Stock;

/**
 * The sales slice's API: the live-sales snapshots of an organisation and of a show. The dispatch point is
 * taken first, then everything is read in one repeatable-read snapshot, so the figures include every event up
 * to the point (and maybe some after it, which a client applies again idempotently by id).
 */
public final class Sales {

    private static final String DEFAULT_CURRENCY = "ZAR";

    private final DSLContext dsl;
    private final DispatchLog dispatchLog;
    private final Seating seating;

    public Sales(DSLContext dsl, DispatchLog dispatchLog, Seating seating) {
        this.dsl = dsl;
        this.dispatchLog = dispatchLog;
        this.seating = seating;
    }

    public SalesView.Org ofOrg(UUID org) {
        DispatchLog.Point point = dispatchLog.point(org);
        return snapshot(tx -> {
            Instant now = SalesStore.now(tx);
            List<SalesStore.ShowRow> shows = SalesStore.shows(tx, org);
            List<UUID> ids = shows.stream().map(SalesStore.ShowRow::id).toList();
            Map<UUID, List<Stock>> stock = seating.stock(tx, ids);
            Map<UUID, List<SalesFigures.Counted>> counted = SalesStore.totals(tx, org, ids);
            List<SalesFigures.Line> all = new ArrayList<>();
            List<SalesView.Show> views = new ArrayList<>();
            for (SalesStore.ShowRow show : shows) {
                List<SalesFigures.Line> lines = SalesFigures.lines(stock.get(show.id()),
                        counted.getOrDefault(show.id(), List.of()));
                all.addAll(lines);
                views.add(view(show, SalesFigures.totals(lines, "")));
            }
            String currency = SalesFigures.currency(stock.values().stream().flatMap(List::stream).toList(),
                    DEFAULT_CURRENCY);
            return new SalesView.Org(org, now, point.offset(), point.epoch(), SalesFigures.totals(all, currency),
                    SalesFigures.perMinute(now, SalesStore.minutes(tx, org, null, SalesFigures.windowStart(now))),
                    views, SalesStore.latest(tx, org, null));
        });
    }

    private static SalesView.Show view(SalesStore.ShowRow show, SalesView.Totals t) {
        return new SalesView.Show(show.id(), show.name(), show.startsAt(), show.status(), t.capacity(), t.sold(),
                t.held(), t.available(), t.revenueCents());
    }

    /** The show's figures; 404 {@code event_not_found} when it is not the organisation's. */
    public SalesView.Event ofEvent(UUID org, UUID event) {
        DispatchLog.Point point = dispatchLog.point(org);
        return snapshot(tx -> {
            Instant now = SalesStore.now(tx);
            SalesStore.ShowRow show = SalesStore.show(tx, org, event)
                    .orElseThrow(() -> ApiException.notFound("event_not_found", "no event " + event));
            List<Stock> stock = seating.stock(tx, List.of(event)).get(event);
            List<SalesFigures.Line> lines = SalesFigures.lines(stock,
                    SalesStore.totals(tx, org, List.of(event)).getOrDefault(event, List.of()));
            List<SalesView.Category> categories = new ArrayList<>();
            List<SalesView.TicketType> types = new ArrayList<>();
            for (SalesFigures.Line l : lines) {
                if (l.kind().equals(Stock.TICKET_TYPE)) {
                    types.add(new SalesView.TicketType(l.code(), l.capacity(), l.sold(), l.held(), l.available(),
                            l.revenueCents()));
                } else {
                    categories.add(new SalesView.Category(l.code(), l.priceCents(), l.capacity(), l.sold(), l.held(),
                            l.available(), l.revenueCents()));
                }
            }
            return new SalesView.Event(event, show.name(), now, point.offset(), point.epoch(),
                    SalesFigures.totals(lines, SalesFigures.currency(stock, DEFAULT_CURRENCY)), categories, types,
                    SalesFigures.perMinute(now, SalesStore.minutes(tx, org, event, SalesFigures.windowStart(now))),
                    SalesStore.latest(tx, org, event));
        });
    }

    private <T> T snapshot(Function<DSLContext, T> read) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("set transaction isolation level repeatable read, read only");
            return read.apply(tx);
        });
    }
}
