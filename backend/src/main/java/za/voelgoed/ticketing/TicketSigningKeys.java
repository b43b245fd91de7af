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
import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.secrets.MasterKey;

/**
 * An Ed25519 key pair ticket codes are signed with; {@code keyId} names it inside every code. Its private
 * half leaves memory only sealed with the master key ({@link #seal}), bound to its organisation and key.
 */
public record TicketSigningKeys(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    static final String SEAL_PURPOSE = "ticket-keys";

    public static TicketSigningKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new TicketSigningKeys(idOf(pair.getPublic()), pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** A new pair whose id is none of {@code taken}: codes name a key by id within its organisation. */
    static TicketSigningKeys generateUnlike(Set<String> taken) {
        TicketSigningKeys fresh = generate();
        while (taken.contains(fresh.keyId())) {
            fresh = generate();
        }
        return fresh;
    }

    /** The global pair of the V8 release, whose private key was stored as base64 PKCS#8 in clear. */
    static TicketSigningKeys fromLegacyText(String keyId, String privateB64, String publicB64) {
        return fromPkcs8(keyId, Base64.getDecoder().decode(privateB64), publicB64);
    }

    /** Encrypts the private key for the row of {@code orgId}; the context makes it open in that row only. */
    String seal(MasterKey master, UUID orgId) {
        return master.seal(SEAL_PURPOSE, privateKey.getEncoded(), sealContext(orgId, keyId, encodePublic()));
    }

    /** The pair of a stored row; fails if the sealed value was made for another row or another master key. */
    static TicketSigningKeys unseal(MasterKey master, UUID orgId, String keyId, String sealed, String publicB64) {
        return fromPkcs8(keyId, master.open(SEAL_PURPOSE, sealed, sealContext(orgId, keyId, publicB64)), publicB64);
    }

    static String sealContext(UUID orgId, String keyId, String publicB64) {
        return "org:" + orgId + "/key:" + keyId + "/public:" + publicB64;
    }

    public static PublicKey publicKey(String publicB64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicB64)));
    }

    public String encodePublic() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static TicketSigningKeys fromPkcs8(String keyId, byte[] pkcs8, String publicB64) {
        try {
            return new TicketSigningKeys(keyId,
                    KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), publicKey(publicB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored ticket signing key " + keyId + " cannot be read", e);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static String idOf(PublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    /** Never the private key, should a pair end up in a log line or an exception. */
    @Override
    public String toString() {
        return "TicketSigningKeys[keyId=" + keyId + "]";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
