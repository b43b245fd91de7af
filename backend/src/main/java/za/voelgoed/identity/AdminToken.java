package za.voelgoed.identity;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The bootstrap system-admin token. Either the operator sets it ({@code VOELGOED_ADMIN_TOKEN}, at least 32
 * characters) or the first node to start on a fresh database makes one, prints it once, and keeps only its
 * digest in {@code system_settings}; later starts print nothing. {@code backend.jar admin-token rotate} puts a
 * new digest there, which every node reads within seconds.
 */
public final class AdminToken {

    public static final int MIN_LENGTH = 32;
    static final String SETTING = "admin_token_sha256";
    private static final System.Logger LOG = System.getLogger(AdminToken.class.getName());
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final DSLContext dsl;
    private final byte[] configured;
    private volatile byte[] storedDigest;
    private volatile long loadedAt;

    private AdminToken(DSLContext dsl, byte[] configured) {
        this.dsl = dsl;
        this.configured = configured;
    }

    /**
     * The configured token, checked for length; or the stored one, created (and its secret returned, to be
     * shown once) when this database has none yet.
     */
    public static Bootstrap bootstrap(DSLContext dsl, Optional<String> configured) {
        if (configured.isPresent()) {
            if (configured.get().strip().length() < MIN_LENGTH) {
                throw new IllegalArgumentException("VOELGOED_ADMIN_TOKEN must be at least " + MIN_LENGTH
                        + " characters; leave it unset to have one generated and shown once");
            }
            return new Bootstrap(new AdminToken(dsl, configured.get().strip().getBytes(StandardCharsets.UTF_8)),
                    Optional.empty());
        }
        String fresh = newSecret();
        int created = dsl.execute("insert into system_settings (name, value) values (?, ?) on conflict do nothing",
                SETTING, TokenSecrets.hash(fresh));
        AdminToken token = new AdminToken(dsl, null);
        token.reload();
        return new Bootstrap(token, created == 1 ? Optional.of(fresh) : Optional.empty());
    }

    /** The token of a start, and the new secret when this start made it. */
    public record Bootstrap(AdminToken token, Optional<String> createdSecret) {
    }

    /** Replaces the stored token with a new one and returns its secret (shown once by the caller). */
    public static String rotate(DSLContext dsl) {
        String fresh = newSecret();
        dsl.execute("""
                insert into system_settings (name, value) values (?, ?)
                on conflict (name) do update set value = excluded.value, updated_at = now()""",
                SETTING, TokenSecrets.hash(fresh));
        return fresh;
    }

    boolean matches(String bearer) {
        byte[] presented = bearer.getBytes(StandardCharsets.UTF_8);
        if (configured != null) {
            return MessageDigest.isEqual(configured, presented);
        }
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reload();
        }
        byte[] stored = storedDigest;
        return stored != null && MessageDigest.isEqual(stored,
                TokenSecrets.hash(bearer).getBytes(StandardCharsets.US_ASCII));
    }

    private void reload() {
        try {
            String digest = dsl.fetchOptional("select value from system_settings where name = ?", SETTING)
                    .map(r -> r.get(0, String.class)).orElse(null);
            storedDigest = digest == null ? null : digest.getBytes(StandardCharsets.US_ASCII);
            loadedAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "admin_token_reload_failed error=\"" + e.getMessage() + "\"");
        }
    }

    private static String newSecret() {
        return "vg_admin_" + TokenSecrets.newSecret().substring(3);
    }
}
