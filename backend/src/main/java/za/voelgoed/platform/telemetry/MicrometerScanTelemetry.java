package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import za.voelgoed.scanning.ScanResult;
import za.voelgoed.scanning.ScanTelemetry;

/**
 * {@code voelgoed_scans_total{organization_id, result}}: scans answered. Tickets, shows, gates and devices are
 * never tags: unbounded, and a ticket id is a customer's. {@code voelgoed_scan_group_requests} and
 * {@code voelgoed_scan_group_scans}: per transaction of the scan journal, how many requests and scans it recorded.
 */
public final class MicrometerScanTelemetry implements ScanTelemetry {

    private final MeterRegistry registry;

    public MicrometerScanTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void scanned(UUID organizationId, ScanResult result) {
        Counter.builder("voelgoed.scans").description("Scans answered, by result")
                .tags("organization_id", organizationId.toString(), "result", result.wire())
                .register(registry).increment();
    }

    @Override
    public void grouped(int requests, int scans) {
        DistributionSummary.builder("voelgoed.scan.group.requests")
                .description("Scan requests recorded per journal transaction").register(registry).record(requests);
        DistributionSummary.builder("voelgoed.scan.group.scans")
                .description("Scans recorded per journal transaction").register(registry).record(scans);
    }
}
