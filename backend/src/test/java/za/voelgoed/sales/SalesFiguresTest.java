package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import za.voelgoed.seating.Stock;

class SalesFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:15:42.123Z");

    @Test
    void theWindowHasSixtyMinutesOldestFirstEndingWithTheCurrentMinuteAndZerosWhereNothingSold() {
        List<SalesView.Minute> minutes = SalesFigures.perMinute(NOW, List.of());

        assertThat(minutes).hasSize(60);
        assertThat(minutes.getFirst().minute()).isEqualTo(Instant.parse("2026-12-02T09:16:00Z"));
        assertThat(minutes.getLast().minute()).isEqualTo(Instant.parse("2026-12-02T10:15:00Z"));
        assertThat(minutes).allMatch(m -> m.sold() == 0 && m.revenueCents() == 0);
        for (int i = 1; i < minutes.size(); i++) {
            assertThat(minutes.get(i).minute()).isEqualTo(minutes.get(i - 1).minute().plusSeconds(60));
        }
    }

    @Test
    void rowsOfOneMinuteAddUpAndRowsOutsideTheWindowAreLeftOut() {
        List<SalesView.Minute> minutes = SalesFigures.perMinute(NOW, List.of(
                new SalesFigures.MinuteCount(Instant.parse("2026-12-02T10:15:00Z"), 2, 500),
                new SalesFigures.MinuteCount(Instant.parse("2026-12-02T10:15:00Z"), 3, 700),
                new SalesFigures.MinuteCount(Instant.parse("2026-12-02T09:16:00Z"), 1, 100),
                new SalesFigures.MinuteCount(Instant.parse("2026-12-02T09:15:00Z"), 9, 900),
                new SalesFigures.MinuteCount(Instant.parse("2026-12-02T10:16:00Z"), 9, 900)));

        assertThat(minutes.getLast()).isEqualTo(new SalesView.Minute(Instant.parse("2026-12-02T10:15:00Z"), 5, 1200));
        assertThat(minutes.getFirst()).isEqualTo(new SalesView.Minute(Instant.parse("2026-12-02T09:16:00Z"), 1, 100));
        assertThat(minutes.stream().mapToLong(SalesView.Minute::sold).sum()).isEqualTo(6);
    }

    @Test
    void shardsOfALineAreSummedAndJoinedWithItsStock() {
        List<Stock> stock = List.of(new Stock(Stock.CATEGORY, "std", 25_000, "ZAR", 10, 2, 1),
                new Stock(Stock.TICKET_TYPE, "ga", 10_000, "ZAR", 50, 4, 0));
        List<SalesFigures.Counted> counted = List.of(
                new SalesFigures.Counted(Stock.TICKET_TYPE, "ga", 3, 1, 30_000),
                new SalesFigures.Counted(Stock.TICKET_TYPE, "ga", 2, 0, 20_000),
                new SalesFigures.Counted(Stock.CATEGORY, "std", 4, 0, 100_000));

        List<SalesFigures.Line> lines = SalesFigures.lines(stock, counted);

        assertThat(lines).containsExactly(
                new SalesFigures.Line(Stock.CATEGORY, "std", 25_000, 10, 4, 2, 3, 0, 100_000),
                new SalesFigures.Line(Stock.TICKET_TYPE, "ga", 10_000, 50, 5, 4, 41, 1, 50_000));
        assertThat(SalesFigures.totals(lines, "ZAR"))
                .isEqualTo(new SalesView.Totals(60, 9, 6, 44, 1, 150_000, "ZAR"));
    }

    @Test
    void aLineWithSalesButNoStockStillCountsAndAvailableNeverGoesBelowZero() {
        List<SalesFigures.Line> lines = SalesFigures.lines(
                List.of(new Stock(Stock.TICKET_TYPE, "vip", 0, "ZAR", 2, 1, 0)),
                List.of(new SalesFigures.Counted(Stock.TICKET_TYPE, "vip", 2, 0, 0),
                        new SalesFigures.Counted(Stock.CATEGORY, "gone", 1, 0, 700)));

        assertThat(lines).containsExactly(new SalesFigures.Line(Stock.TICKET_TYPE, "vip", 0, 2, 2, 1, 0, 0, 0),
                new SalesFigures.Line(Stock.CATEGORY, "gone", 0, 0, 1, 0, 0, 0, 700));
    }

    @Test
    void oneCurrencyIsNamedSeveralAreMixedNoneFallsBack() {
        Stock zar = new Stock(Stock.TICKET_TYPE, "a", 1, "ZAR", 1, 0, 0);
        Stock usd = new Stock(Stock.TICKET_TYPE, "b", 1, "USD", 1, 0, 0);

        assertThat(SalesFigures.currency(List.of(zar, zar), "EUR")).isEqualTo("ZAR");
        assertThat(SalesFigures.currency(List.of(zar, usd), "EUR")).isEqualTo(SalesFigures.MIXED);
        assertThat(SalesFigures.currency(List.of(), "EUR")).isEqualTo("EUR");
    }
}
