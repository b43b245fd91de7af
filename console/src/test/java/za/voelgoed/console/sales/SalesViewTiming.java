package za.voelgoed.console.sales;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * What one data update of the sales page costs the FX thread, measured per update so it holds on a busy
 * machine: the page (real view, real ViewModel, AtlantaFX and the console's stylesheet, 1440x900) is fed
 * synthetic snapshots like the bench's load makes (holds on one show on every read, a sale every fifth read)
 * and, for each update, times applying it ({@code apply}) and the CSS and layout passes of the pulse that
 * follows ({@code css+layout}, between the scene's pre- and post-layout pulse listeners) and the whole pulse on the
 * FX thread ({@code pulse}: from its CSS pass until a task queued at its end runs, which takes in the copy to the
 * render graph and any wait for the last frame's rendering).
 * Run under Monocle (see console/src/test/timing.sh): {@code SalesViewTiming [updates] [org|show]}; to see what a
 * sale costs, {@code -Dtiming.sameChart=true} leaves the chart as it is and {@code -Dtiming.sameFeed=true} the feed.
 */
public final class SalesViewTiming {

    private static final int SHOWS = 8;
    private static final UUID ORG = UUID.randomUUID();
    private static final List<UUID> SHOW_IDS = java.util.stream.IntStream.range(0, SHOWS)
            .mapToObj(i -> UUID.randomUUID()).toList();
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private SalesViewTiming() {
    }

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        boolean showView = args.length > 1 && args[1].equals("show");
        Data data = new Data();
        FakeTopics topics = new FakeTopics();
        SalesViewModel model = new SalesViewModel(Tasks.direct(), topics, ORG, data::org, data::show,
                Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        long[] pre = {0};
        double[] apply = new double[updates];
        double[] cssLayout = new double[updates];
        Arrays.fill(cssLayout, Double.NaN);
        double[] pulse = new double[updates];
        Arrays.fill(pulse, Double.NaN);
        int[] measuring = {-1};
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            SalesView view = new SalesView(model);
            Scene scene = new Scene(view, 1440, 900);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            scene.addPreLayoutPulseListener(() -> pre[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (measuring[0] >= 0) {
                    int index = measuring[0];
                    long start = pre[0];
                    cssLayout[index] = (System.nanoTime() - start) / 1e6;
                    measuring[0] = -1;
                    // runs once the pulse is over: its copy to the render graph and any wait for the renderer
                    Platform.runLater(() -> pulse[index] = (System.nanoTime() - start) / 1e6);
                }
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            model.activate();
            if (showView) {
                model.selectedShow().set(SHOW_IDS.getFirst());
            }
        });
        long nowMs = 0;
        for (int i = 0; i < updates; i++) {
            data.step(i);
            long at = nowMs += 1_000;
            int index = i;
            onFx(() -> {
                topics.emit("ticketing:org:" + ORG, "ticket.sold.v1", java.util.Map.of());
                long t0 = System.nanoTime();
                model.tick(at);
                apply[index] = (System.nanoTime() - t0) / 1e6;
                measuring[0] = index;
                Platform.requestNextPulse();
            });
            Thread.sleep(60); // the pulse runs; the next update comes after it, as a 10 Hz tick's would
        }
        onFx(() -> { });
        int warm = Math.min(50, updates / 4);
        for (int sales = -1; sales <= 1; sales++) {
            report("apply", apply, warm, sales);
            report("css+layout", cssLayout, warm, sales);
            report("pulse", pulse, warm, sales);
        }
        Platform.exit();
    }

    /** Figures after the first {@code warm} updates: all ({@code sales} -1), holds only (0) or with a sale (1). */
    private static void report(String what, double[] all, int warm, int sales) {
        double[] sorted = java.util.stream.IntStream.range(warm, all.length)
                .filter(i -> sales < 0 || (i % 5 == 0) == (sales == 1)).mapToDouble(i -> all[i])
                .filter(ms -> !Double.isNaN(ms)).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-11s %-5s n=%d median=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms%n",
                what, sales < 0 ? "all" : sales == 0 ? "holds" : "sale", sorted.length, pct(sorted, 0.5), pct(sorted, 0.9), pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer");
        }
    }

    /** Snapshots as the backend would give them: each step one show's holds change, every fifth a sale. */
    private static final class Data {
        private final long[] sold = new long[SHOWS];
        private final long[] held = new long[SHOWS];
        private final List<Sales.Sale> latest = new ArrayList<>();
        private final long[] perMinute = new long[60];
        private int step;

        void step(int i) {
            step = i;
            held[0] = 5_000 + (i * 37) % 900;
            if (i % 5 == 0) {
                int show = i % SHOWS;
                sold[show] += 2;
                if (!Boolean.getBoolean("timing.sameChart")) {
                    perMinute[59] += 2;
                }
            }
            if (i % 5 == 0 && !Boolean.getBoolean("timing.sameFeed")) {
                int show = i % SHOWS;
                latest.addFirst(new Sales.Sale(UUID.randomUUID(), SHOW_IDS.get(show), "Show " + show, 2, 30_000,
                        "ZAR", NOW.plusSeconds(i)));
                if (latest.size() > 20) {
                    latest.removeLast();
                }
            }
            if (i % 60 == 59) { // a minute passes: the window moves on
                System.arraycopy(perMinute, 1, perMinute, 0, 59);
                perMinute[59] = 0;
            }
        }

        Sales.OrgSales org() {
            long s = Arrays.stream(sold).sum();
            long h = Arrays.stream(held).sum();
            List<Sales.Show> shows = new ArrayList<>();
            for (int i = 0; i < SHOWS; i++) {
                shows.add(new Sales.Show(SHOW_IDS.get(i), "Show " + i, NOW.plus(Duration.ofDays(i + 1)), "on_sale",
                        1_000_000, sold[i], held[i], 1_000_000 - sold[i] - held[i], sold[i] * 15_000));
            }
            return new Sales.OrgSales(ORG, NOW, step, "e", new Sales.Totals(SHOWS * 1_000_000L, s, h,
                    SHOWS * 1_000_000L - s - h, 0, s * 15_000, "ZAR"), minutes(), shows, List.copyOf(latest));
        }

        Sales.ShowSales show(UUID id) {
            long s = sold[0];
            long h = held[0];
            List<Sales.Category> categories = List.of(
                    new Sales.Category("GA", 15_000, 900_000, s, h, 900_000 - s - h, s * 15_000),
                    new Sales.Category("VIP", 45_000, 100_000, 0, 0, 100_000, 0));
            List<Sales.TicketTypeLine> types = List.of(
                    new Sales.TicketTypeLine("ga", 900_000, s, h, 900_000 - s - h, s * 15_000),
                    new Sales.TicketTypeLine("vip", 100_000, 0, 0, 100_000, 0));
            return new Sales.ShowSales(id, "Show 0", NOW, step, "e", new Sales.Totals(1_000_000, s, h,
                    1_000_000 - s - h, 0, s * 15_000, "ZAR"), categories, types, minutes(), List.copyOf(latest));
        }

        private List<Sales.Minute> minutes() {
            List<Sales.Minute> minutes = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
                minutes.add(new Sales.Minute(NOW.minus(Duration.ofMinutes(59 - m)), perMinute[m], perMinute[m] * 15_000));
            }
            return minutes;
        }
    }
}
