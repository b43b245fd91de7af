package za.voelgoed.ticketing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ticket codes a scanner verifies offline with its organisation's public keys:
 * {@code v2.<keyId>.<payload>.<signature>}, the payload being the ticket id, the show id, the organisation
 * id and a random nonce (base64url), the signature Ed25519 over everything before it. Without the private
 * key a valid code cannot be made up, and a code of one organisation never verifies for another, even
 * under a key with the same id. Codes of the earlier release ({@code v1}, no organisation in the payload)
 * still verify while the key that signed them is one of the organisation's.
 */
public final class TicketCodes {

    private static final int MAX_LENGTH = 300;
    private static final int V1_PAYLOAD = 40;
    private static final int V2_PAYLOAD = 56;
    private static final int NONCE = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /**
     * What a valid code says. {@code organizationId} is null for a v1 code: it names no organisation, so
     * whoever admits it must also check the ticket (or at least its show) is one of the organisation's.
     */
    public record VerifiedTicket(UUID ticketId, UUID eventId, UUID organizationId, String keyId, int version) {
    }

    /** A code split into its parts, spelt canonically. */
    private record Parts(int version, String keyId, String signed, byte[] payload, byte[] signature) {
    }

    private TicketCodes() {
    }

    public static String issue(TicketSigningKeys keys, UUID orgId, UUID ticketId, UUID eventId) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        ByteBuffer payload = ByteBuffer.allocate(V2_PAYLOAD);
        put(payload, ticketId);
        put(payload, eventId);
        put(payload, orgId);
        payload.put(nonce);
        String signed = "v2." + keys.keyId() + "." + ENCODE.encodeToString(payload.array());
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.privateKey());
            signer.update(TicketSigningKeys.utf8(signed));
            return signed + "." + ENCODE.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a ticket code", e);
        }
    }

    /**
     * The ticket a code names, if it is a code of {@code orgId} whose signature holds under one of
     * {@code orgKeys} (the organisation's active and retiring keys); never throws on bad input.
     */
    public static Optional<VerifiedTicket> verify(UUID orgId, Map<String, PublicKey> orgKeys, String code) {
        Optional<Parts> parts = split(code);
        if (parts.isEmpty() || !orgKeys.containsKey(parts.get().keyId())
                || !signatureHolds(orgKeys.get(parts.get().keyId()), parts.get())) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(parts.get().payload());
        UUID ticketId = uuid(payload);
        UUID eventId = uuid(payload);
        if (parts.get().version() == 1) {
            return Optional.of(new VerifiedTicket(ticketId, eventId, null, parts.get().keyId(), 1));
        }
        UUID codeOrg = uuid(payload);
        return codeOrg.equals(orgId)
                ? Optional.of(new VerifiedTicket(ticketId, eventId, codeOrg, parts.get().keyId(), 2))
                : Optional.empty();
    }

    /** A ticket a code names, and the id of the key it says signed it. */
    public record Named(UUID ticketId, String keyId) {
    }

    /**
     * The ticket a well-formed code of {@code orgId} names under one of {@code keyIds} (the organisation's active
     * and retiring keys), its signature NOT checked; see {@link #named}. Never throws on bad input.
     */
    public static Optional<UUID> ticketNamed(UUID orgId, Set<String> keyIds, String code) {
        return named(orgId, code).filter(n -> keyIds.contains(n.keyId())).map(Named::ticketId);
    }

    /**
     * The ticket a well-formed code of {@code orgId} names, and its key id, neither signature nor key checked.
     * Only for a caller that then admits the code only if it equals the named ticket's stored code and its key is
     * one of the organisation's active or retiring keys: only the signer writes stored codes, so equality proves
     * what the signature would, without an Ed25519 verification (most of a scan's CPU). Never throws on bad input.
     */
    public static Optional<Named> named(UUID orgId, String code) {
        Optional<Parts> parts = split(code);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(parts.get().payload());
        UUID ticketId = uuid(payload);
        uuid(payload);
        return parts.get().version() == 1 || uuid(payload).equals(orgId)
                ? Optional.of(new Named(ticketId, parts.get().keyId())) : Optional.empty();
    }

    private static Optional<Parts> split(String code) {
        if (code == null || code.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.", -1);
        int version = parts.length != 4 ? 0 : switch (parts[0]) {
            case "v1" -> 1;
            case "v2" -> 2;
            default -> 0;
        };
        if (version == 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(parts[2]);
            byte[] signature = DECODE.decode(parts[3]);
            // only the one canonical spelling: base64 ignores the spare bits of a last character, and a code
            // with several valid spellings could be admitted once per spelling by a careless scanner
            boolean canonical = ENCODE.encodeToString(payload).equals(parts[2])
                    && ENCODE.encodeToString(signature).equals(parts[3]);
            boolean sized = payload.length == (version == 1 ? V1_PAYLOAD : V2_PAYLOAD);
            return canonical && sized ? Optional.of(new Parts(version, parts[1], parts[0] + "." + parts[1] + "."
                    + parts[2], payload, signature)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean signatureHolds(PublicKey key, Parts parts) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(TicketSigningKeys.utf8(parts.signed()));
            return verifier.verify(parts.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
