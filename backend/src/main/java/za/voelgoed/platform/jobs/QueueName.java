package za.voelgoed.platform.jobs;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tenant queue, written exactly as the seed names it: {@code queue:org:{org_id}:{kind}}. */
public record QueueName(UUID organizationId, QueueKind kind) {

    private static final Pattern WIRE = Pattern.compile("^queue:org:([0-9a-f-]{36}):([a-z]+)$");

    public static Optional<QueueName> parse(String text) {
        Matcher m = text == null ? null : WIRE.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            UUID org = UUID.fromString(m.group(1));
            return QueueKind.fromWire(m.group(2)).map(kind -> new QueueName(org, kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The dead-letter queue of this organisation for one event type. */
    public static String deadLetterQueue(UUID organizationId, String eventType) {
        return "queue:org:" + organizationId + ":dlq:" + eventType;
    }

    @Override
    public String toString() {
        return "queue:org:" + organizationId + ":" + kind.wire();
    }
}
