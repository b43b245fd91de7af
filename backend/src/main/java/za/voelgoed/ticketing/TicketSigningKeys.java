package za.voelgoed.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The Ed25519 key pair ticket codes are signed with; {@code keyId} names it inside every code. */
public record TicketSigningKeys(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    public static TicketSigningKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new TicketSigningKeys(idOf(pair.getPublic()), pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static TicketSigningKeys fromEncoded(String keyId, String privateB64, String publicB64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new TicketSigningKeys(keyId,
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateB64))),
                    publicKey(publicB64));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored ticket signing key " + keyId + " cannot be read", e);
        }
    }

    public static PublicKey publicKey(String publicB64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicB64)));
    }

    public String encodePrivate() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    public String encodePublic() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static String idOf(PublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
