package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One scan as a device sends it: {@code nonce} makes a resend idempotent within the session. */
public record ScanRequest(String code, UUID sessionId, String nonce, OffsetDateTime scannedAt, String direction) {
}
