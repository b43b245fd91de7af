package za.voelgoed.scanning;

import java.util.UUID;

/** Counts the scans a node answered (not the resent ones), by organisation and result only. */
public interface ScanTelemetry {

    void scanned(UUID organizationId, ScanResult result);
}
