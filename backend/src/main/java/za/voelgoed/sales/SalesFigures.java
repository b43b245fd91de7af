package za.voelgoed.sales;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import za.voelgoed.seating.Stock;

/**
 * The arithmetic of the sales routes, without I/O: counter shards summed into lines, lines joined with the
 * seating slice's stock, totals, and the hour of minutes with its empty minutes filled in.
 */
final class SalesFigures {

    /** Minutes in the per-minute window, the current one last. */
    static final int WINDOW = 60;

    /** The currency of figures in more than one currency (ISO 4217 "no currency"). */
    static final String MIXED = "XXX";

    private SalesFigures() {
    }

    /** One counter row (one shard) of a line of a show. */
    record Counted(String kind, String line, long sold, long refunded, long revenueCents) {
    }

    /** One counter row of a minute. */
    record MinuteCount(Instant minute, long sold, long revenueCents) {
    }

    /** A line of a show with everything the routes show of it. */
    record Line(String kind, String code, long priceCents, long capacity, long sold, long held, long available,
                long refunded, long revenueCents) {
    }

    /**
     * Every line of a show: its stock (in the stock's order) joined with its counters summed over shards, then
     * the lines that have counters but no stock (capacity 0). Available is what is neither sold, held nor off
     * sale, never below zero.
     */
    static List<Line> lines(List<Stock> stock, List<Counted> counted) {
        Map<String, Counted> sums = sumShards(counted);
        List<Line> lines = new ArrayList<>();
        for (Stock s : stock) {
            Counted c = sums.remove(s.kind() + "/" + s.code());
            long sold = c == null ? 0 : c.sold();
            long available = Math.max(0, (long) s.capacity() - s.offSale() - s.held() - sold);
            lines.add(new Line(s.kind(), s.code(), s.priceCents(), s.capacity(), sold, s.held(), available,
                    c == null ? 0 : c.refunded(), c == null ? 0 : c.revenueCents()));
        }
        sums.values().forEach(c -> lines.add(new Line(c.kind(), c.line(), 0, 0, c.sold(), 0, 0, c.refunded(),
                c.revenueCents())));
        return lines;
    }

    /** Rows of one line added up, keyed {@code kind/line}, in first-seen order. */
    static Map<String, Counted> sumShards(List<Counted> rows) {
        Map<String, Counted> sums = new LinkedHashMap<>();
        for (Counted r : rows) {
            sums.merge(r.kind() + "/" + r.line(), r, (a, b) -> new Counted(a.kind(), a.line(), a.sold() + b.sold(),
                    a.refunded() + b.refunded(), a.revenueCents() + b.revenueCents()));
        }
        return sums;
    }

    static SalesView.Totals totals(Collection<Line> lines, String currency) {
        long capacity = 0;
        long sold = 0;
        long held = 0;
        long available = 0;
        long refunded = 0;
        long revenue = 0;
        for (Line l : lines) {
            capacity += l.capacity();
            sold += l.sold();
            held += l.held();
            available += l.available();
            refunded += l.refunded();
            revenue += l.revenueCents();
        }
        return new SalesView.Totals(capacity, sold, held, available, refunded, revenue, currency);
    }

    /** The one currency of the stock, {@code fallback} when there is none, {@link #MIXED} when there are several. */
    static String currency(Collection<Stock> stock, String fallback) {
        TreeSet<String> currencies = new TreeSet<>();
        stock.forEach(s -> currencies.add(s.currency()));
        return currencies.isEmpty() ? fallback : currencies.size() == 1 ? currencies.first() : MIXED;
    }

    /** The first minute of the window that ends with the minute of {@code now}. */
    static Instant windowStart(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).minus(WINDOW - 1, ChronoUnit.MINUTES);
    }

    /**
     * Exactly {@link #WINDOW} minutes, oldest first, the minute of {@code now} last: the rows of each minute
     * added up (shards, shows), zero where there is none; rows outside the window are left out.
     */
    static List<SalesView.Minute> perMinute(Instant now, List<MinuteCount> rows) {
        Instant start = windowStart(now);
        long[] sold = new long[WINDOW];
        long[] revenue = new long[WINDOW];
        for (MinuteCount r : rows) {
            long at = ChronoUnit.MINUTES.between(start, r.minute().truncatedTo(ChronoUnit.MINUTES));
            if (at >= 0 && at < WINDOW) {
                sold[(int) at] += r.sold();
                revenue[(int) at] += r.revenueCents();
            }
        }
        List<SalesView.Minute> minutes = new ArrayList<>(WINDOW);
        for (int i = 0; i < WINDOW; i++) {
            minutes.add(new SalesView.Minute(start.plus(i, ChronoUnit.MINUTES), sold[i], revenue[i]));
        }
        return minutes;
    }
}
