package za.voelgoed.shared.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TopicParsingTest {

    static final String ID = "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11";

    @ParameterizedTest
    @EnumSource(TopicFamily.class)
    void everyFamilyBuildsAndParsesBack(TopicFamily family) {
        Topic topic = Topic.of(family, UUID.fromString(ID));
        assertThat(Topic.parse(topic.toString())).isEqualTo(topic);
    }

    @Test
    void theSeedsThirteenFamiliesExactly() {
        Set<String> prefixes = Stream.of(TopicFamily.values()).map(TopicFamily::prefix).collect(Collectors.toSet());
        assertThat(prefixes).containsExactlyInAnyOrder("events:org", "events:event", "ticketing:org",
                "ticketing:event", "ticketing:order", "seating:event", "scanning:org", "scanning:session",
                "analytics:event", "analytics:org", "notifications:org", "audit:org", "reporting:org");
        assertThat(Topic.parse("ticketing:order:" + ID).family()).isEqualTo(TopicFamily.TICKETING_ORDER);
        assertThat(Topic.parse("scanning:session:" + ID).family().scope()).isEqualTo(TopicFamily.Scope.SESSION);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(null, "topic is empty"),
                Arguments.of("", "topic is empty"),
                Arguments.of("events:org:" + ID + "x".repeat(40), "longer than 64"),
                Arguments.of("events:org", "must have the form domain:scope:id"),
                Arguments.of("events:org:" + ID + ":extra", "must have the form domain:scope:id"),
                Arguments.of("events:venue:" + ID, "unknown scope 'venue'"),
                Arguments.of("seating:org:" + ID, "names no known family: seating:org"),
                Arguments.of("payments:org:" + ID, "names no known family: payments:org"),
                Arguments.of("events:org:not-a-uuid", "is not a lowercase UUID"),
                Arguments.of("events:org:" + ID.toUpperCase(), "is not a lowercase UUID"),
                Arguments.of("events:org:" + ID.replace("-", ""), "is not a lowercase UUID"),
                Arguments.of(" events:org:" + ID, "names no known family"),
                Arguments.of("events:org:" + ID + " ", "is not a lowercase UUID"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedTopicsAreRejectedWithAPreciseMessage(String text, String expected) {
        assertThatThrownBy(() -> Topic.parse(text)).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aTopicNeedsFamilyAndId() {
        assertThatThrownBy(() -> Topic.of(null, UUID.randomUUID())).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> Topic.of(TopicFamily.AUDIT_ORG, null)).isInstanceOf(InvalidTopicException.class);
    }
}
