package za.voelgoed.platform.auth;

import java.util.Optional;
import java.util.UUID;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

/**
 * May this principal subscribe to this topic? The admin everywhere; a member only to topics of its own
 * organisation; a device only to topics in its scopes that belong to its organisation (a scope
 * {@code scanning:org:{org}} also covers that organisation's scan sessions). Everything else is denied.
 */
public final class TopicAccess {

    private final TopicOwnership ownership;

    public TopicAccess(TopicOwnership ownership) {
        this.ownership = ownership;
    }

    public boolean allowed(Principal who, Topic topic) {
        if (who.admin()) {
            return true;
        }
        Optional<UUID> owner = ownership.orgOf(topic);
        if (owner.isEmpty() || !owner.get().equals(who.organizationId())) {
            return false;
        }
        if (!who.isDevice()) {
            return true;
        }
        return who.scopes().contains(topic) || (topic.family() == TopicFamily.SCANNING_SESSION
                && who.scopes().contains(Topic.of(TopicFamily.SCANNING_ORG, who.organizationId())));
    }
}
