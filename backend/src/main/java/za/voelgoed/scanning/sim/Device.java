package za.voelgoed.scanning.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One scanner at the gate, run by its own thread: online it holds its {@link DeviceSocket} and sends each scan (or
 * a batch) as it reads the codes; offline it has no socket, decides on its own ({@link OfflineCheck}), queues the
 * scans with its device time and, back online when it is done, opens its socket and uploads them in batches.
 * Nonces are unique within the device's session, so an upload sent twice is answered the same.
 */
final class Device implements Runnable {

    /** What all devices of a run share. */
    record Shared(ScanPlan plan, Pacer pacer, Tally tally, long endNanos, Clock clock,
                  AtomicReference<SimFailure> failure) {

        /** Until the run's duration is up or a device failed. */
        boolean going() {
            return failure.get() == null && System.nanoTime() - endNanos < 0;
        }
    }

    private final String name;
    private final GateClient client;
    private final UUID session;
    private final OfflineCheck offline;
    private final int batch;
    private final Shared shared;
    private final DeviceSocket socket;
    private long sequence;
    private volatile long answered;

    /** {@code offline} null for an online device, whose socket is opened already. */
    Device(String name, GateClient client, UUID session, OfflineCheck offline, int batch, Shared shared,
           DeviceSocket socket) {
        this.name = name;
        this.client = client;
        this.session = session;
        this.offline = offline;
        this.batch = batch;
        this.shared = shared;
        this.socket = socket;
    }

    String name() {
        return name;
    }

    DeviceSocket socket() {
        return socket;
    }

    /** Scans of this device the backend answered. */
    long answered() {
        return answered;
    }

    @Override
    public void run() {
        if (offline == null) {
            online();
        } else {
            List<GateClient.Scan> queued = queueOffline();
            socket.open(); // back online: connected before uploading, as a gate syncs once it has network again
            upload(queued);
        }
    }

    private void answer(JsonNode answer) {
        shared.tally().answer(answer);
        answered++; // this device's thread only; read by the run once the thread ended
    }

    private void online() {
        while (shared.going()) {
            List<String> codes = shared.plan().next(batch);
            if (codes.isEmpty()) {
                return;
            }
            shared.pacer().await(codes.size());
            if (batch == 1) {
                answer(client.scan(scan(codes.getFirst(), null)));
            } else {
                List<GateClient.Scan> scans = new ArrayList<>(codes.size());
                codes.forEach(code -> scans.add(scan(code, null)));
                client.batch(scans).forEach(this::answer);
            }
        }
    }

    private List<GateClient.Scan> queueOffline() {
        List<GateClient.Scan> queued = new ArrayList<>();
        while (shared.going()) {
            String code = shared.plan().next();
            if (code == null) {
                break;
            }
            shared.pacer().await(1);
            OfflineCheck.Local decision = offline.decide(code);
            shared.tally().local(decision);
            // only a scan the device admitted says so; the others are uploaded as plain scans for the record
            queued.add(scan(code, decision.admitted() ? Boolean.TRUE : null));
        }
        return queued;
    }

    private void upload(List<GateClient.Scan> queued) {
        int chunk = batch == 1 ? 100 : batch;
        for (int from = 0; from < queued.size(); from += chunk) {
            List<JsonNode> answers = client.batch(queued.subList(from, Math.min(queued.size(), from + chunk)));
            answers.forEach(this::answer);
        }
    }

    private GateClient.Scan scan(String code, Boolean offlineAdmission) {
        // an offline device says when it scanned: its upload arrives later
        OffsetDateTime at = offline == null ? null : OffsetDateTime.ofInstant(shared.clock().instant(), ZoneOffset.UTC);
        return new GateClient.Scan(code, session, name + "-" + (++sequence), at, offlineAdmission);
    }
}
