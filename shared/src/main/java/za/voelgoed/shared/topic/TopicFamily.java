package za.voelgoed.shared.topic;

/**
 * Every PubSub topic family of the seed (section 5.1). A topic is {@code domain:scope:uuid}; topics
 * keyed by an event, order or session id still belong to exactly one organisation, which the
 * gateway resolves before it lets anyone subscribe.
 */
public enum TopicFamily {
    EVENTS_ORG("events", Scope.ORG),
    EVENTS_EVENT("events", Scope.EVENT),
    TICKETING_ORG("ticketing", Scope.ORG),
    TICKETING_EVENT("ticketing", Scope.EVENT),
    TICKETING_ORDER("ticketing", Scope.ORDER),
    SEATING_EVENT("seating", Scope.EVENT),
    SCANNING_ORG("scanning", Scope.ORG),
    SCANNING_SESSION("scanning", Scope.SESSION),
    ANALYTICS_EVENT("analytics", Scope.EVENT),
    ANALYTICS_ORG("analytics", Scope.ORG),
    NOTIFICATIONS_ORG("notifications", Scope.ORG),
    AUDIT_ORG("audit", Scope.ORG),
    REPORTING_ORG("reporting", Scope.ORG);

    /** What the id in a topic names. */
    public enum Scope {
        ORG("org"), EVENT("event"), ORDER("order"), SESSION("session");

        private final String wireName;

        Scope(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final String domain;
    private final Scope scope;

    TopicFamily(String domain, Scope scope) {
        this.domain = domain;
        this.scope = scope;
    }

    public String domain() {
        return domain;
    }

    public Scope scope() {
        return scope;
    }

    /** The topic text before the id, e.g. {@code ticketing:event}. */
    public String prefix() {
        return domain + ":" + scope.wireName();
    }

    /** The family for a domain and scope, if the seed defines one. */
    public static java.util.Optional<TopicFamily> of(String domain, Scope scope) {
        for (TopicFamily family : values()) {
            if (family.domain.equals(domain) && family.scope == scope) {
                return java.util.Optional.of(family);
            }
        }
        return java.util.Optional.empty();
    }
}
