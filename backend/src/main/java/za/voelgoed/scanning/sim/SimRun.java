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
 * One run of the gate: each device opens its session (offline ones also fetch the keys) and online ones their
 * WebSocket, then all scan the plan at once; a line of progress every second, a summary at the end with what each
 * device's socket received. The first failure of any device stops them all; the sockets close at the end.
 */
final class SimRun {

    /** How long the end waits for the events of the last scans to reach the devices' sockets. */
    private static final long EVENTS_GRACE_NANOS = 3_000_000_000L;

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
        List<Device> devices = new ArrayList<>();
        try {
            for (int i = 0; i < deviceTokens.size(); i++) {
                GateClient client = new GateClient(base, options.org, deviceTokens.get(i));
                clients.add(client);
                devices.add(device(i, client, shared, deviceTokens.get(i)));
            }
            out.printf(Locale.ROOT, "scanning %d codes with %d devices at gate '%s' (%s)%n", plan.size(),
                    devices.size(), options.gate, options.mode.name().toLowerCase(Locale.ROOT));
            long start = System.nanoTime();
            runAll(devices, failure, tally, start);
            if (failure.get() != null) {
                throw failure.get();
            }
            Tally.Counts counts = tally.counts();
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitEvents(devices);
            summary(counts, seconds, devices);
            return counts;
        } finally {
            devices.forEach(d -> d.socket().close());
            clients.forEach(GateClient::close);
        }
    }

    private Device device(int i, GateClient client, Device.Shared shared, String token) {
        var session = client.openSession(options.event, options.gate);
        OfflineCheck offline = options.offline(i) ? new OfflineCheck(options.org, options.event, keys(client)) : null;
        DeviceSocket socket = new DeviceSocket(client.http(), base, token, session);
        if (offline == null) {
            socket.open();
        }
        return new Device("d" + (i + 1), client, session, offline, options.batch, shared, socket);
    }

    /**
     * Events are pushed after their scans were answered: waits a little for each device to hear of its own scans,
     * so that the summary counts what a gate would have seen rather than what was still on the way.
     */
    private static void awaitEvents(List<Device> devices) {
        long end = System.nanoTime() + EVENTS_GRACE_NANOS;
        for (Device device : devices) {
            while (device.socket().scanEvents() < device.answered() && System.nanoTime() - end < 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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

    private void summary(Tally.Counts counts, double seconds, List<Device> devices) {
        double rate = seconds > 0 ? counts.answered() / seconds : 0;
        out.printf(Locale.ROOT, "done: %d scans answered in %.1f s (%.0f scans/s) by %d devices: ok %d, rejected %d%s%n",
                counts.answered(), seconds, rate, devices.size(), counts.ok(), counts.rejectedTotal(),
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
        result.put("devices", sockets(devices));
        out.println("RESULT " + Json.write(result));
    }

    /** A line per device of what its socket received, and the same for the RESULT line. */
    private List<Map<String, Object>> sockets(List<Device> devices) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            Device device = devices.get(i);
            DeviceSocket socket = device.socket();
            Map<String, Long> received = socket.received();
            long total = received.values().stream().mapToLong(Long::longValue).sum();
            String mode = options.offline(i) ? "offline" : "online";
            out.printf(Locale.ROOT, "%s (%s): %d scans answered, %d events on its socket %s, %d connection%s%s%n",
                    device.name(), mode, device.answered(), total, received, socket.connections(),
                    socket.connections() == 1 ? "" : "s", socket.problem() == null ? "" : "; " + socket.problem());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", device.name());
            entry.put("mode", mode);
            entry.put("answered", device.answered());
            entry.put("connections", socket.connections());
            entry.put("events", received);
            listed.add(entry);
        }
        return listed;
    }
}
