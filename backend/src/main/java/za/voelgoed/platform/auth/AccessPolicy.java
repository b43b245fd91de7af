package za.voelgoed.platform.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call which REST route, decided in one place for every route (deny by default):
 * <ul>
 *   <li>{@code GET /api/session} (who the token is): every authenticated caller;</li>
 *   <li>{@code /api/admin/**} and {@code POST /api/orgs}: the system admin only;</li>
 *   <li>{@code /api/orgs/{org}/**}: the admin, or a member of {@code org} whose role allows the method —
 *       viewers read, staff read and write, owners also manage {@code users}, {@code devices} and
 *       {@code tokens} and change {@code ticket-keys} (rotate, retire) which anyone may read; devices reach
 *       only routes under {@code /scanning};</li>
 *   <li>anything else under {@code /api}: nobody.</li>
 * </ul>
 * A member of another organisation gets 404, not 403, so ids of other tenants cannot be probed.
 */
public final class AccessPolicy {

    private static final Pattern ORG_PATH = Pattern.compile("^/api/orgs/([^/]+)(/.*)?$");
    private static final Pattern OWNER_ONLY = Pattern.compile("^/(tokens|users|devices)(/.*)?$");
    /** Read by every role (scanners need them); changed by owners only: retiring a key voids every code it signed. */
    private static final Pattern OWNER_WRITES = Pattern.compile("^/ticket-keys(/.*)?$");

    /** The outcome: allowed, or refused with an HTTP status and a stable code. */
    public record Decision(boolean allowed, int status, String code, String detail) {
        static Decision allow() {
            return new Decision(true, 200, null, null);
        }

        static Decision deny(int status, String code, String detail) {
            return new Decision(false, status, code, detail);
        }
    }

    public Decision check(Principal who, String method, String path) {
        if (who.admin() || path.equals("/api/session") && method.equals("GET")) {
            return Decision.allow();
        }
        if (path.startsWith("/api/admin/") || path.equals("/api/admin") || path.equals("/api/orgs")
                || path.equals("/api/orgs/")) {
            return Decision.deny(403, "forbidden", "only the system admin may do this");
        }
        Matcher m = ORG_PATH.matcher(path);
        if (!m.matches()) {
            return Decision.deny(403, "forbidden", "no such route for this token");
        }
        Optional<UUID> org = uuid(m.group(1));
        if (org.isEmpty() || !who.mayAct(org.get())) {
            return Decision.deny(404, "org_not_found", "no organisation " + m.group(1));
        }
        return byRole(who.role(), method, m.group(2) == null ? "/" : m.group(2));
    }

    private static Decision byRole(Role role, String method, String rest) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return switch (role) {
            case OWNER -> Decision.allow();
            case STAFF -> OWNER_ONLY.matcher(rest).matches() || !read && OWNER_WRITES.matcher(rest).matches()
                    ? Decision.deny(403, "forbidden", "only an owner manages users, devices, tokens and ticket keys")
                    : Decision.allow();
            case VIEWER -> read && !OWNER_ONLY.matcher(rest).matches()
                    ? Decision.allow() : Decision.deny(403, "forbidden", "a viewer token may only read");
            case DEVICE -> rest.startsWith("/scanning")
                    ? Decision.allow() : Decision.deny(403, "forbidden", "a device token reaches only scanning routes");
        };
    }

    private static Optional<UUID> uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase()) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
