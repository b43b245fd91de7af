package za.voelgoed.shared.topic;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A PubSub topic: one family of the seed plus the id it is keyed by. {@link #parse} accepts only the
 * thirteen families with a canonical lowercase UUID and rejects everything else with a message
 * that says what was wrong.
 */
public record Topic(TopicFamily family, UUID id) {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_LENGTH = 64;

    public Topic {
        if (family == null || id == null) {
            throw new InvalidTopicException("a topic needs a family and an id");
        }
    }

    public static Topic of(TopicFamily family, UUID id) {
        return new Topic(family, id);
    }

    public static Topic parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidTopicException("topic is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidTopicException("topic is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new InvalidTopicException("topic must have the form domain:scope:id");
        }
        TopicFamily family = family(parts[0], parts[1]);
        if (!CANONICAL_UUID.matcher(parts[2]).matches()) {
            throw new InvalidTopicException("topic id is not a lowercase UUID");
        }
        return new Topic(family, UUID.fromString(parts[2]));
    }

    private static TopicFamily family(String domain, String scopeName) {
        for (TopicFamily.Scope scope : TopicFamily.Scope.values()) {
            if (scope.wireName().equals(scopeName)) {
                return TopicFamily.of(domain, scope).orElseThrow(() -> new InvalidTopicException(
                        "topic names no known family (domain and scope)"));
            }
        }
        throw new InvalidTopicException("topic has an unknown scope (expected org, event, order or session)");
    }

    @Override
    public String toString() {
        return family.prefix() + ":" + id;
    }
}
