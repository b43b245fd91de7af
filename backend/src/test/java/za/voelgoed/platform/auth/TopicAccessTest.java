package za.voelgoed.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

class TopicAccessTest {

    private final UUID orgA = UUID.randomUUID();
    private final UUID orgB = UUID.randomUUID();
    private final UUID showA = UUID.randomUUID();
    private final UUID showB = UUID.randomUUID();
    private final Map<UUID, UUID> shows = Map.of(showA, orgA, showB, orgB);
    private final TopicAccess access = new TopicAccess(new TopicOwnership()
            .register(TopicFamily.Scope.EVENT, id -> Optional.ofNullable(shows.get(id))));

    @Test
    void memberSeesOnlyItsOwnOrganisationsTopics() {
        Principal staffA = new Principal(false, UUID.randomUUID(), orgA, Role.STAFF, null, null, Set.of());
        assertThat(access.allowed(staffA, Topic.of(TopicFamily.TICKETING_ORG, orgA))).isTrue();
        assertThat(access.allowed(staffA, Topic.of(TopicFamily.TICKETING_EVENT, showA))).isTrue();
        assertThat(access.allowed(staffA, Topic.of(TopicFamily.TICKETING_ORG, orgB))).isFalse();
        assertThat(access.allowed(staffA, Topic.of(TopicFamily.SEATING_EVENT, showB))).isFalse();
    }

    @Test
    void unknownIdsAndUnresolvableFamiliesAreDenied() {
        Principal ownerA = new Principal(false, UUID.randomUUID(), orgA, Role.OWNER, null, null, Set.of());
        assertThat(access.allowed(ownerA, Topic.of(TopicFamily.EVENTS_EVENT, UUID.randomUUID()))).isFalse();
        assertThat(access.allowed(ownerA, Topic.of(TopicFamily.TICKETING_ORDER, UUID.randomUUID()))).isFalse();
        assertThat(access.allowed(Principal.systemAdmin(), Topic.of(TopicFamily.TICKETING_ORDER, UUID.randomUUID())))
                .isTrue();
    }

    @Test
    void deviceReachesOnlyItsScopes() {
        Topic scanningA = Topic.of(TopicFamily.SCANNING_ORG, orgA);
        Principal scanner = new Principal(false, UUID.randomUUID(), orgA, Role.DEVICE, null, UUID.randomUUID(),
                Set.of(scanningA));
        assertThat(access.allowed(scanner, scanningA)).isTrue();
        assertThat(access.allowed(scanner, Topic.of(TopicFamily.TICKETING_ORG, orgA))).isFalse();
        assertThat(access.allowed(scanner, Topic.of(TopicFamily.SCANNING_ORG, orgB))).isFalse();
    }
}
