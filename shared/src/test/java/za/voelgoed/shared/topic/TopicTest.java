package za.voelgoed.shared.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Topic building and parsing: the thirteen seed families, and a precise reason for every rejection. */
class TopicTest {

    private static final String ID = "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11";
    private static final UUID UUID_ID = UUID.fromString(ID);

    @Test
    void thereAreExactlyThirteenFamilies() {
        assertThat(TopicFamily.values()).hasSize(13);
        assertThat(Arrays.stream(TopicFamily.values()).map(TopicFamily::prefix).distinct()).hasSize(13);
    }

    @ParameterizedTest
    @EnumSource(TopicFamily.class)
    void everyFamilyBuildsAndParsesBackEqual(TopicFamily family) {
        Topic built = Topic.of(family, UUID_ID);
        String text = built.toString();
        assertThat(text).isEqualTo(family.domain() + ":" + family.scope().wireName() + ":" + ID);
        Topic parsed = Topic.parse(text);
        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.family()).isSameAs(family);
        assertThat(parsed.id()).isEqualTo(UUID_ID);
    }

    @ParameterizedTest
    @CsvSource({
        "EVENTS_ORG,        events:org",
        "EVENTS_EVENT,      events:event",
        "TICKETING_ORG,     ticketing:org",
        "TICKETING_EVENT,   ticketing:event",
        "TICKETING_ORDER,   ticketing:order",
        "SEATING_EVENT,     seating:event",
        "SCANNING_ORG,      scanning:org",
        "SCANNING_SESSION,  scanning:session",
        "ANALYTICS_EVENT,   analytics:event",
        "ANALYTICS_ORG,     analytics:org",
        "NOTIFICATIONS_ORG, notifications:org",
        "AUDIT_ORG,         audit:org",
        "REPORTING_ORG,     reporting:org",
    })
    void seedFamiliesHaveTheirExactWireForm(TopicFamily family, String prefix) {
        String expected = prefix + ":" + ID;
        assertThat(Topic.of(family, UUID_ID).toString()).isEqualTo(expected);
        assertThat(family.prefix()).isEqualTo(prefix);
        assertThat(Topic.parse(expected).family()).isSameAs(family);
    }

    @Test
    void familyLookupByDomainAndScope() {
        assertThat(TopicFamily.of("ticketing", TopicFamily.Scope.ORDER)).contains(TopicFamily.TICKETING_ORDER);
        assertThat(TopicFamily.of("scanning", TopicFamily.Scope.SESSION)).contains(TopicFamily.SCANNING_SESSION);
        assertThat(TopicFamily.of("seating", TopicFamily.Scope.ORG)).isEmpty();
        assertThat(TopicFamily.of("payments", TopicFamily.Scope.ORG)).isEmpty();
    }

    @Test
    void nullIsRejectedAsEmpty() {
        assertThatThrownBy(() -> Topic.parse(null)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic is empty");
    }

    @Test
    void emptyIsRejected() {
        assertThatThrownBy(() -> Topic.parse("")).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic is empty");
    }

    @Test
    void longerThan64CharactersIsRejectedBeforeAnythingElse() {
        String tooLong = "notifications:org:" + ID + "-" + "a".repeat(64 - 18 - 36);
        assertThat(tooLong).hasSize(65);
        assertThatThrownBy(() -> Topic.parse(tooLong)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic is longer than 64 characters");
    }

    @Test
    void exactly64CharactersIsNotRejectedForLength() {
        String sixtyFour = "notifications:org:" + ID + "a".repeat(64 - 18 - 36);
        assertThat(sixtyFour).hasSize(64);
        assertThatThrownBy(() -> Topic.parse(sixtyFour)).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("not a lowercase UUID");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"events", "events:org", "events:org:x:y", "events:org:" + ID + ":extra"})
    void aWrongNumberOfPartsIsRejected(String text) {
        assertThatThrownBy(() -> Topic.parse(text)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic must have the form domain:scope:id");
    }

    @Test
    void anUnknownScopeIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Topic.parse("events:venue:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic has an unknown scope (expected org, event, order or session)");
    }

    @Test
    void scopesAreCaseSensitive() {
        assertThatThrownBy(() -> Topic.parse("events:ORG:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("unknown scope");
    }

    @Test
    void aKnownScopeWithADomainThatDoesNotHaveItIsRejected() {
        assertThatThrownBy(() -> Topic.parse("seating:org:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic names no known family (domain and scope)");
    }

    @Test
    void anUnknownDomainIsRejected() {
        assertThatThrownBy(() -> Topic.parse("payments:org:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic names no known family (domain and scope)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "not-a-uuid",
        "0B6C64B2-8F0E-4B8E-9A51-6F3E2F1B7C11",
        "0b6c64b28f0e4b8e9a516f3e2f1b7c11",
        "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c1",
        "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11x",
        "{0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11}",
        "1-1-1-1-1",
        "\"\"",
    })
    void anIdThatIsNotACanonicalLowercaseUuidIsRejected(String id) {
        String text = "events:org:" + id;
        assertThatThrownBy(() -> Topic.parse(text)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic id is not a lowercase UUID");
    }

    @Test
    void aMixedCaseUuidIsRejected() {
        String mixed = "0b6c64b2-8F0E-4b8e-9a51-6f3e2f1b7c11";
        assertThatThrownBy(() -> Topic.parse("events:org:" + mixed)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic id is not a lowercase UUID");
    }

    @Test
    void leadingWhitespaceIsRejected() {
        assertThatThrownBy(() -> Topic.parse(" events:org:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic names no known family (domain and scope)");
    }

    @Test
    void trailingWhitespaceIsRejected() {
        assertThatThrownBy(() -> Topic.parse("events:org:" + ID + " ")).isInstanceOf(InvalidTopicException.class)
                .hasMessage("topic id is not a lowercase UUID");
        assertThatThrownBy(() -> Topic.parse("events:org:" + ID + "\n")).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("not a lowercase UUID");
    }

    @Test
    void whitespaceAroundTheScopeIsRejected() {
        assertThatThrownBy(() -> Topic.parse("events: org:" + ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("unknown scope");
    }

    @Test
    void constructingATopicNeedsAFamilyAndAnId() {
        assertThatThrownBy(() -> Topic.of(null, UUID_ID)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("a topic needs a family and an id");
        assertThatThrownBy(() -> Topic.of(TopicFamily.AUDIT_ORG, null)).isInstanceOf(InvalidTopicException.class)
                .hasMessage("a topic needs a family and an id");
    }

    @Test
    void topicsWithTheSameFamilyAndIdAreEqual() {
        assertThat(Topic.of(TopicFamily.EVENTS_EVENT, UUID_ID)).isEqualTo(Topic.parse("events:event:" + ID))
                .isNotEqualTo(Topic.of(TopicFamily.EVENTS_ORG, UUID_ID));
    }
}
