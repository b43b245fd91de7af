package za.voelgoed.ticketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A ticket signing key as the API shows it: public material and state only, never the private key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketKeyView(String keyId, String algorithm, String publicKey, String status, OffsetDateTime createdAt,
                            OffsetDateTime retiredAt) {

    static TicketKeyView of(TicketKeyStore.StoredKey key) {
        return new TicketKeyView(key.keyId(), "Ed25519", key.publicKey(), key.status(), key.createdAt(), key.retiredAt());
    }
}
