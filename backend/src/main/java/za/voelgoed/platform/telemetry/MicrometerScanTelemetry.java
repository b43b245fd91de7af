package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import za.voelgoed.scanning.ScanResult;
import za.voelgoed.scanning.ScanTelemetry;

/**
 * {@code voelgoed_scans_total{organization_id, result}}: scans answered. Tickets, shows, gates and devices are
 * never tags: unbounded, and a ticket id is a customer's.
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
}
