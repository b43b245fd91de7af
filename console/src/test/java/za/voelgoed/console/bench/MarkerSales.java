package za.voelgoed.console.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import za.voelgoed.console.testing.ConsoleFixtures;

/**
 * One real card sale (hold, then checkout) every {@code everyMillis}, from one thread, so the sold figure
 * moves only through these: after the checkout's 201 the organisation has sold {@code baseline + n} tickets,
 * and the first moment the console's sales page shows at least that many is when the sale reached the
 * screen. Each marker records the checkout's answer time and the phase it was made in.
 */
final class MarkerSales implements AutoCloseable {

    /** A sale the console should show: answered at {@code answeredMicros}, sold then {@code soldAfter}. */
    record Marker(String phase, long answeredMicros, long soldAfter) {
    }

    private final ConsoleFixtures fixtures;
    private final ConsoleFixtures.Org org;
    private final ConsoleFixtures.Show show;
    private final long everyMillis;
    private final List<Marker> markers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile String phase = "idle";
    private volatile boolean running = true;
    private volatile String lastError;
    private long sold;

    MarkerSales(ConsoleFixtures fixtures, ConsoleFixtures.Org org, ConsoleFixtures.Show show, long baseline,
                long everyMillis) {
        this.fixtures = fixtures;
        this.org = org;
        this.show = show;
        this.sold = baseline;
        this.everyMillis = everyMillis;
        this.thread = Thread.ofPlatform().daemon().name("marker-sales").start(this::loop);
    }

    /** The phase later markers belong to. */
    void phase(String name) {
        phase = name;
    }

    List<Marker> markers() {
        return List.copyOf(markers);
    }

    String lastError() {
        return lastError;
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            try {
                String now = phase;
                ConsoleFixtures.Sale sale = fixtures.sell(org, show, "ga", 1);
                long answered = ConsoleBench.nowMicros();
                sold += sale.tickets();
                markers.add(new Marker(now, answered, sold));
            } catch (RuntimeException | AssertionError e) {
                if (running) {
                    lastError = String.valueOf(e.getMessage());
                }
            }
            next += everyMillis * 1_000_000L;
            long wait = next - System.nanoTime();
            if (wait <= 0) {
                next = System.nanoTime(); // behind: no burst
                continue;
            }
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(35_000);
    }
}
