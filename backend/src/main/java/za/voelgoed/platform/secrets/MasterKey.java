package za.voelgoed.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * 32 secret bytes every node of a deployment shares and PostgreSQL never holds. Each use gets a key of
 * its own derived from it ({@link #derive}), so a digest key never doubles as an encryption key. A value
 * sealed here can only be opened with the same master key: a database dump without it reveals no private
 * key and lets nobody brute-force a keyed digest.
 */
public final class MasterKey {

    private static final System.Logger LOG = System.getLogger(MasterKey.class.getName());
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String SEALED_PREFIX = "gcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes)");
        }
        this.key = key.clone();
    }

    /** A master key from its base64 text. */
    public static MasterKey of(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VOELGOED_MASTER_KEY must be base64 of 32 random bytes", e);
        }
        return new MasterKey(bytes);
    }

    /** A fresh random key, as its base64 text. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The configured key ({@code VOELGOED_MASTER_KEY}) or the one in {@code file}; on a first start with
     * neither, a new key is written to {@code file}, readable by this user only.
     */
    public static MasterKey load(Optional<String> configured, String file) {
        if (configured.isPresent()) {
            return of(configured.get());
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return of(Files.readString(path, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(path.toAbsolutePath().getParent());
            String fresh = generate();
            Files.writeString(path, fresh + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            restrictToOwner(path);
            LOG.log(Level.WARNING, "master_key_created file=" + path.toAbsolutePath()
                    + " (keep it with your backups: sealed keys cannot be opened without it;"
                    + " every node needs the same key)");
            return of(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + path, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "master_key_permissions_unchanged file=" + path + " (no POSIX permissions here)");
        }
    }

    /** A 32-byte key for one purpose, e.g. {@code "idempotency"} or {@code "ticket-keys"}. */
    public byte[] derive(String purpose) {
        return hmac(key, ("voelgoed:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed digest of {@code data} for {@code purpose}, hex encoded. */
    public String digest(String purpose, String data) {
        return java.util.HexFormat.of().formatHex(hmac(derive(purpose), data.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Encrypts {@code plaintext} for {@code purpose}; {@code context} (an id the value belongs to) is
     * authenticated, so a sealed value copied to another row does not open there.
     */
    public String seal(String purpose, byte[] plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, purpose, iv, context);
            byte[] sealed = cipher.doFinal(plaintext);
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a value {@link #seal} made for the same purpose and context; fails if either differs or it was changed. */
    public byte[] open(String purpose, String sealed, String context) {
        if (sealed == null || !sealed.startsWith(SEALED_PREFIX)) {
            throw new SealedValueException("not a sealed value");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed.substring(SEALED_PREFIX.length()));
            if (raw.length <= IV_BYTES) {
                throw new SealedValueException("sealed value is truncated");
            }
            byte[] iv = java.util.Arrays.copyOf(raw, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, purpose, iv, context);
            return cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SealedValueException("sealed value does not open with this master key (wrong key, or changed)");
        }
    }

    private Cipher cipher(int mode, String purpose, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive("seal:" + purpose), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A sealed value that cannot be opened: another master key, another context, or tampering. */
    public static final class SealedValueException extends RuntimeException {
        public SealedValueException(String message) {
            super(message);
        }
    }
}
