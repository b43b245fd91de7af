package za.voelgoed.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset page position, (time, id) of the last item a page held; opaque to clients (base64url). Lists ordered
 * by a time and then an id page with it without counting rows to skip.
 */
public record PageCursor(OffsetDateTime at, UUID id) {

    public String encode() {
        String raw = at.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a text this server did not issue (the message never repeats it) */
    public static PageCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new PageCursor(Instant.parse(raw.substring(0, bar)).atOffset(ZoneOffset.UTC),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this server issued");
        }
    }
}
