package za.voelgoed.scanning;

import java.util.UUID;

/**
 * Counts the scans a node answered (not the resent ones), by organisation and result only; and the size of each
 * transaction of the node's scan journal (ADR 0026).
 */
public interface ScanTelemetry {

    void scanned(UUID organizationId, ScanResult result);

    /** A journal transaction committed the scans of {@code requests} requests, {@code scans} in all. */
    void grouped(int requests, int scans);
}
