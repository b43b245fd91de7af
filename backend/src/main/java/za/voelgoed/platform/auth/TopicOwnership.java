package za.voelgoed.platform.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily.Scope;

/**
 * Which organisation a topic belongs to. Org-keyed topics say it themselves; for topics keyed by a
 * show, order or scan session the owning slice registers a resolver. A topic whose id no resolver
 * knows belongs to nobody, so nobody but the admin may subscribe to it (deny by default).
 */
public final class TopicOwnership {

    private final Map<Scope, Function<UUID, Optional<UUID>>> resolvers = new ConcurrentHashMap<>();

    public TopicOwnership register(Scope scope, Function<UUID, Optional<UUID>> orgOfId) {
        if (scope == Scope.ORG) {
            throw new IllegalArgumentException("org topics need no resolver");
        }
        resolvers.put(scope, orgOfId);
        return this;
    }

    public Optional<UUID> orgOf(Topic topic) {
        Scope scope = topic.family().scope();
        if (scope == Scope.ORG) {
            return Optional.of(topic.id());
        }
        Function<UUID, Optional<UUID>> resolver = resolvers.get(scope);
        return resolver == null ? Optional.empty() : resolver.apply(topic.id());
    }
}
