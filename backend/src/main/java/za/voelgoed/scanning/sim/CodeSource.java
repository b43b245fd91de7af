package za.voelgoed.scanning.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/** Where a run's ticket codes come from: a file or stdin (one code a line), or tickets bought for the run. */
final class CodeSource {

    /** Holds are at most 20 tickets; orders are bought by a few threads at once. */
    private static final int PER_ORDER = 20;
    private static final int BUYERS = 4;

    private CodeSource() {
    }

    /** The non-blank lines of {@code file}, or of {@code stdin} for "-". */
    static List<String> read(String file, InputStream stdin) {
        try (BufferedReader reader = file.equals("-")
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            List<String> codes = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    codes.add(line.strip());
                }
            }
            return codes;
        } catch (IOException e) {
            throw new SimFailure(SimFailure.REJECTED, "cannot read the codes from " + file + ": " + e.getMessage());
        }
    }

    /**
     * Buys {@code count} tickets of the type through the public API (holds of up to 20, each checked out with the
     * payment simulator's test card) and returns their codes.
     */
    static List<String> buy(GateClient client, UUID event, String ticketType, int count) {
        List<Integer> orders = new ArrayList<>();
        for (int left = count; left > 0; left -= PER_ORDER) {
            orders.add(Math.min(PER_ORDER, left));
        }
        List<String> codes = Collections.synchronizedList(new ArrayList<>(count));
        try (ExecutorService buyers = Executors.newFixedThreadPool(BUYERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int quantity : orders) {
                done.add(buyers.submit(() -> codes.addAll(client.buy(event, ticketType, quantity))));
            }
            for (Future<?> order : done) {
                order.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SimFailure failure ? failure
                    : new SimFailure(SimFailure.UNAVAILABLE, "buying tickets failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimFailure(SimFailure.UNAVAILABLE, "interrupted while buying tickets");
        }
        return List.copyOf(codes);
    }

    static void save(List<String> codes, String file, PrintWriter out) {
        try {
            Files.write(Path.of(file), codes, StandardCharsets.UTF_8);
            out.println("saved " + codes.size() + " codes to " + file);
        } catch (IOException e) {
            throw new SimFailure(SimFailure.REJECTED, "cannot write the codes to " + file + ": " + e.getMessage());
        }
    }
}
