package za.voelgoed.scanning.sim;

import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import za.voelgoed.shared.json.Json;
import za.voelgoed.ticketing.TicketSigningKeys;

/**
 * One run of the gate: each device opens its session (offline ones also fetch the keys), then all scan the plan
 * at once; a line of progress every second, a summary at the end. The first failure of any device stops them all.
 */
final class SimRun {

    private final ScanOptions options;
    private final String base;
    private final PrintWriter out;

    SimRun(ScanOptions options, String base, PrintWriter out) {
        this.options = options;
        this.base = base;
        this.out = out;
    }

    /** Scans the plan with one device per token and returns the counts. */
    Tally.Counts run(ScanPlan plan, List<String> deviceTokens) {
        // without a duration the end is far enough away never to come (compared by difference, as nanoTime must be)
        long end = System.nanoTime() + (options.duration > 0 ? options.duration * 1_000_000_000L : Long.MAX_VALUE / 2);
        Tally tally = new Tally();
        AtomicReference<SimFailure> failure = new AtomicReference<>();
        Device.Shared shared = new Device.Shared(plan, new Pacer(options.rate), tally,
                end, Clock.systemUTC(), failure);
        List<GateClient> clients = new ArrayList<>();
        try {
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < deviceTokens.size(); i++) {
                GateClient client = new GateClient(base, options.org, deviceTokens.get(i));
                clients.add(client);
                devices.add(device(i, client, shared));
            }
            out.printf(Locale.ROOT, "scanning %d codes with %d devices at gate '%s' (%s)%n", plan.size(),
                    devices.size(), options.gate, options.mode.name().toLowerCase(Locale.ROOT));
            long start = System.nanoTime();
            runAll(devices, failure, tally, start);
            if (failure.get() != null) {
                throw failure.get();
            }
            Tally.Counts counts = tally.counts();
            summary(counts, (System.nanoTime() - start) / 1e9, devices.size());
            return counts;
        } finally {
            clients.forEach(GateClient::close);
        }
    }

    private Device device(int i, GateClient client, Device.Shared shared) {
        var session = client.openSession(options.event, options.gate);
        OfflineCheck offline = options.offline(i) ? new OfflineCheck(options.org, options.event, keys(client)) : null;
        return new Device("d" + (i + 1), client, session, offline, options.batch, shared);
    }

    private static Map<String, PublicKey> keys(GateClient client) {
        Map<String, PublicKey> keys = new HashMap<>();
        client.keys().forEach((id, encoded) -> {
            try {
                keys.put(id, TicketSigningKeys.publicKey(encoded));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new SimFailure(SimFailure.UNAVAILABLE, "the backend's ticket key " + id + " is unreadable");
            }
        });
        return keys;
    }

    private void runAll(List<Device> devices, AtomicReference<SimFailure> failure, Tally tally, long start) {
        List<Thread> threads = new ArrayList<>();
        for (Device device : devices) {
            threads.add(Thread.ofPlatform().name("sim-device").start(() -> {
                try {
                    device.run();
                } catch (SimFailure e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        Tally.Counts secondAgo = tally.counts();
        long nextPrint = start + 1_000_000_000L;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                join(thread, Math.max(1, (nextPrint - System.nanoTime()) / 1_000_000));
                if (System.nanoTime() - nextPrint >= 0) {
                    Tally.Counts now = tally.counts();
                    out.println(Tally.progress((System.nanoTime() - start) / 1e9, now, secondAgo));
                    secondAgo = now;
                    nextPrint += 1_000_000_000L;
                }
            }
        }
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimFailure(SimFailure.UNAVAILABLE, "interrupted");
        }
    }

    private void summary(Tally.Counts counts, double seconds, int devices) {
        double rate = seconds > 0 ? counts.answered() / seconds : 0;
        out.printf(Locale.ROOT, "done: %d scans answered in %.1f s (%.0f scans/s) by %d devices: ok %d, rejected %d%s%n",
                counts.answered(), seconds, rate, devices, counts.ok(), counts.rejectedTotal(),
                counts.rejected().isEmpty() ? "" : " " + counts.rejected());
        if (!counts.local().isEmpty()) {
            out.println("offline devices decided on their own: " + counts.local() + "; conflicts reported by the"
                    + " backend: " + counts.conflicts());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("answered", counts.answered());
        result.put("ok", counts.ok());
        result.put("rejected", counts.rejected());
        result.put("offline_local", counts.local());
        result.put("conflicts", counts.conflicts());
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("scans_per_second", Math.round(rate));
        out.println("RESULT " + Json.write(result));
    }
}
