package za.voelgoed.payments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The provider's lifecycle of an authorisation: {@code AUTHORIZED → CAPTURED → REFUNDED} (when refunds
 * reach the captured amount), {@code AUTHORIZED → VOIDED}; {@code DECLINED} is final from the start.
 */
public enum AuthorizationStatus {
    AUTHORIZED, DECLINED, CAPTURED, VOIDED, REFUNDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuthorizationStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
