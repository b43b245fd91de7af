package za.voelgoed.ticketing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ticket codes a scanner verifies offline with the public key: {@code v1.<keyId>.<payload>.<signature>},
 * the payload being the ticket id, the show id and a random nonce (base64url), the signature Ed25519 over
 * everything before it. Without the private key a valid code cannot be made up.
 */
public final class TicketCodes {

    private static final int MAX_LENGTH = 300;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a valid code says. */
    public record VerifiedTicket(UUID ticketId, UUID eventId, String keyId) {
    }

    private TicketCodes() {
    }

    public static String issue(TicketSigningKeys keys, UUID ticketId, UUID eventId) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        ByteBuffer payload = ByteBuffer.allocate(40).putLong(ticketId.getMostSignificantBits())
                .putLong(ticketId.getLeastSignificantBits()).putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits()).put(nonce);
        String signed = "v1." + keys.keyId() + "." + ENCODE.encodeToString(payload.array());
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.privateKey());
            signer.update(TicketSigningKeys.utf8(signed));
            return signed + "." + ENCODE.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a ticket code", e);
        }
    }

    /** The ticket a code names, if its signature holds under one of {@code keys}; never throws on bad input. */
    public static Optional<VerifiedTicket> verify(Map<String, PublicKey> keys, String code) {
        if (code == null || code.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("v1") || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(parts[2]);
            byte[] signature = DECODE.decode(parts[3]);
            // only the one canonical spelling: base64 ignores the spare bits of a last character, and a code
            // with several valid spellings could be admitted once per spelling by a careless scanner
            if (!ENCODE.encodeToString(payload).equals(parts[2]) || !ENCODE.encodeToString(signature).equals(parts[3])) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.get(parts[1]));
            verifier.update(TicketSigningKeys.utf8(parts[0] + "." + parts[1] + "." + parts[2]));
            if (payload.length != 40 || !verifier.verify(signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return Optional.of(new VerifiedTicket(new UUID(buffer.getLong(), buffer.getLong()),
                    new UUID(buffer.getLong(), buffer.getLong()), parts[1]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
