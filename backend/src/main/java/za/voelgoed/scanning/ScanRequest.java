package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One scan as a device sends it: {@code nonce} makes a resend idempotent within the session. {@code offline}
 * true says the device already admitted the holder on its own while offline and uploads the scan now (absent
 * means false; a JSON boolean only, ADR 0025).
 */
public record ScanRequest(String code, UUID sessionId, String nonce, OffsetDateTime scannedAt, String direction,
                          Boolean offline) {

    /** An online scan. */
    public ScanRequest(String code, UUID sessionId, String nonce, OffsetDateTime scannedAt, String direction) {
        this(code, sessionId, nonce, scannedAt, direction, null);
    }

    /** Whether the device admitted the holder before asking (absent is false). */
    boolean admittedOffline() {
        return Boolean.TRUE.equals(offline);
    }
}
