package za.voelgoed.paysim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an authorisation is. Transitions: {@code AUTHORIZED → CAPTURED} (capture, once, up to the
 * authorised amount), {@code AUTHORIZED → VOIDED} (void), {@code CAPTURED → REFUNDED} (when refunds
 * reach the captured amount; partial refunds stay {@code CAPTURED}). {@code DECLINED}, {@code VOIDED}
 * and {@code REFUNDED} are final.
 */
enum AuthorizationStatus {
    AUTHORIZED, DECLINED, CAPTURED, VOIDED, REFUNDED;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
