package za.voelgoed.ticketing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

/** Ticket codes as the release before per-organisation keys made them, to prove they still verify. */
final class V1Codes {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private V1Codes() {
    }

    /** {@code v1.<keyId>.<ticket, show, nonce>.<signature>}: no organisation in the payload. */
    static String issue(TicketSigningKeys keys, UUID ticketId, UUID eventId) throws GeneralSecurityException {
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        ByteBuffer payload = ByteBuffer.allocate(40).putLong(ticketId.getMostSignificantBits())
                .putLong(ticketId.getLeastSignificantBits()).putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits()).put(nonce);
        String signed = "v1." + keys.keyId() + "." + ENCODE.encodeToString(payload.array());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.privateKey());
        signer.update(signed.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODE.encodeToString(signer.sign());
    }

    /** The private key as the old release stored it: base64 PKCS#8, in clear. */
    static String plaintextPrivate(TicketSigningKeys keys) {
        return Base64.getEncoder().encodeToString(keys.privateKey().getEncoded());
    }
}
