package za.voelgoed.shared.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * The WebSocket frame codec both sides use. Decoding is strict and says exactly what is wrong
 * ({@link FrameException} with code {@code bad_frame}, {@code unknown_type} or {@code bad_field});
 * event frames carry the {@link EventMessage} fields at top level next to {@code type} and {@code topic}.
 */
public final class Frames {

    public static final int MAX_REF_LENGTH = 64;

    private Frames() {
    }

    /**
     * One WebSocket message of a batching connection ({@code /ws?batch=true}): frames one per line. Compact
     * JSON never holds a raw newline (one inside a string is escaped, and so is a carriage return), so a line is a frame.
     */
    public static String joinLines(List<String> frames) {
        return String.join("\n", frames);
    }

    /** The frames of one WebSocket message: one per line; a message without a newline is one frame. */
    public static List<String> splitLines(String message) {
        return message.lines().filter(line -> !line.isEmpty()).toList();
    }

    /**
     * The range a resume point may lie in: ISO-8601 reaches years no database stores and no event was
     * sent in (year -1000000000), and arithmetic on them overflows.
     */
    static final Instant EARLIEST_RESUME = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST_RESUME = Instant.parse("9999-12-31T23:59:59Z");

    public static ClientFrame decodeClient(String text) {
        ObjectNode node = object(text);
        String ref = optionalText(node, "ref", null);
        if (ref != null && ref.length() > MAX_REF_LENGTH) {
            throw new FrameException("bad_field", "ref is longer than " + MAX_REF_LENGTH + " characters", null);
        }
        return switch (requiredText(node, "type", ref)) {
            case "auth" -> new ClientFrame.Auth(requiredText(node, "token", ref));
            case "subscribe" -> new ClientFrame.Subscribe(requiredText(node, "topic", ref), ref, resume(node, ref));
            case "unsubscribe" -> new ClientFrame.Unsubscribe(requiredText(node, "topic", ref), ref);
            case "ping" -> new ClientFrame.Ping(ref);
            default -> throw new FrameException("unknown_type",
                    "unknown frame type (expected auth, subscribe, unsubscribe or ping)", ref);
        };
    }

    public static String encode(ClientFrame frame) {
        ObjectNode node = Json.object();
        switch (frame) {
            case ClientFrame.Auth a -> node.put("type", "auth").put("token", a.token());
            case ClientFrame.Subscribe s -> {
                node.put("type", "subscribe").put("topic", s.topic()).put("ref", s.ref());
                if (s.resume() != null) {
                    node.set("resume", resumeNode(s.resume()));
                }
            }
            case ClientFrame.Unsubscribe u -> node.put("type", "unsubscribe").put("topic", u.topic()).put("ref", u.ref());
            case ClientFrame.Ping p -> node.put("type", "ping").put("ref", p.ref());
        }
        return Json.write(node);
    }

    private static ObjectNode resumeNode(Resume resume) {
        ObjectNode node = Json.object();
        node.set("resources", Json.toTree(resume.resources()));
        if (resume.epoch() != null) {
            node.put("offset", resume.offset()).put("epoch", resume.epoch());
        }
        if (resume.since() != null) {
            node.put("since", resume.since().toString());
        }
        return node;
    }

    public static String encode(ServerFrame frame) {
        ObjectNode node = Json.object();
        switch (frame) {
            case ServerFrame.Welcome w -> {
                node.put("type", "welcome").put("connection_id", w.connectionId()).put("heartbeat_ms", w.heartbeatMs());
                if (w.epoch() != null) {
                    node.put("epoch", w.epoch());
                }
            }
            case ServerFrame.Subscribed s -> {
                node.put("type", "subscribed").put("topic", s.topic()).put("ref", s.ref());
                if (s.recovered() != null) {
                    node.put("recovered", s.recovered()).put("replayed", s.replayed());
                }
            }
            case ServerFrame.Unsubscribed u -> node.put("type", "unsubscribed").put("topic", u.topic()).put("ref", u.ref());
            case ServerFrame.Event e -> {
                node.put("type", "event").put("topic", e.topic());
                node.setAll((ObjectNode) Json.toTree(e.message()));
            }
            case ServerFrame.Error e -> node.put("type", "error").put("ref", e.ref()).put("code", e.code())
                    .put("message", e.message());
            case ServerFrame.Pong p -> node.put("type", "pong").put("ref", p.ref());
        }
        return Json.write(node);
    }

    public static ServerFrame decodeServer(String text) {
        ObjectNode node = object(text);
        String ref = optionalText(node, "ref", null);
        return switch (requiredText(node, "type", ref)) {
            case "welcome" -> new ServerFrame.Welcome(requiredText(node, "connection_id", ref),
                    node.path("heartbeat_ms").asLong(), optionalText(node, "epoch", null));
            case "subscribed" -> new ServerFrame.Subscribed(requiredText(node, "topic", ref), ref,
                    node.has("recovered") ? node.get("recovered").asBoolean() : null, node.path("replayed").asInt());
            case "unsubscribed" -> new ServerFrame.Unsubscribed(requiredText(node, "topic", ref), ref);
            case "event" -> event(node);
            case "error" -> new ServerFrame.Error(ref, requiredText(node, "code", ref), optionalText(node, "message", ""));
            case "pong" -> new ServerFrame.Pong(ref);
            default -> throw new FrameException("unknown_type", "unknown frame type", ref);
        };
    }

    private static ServerFrame.Event event(ObjectNode node) {
        String topic = requiredText(node, "topic", null);
        ObjectNode message = node.deepCopy();
        message.remove("type");
        message.remove("topic");
        try {
            return new ServerFrame.Event(topic, Json.mapper().treeToValue(message, EventMessage.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FrameException("bad_frame", "event frame does not hold an event message" + Json.problem(e), null);
        } catch (IllegalArgumentException e) {
            throw new FrameException("bad_frame", "event frame does not hold an event message", null);
        }
    }

    private static Resume resume(ObjectNode node, String ref) {
        JsonNode resume = node.get("resume");
        if (resume == null || resume.isNull()) {
            return null;
        }
        if (!resume.isObject()) {
            throw new FrameException("bad_field", "resume must be an object", ref);
        }
        Map<String, Long> resources = new LinkedHashMap<>();
        JsonNode map = resume.path("resources");
        if (!map.isMissingNode() && !map.isObject()) {
            throw new FrameException("bad_field", "resume.resources must be an object of resource -> seq", ref);
        }
        map.properties().forEach(e -> {
            if (!e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                throw new FrameException("bad_field", "resume.resources values must be seqs (integers >= 0)", ref);
            }
            resources.put(e.getKey(), e.getValue().asLong());
        });
        if (resources.size() > 10_000) {
            throw new FrameException("bad_field", "resume.resources has more than 10000 entries", ref);
        }
        String epoch = epoch(resume, ref);
        long offset = offset(resume, ref);
        if (epoch == null && !resume.hasNonNull("since")) {
            throw new FrameException("bad_field", "resume needs offset and epoch (or since, of the earlier protocol)",
                    ref);
        }
        return new Resume(resources, resume.hasNonNull("since") ? since(resume, ref) : null, offset, epoch);
    }

    private static String epoch(JsonNode resume, String ref) {
        JsonNode epoch = resume.get("epoch");
        if (epoch == null || epoch.isNull()) {
            if (resume.hasNonNull("offset")) {
                throw new FrameException("bad_field", "resume.offset needs resume.epoch", ref);
            }
            return null;
        }
        if (!epoch.isTextual() || epoch.asText().isEmpty() || epoch.asText().length() > 64) {
            throw new FrameException("bad_field", "resume.epoch must be the epoch the server sent", ref);
        }
        return epoch.asText();
    }

    private static long offset(JsonNode resume, String ref) {
        JsonNode offset = resume.get("offset");
        if (offset == null || offset.isNull()) {
            return 0;
        }
        if (!offset.isIntegralNumber() || !offset.canConvertToLong() || offset.asLong() < 0) {
            throw new FrameException("bad_field", "resume.offset must be an integer >= 0", ref);
        }
        return offset.asLong();
    }

    private static Instant since(JsonNode resume, String ref) {
        String since = resume.path("since").asText(null);
        Instant at;
        try {
            at = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new FrameException("bad_field", "resume.since must be an ISO-8601 instant", ref);
        }
        if (at.isBefore(EARLIEST_RESUME) || at.isAfter(LATEST_RESUME)) {
            throw new FrameException("bad_field", "resume.since must be a time between " + EARLIEST_RESUME + " and "
                    + LATEST_RESUME, ref);
        }
        return at;
    }

    private static ObjectNode object(String text) {
        try {
            JsonNode node = Json.tree(text);
            if (!(node instanceof ObjectNode object)) {
                throw new FrameException("bad_frame", "a frame must be a JSON object", null);
            }
            return object;
        } catch (JsonCodecException e) {
            throw new FrameException("bad_frame", e.getMessage(), null);
        }
    }

    private static String requiredText(ObjectNode node, String field, String ref) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new FrameException("bad_field", "'" + field + "' is required and must be a non-empty string", ref);
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? fallback : value.asText();
    }
}
