package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeNameTest {

    @Test
    void parsesNameAndVersion() {
        EventTypeName type = EventTypeName.parse("ticket.sold.v1");
        assertThat(type.name()).isEqualTo("ticket.sold");
        assertThat(type.version()).isEqualTo(1);
        assertThat(type).isEqualTo(EventTypeName.of("ticket.sold", 1));
    }

    @Test
    void parsesUnderscoredNamesAndMultiDigitVersions() {
        EventTypeName type = EventTypeName.parse("seat.hold_created.v12");
        assertThat(type.name()).isEqualTo("seat.hold_created");
        assertThat(type.version()).isEqualTo(12);
        assertThat(EventTypeName.parse("ticket.sold.v9999").version()).isEqualTo(9999);
    }

    @Test
    void aNameParsedBeforeIsTheSameAnswerAndANameNeverValidStillFails() {
        EventTypeName first = EventTypeName.parse("refund.issued.v3");
        assertThat(EventTypeName.parse("refund.issued.v3")).isSameAs(first);
        assertThatThrownBy(() -> EventTypeName.parse("refund.issued.v0")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventTypeName.parse("refund.issued.v0")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void wireAndToStringAreTheVersionedForm() {
        EventTypeName type = EventTypeName.of("ticket.sold", 2);
        assertThat(type.wire()).isEqualTo("ticket.sold.v2");
        assertThat(type).hasToString("ticket.sold.v2");
        assertThat(EventTypeName.parse(type.wire())).isEqualTo(type);
    }

    @Test
    void subjectIsTheFirstPartOfTheName() {
        assertThat(EventTypeName.parse("ticket.sold.v1").subject()).isEqualTo("ticket");
        assertThat(EventTypeName.parse("seat.hold_created.v1").subject()).isEqualTo("seat");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"ticket.sold", "ticket.sold.v0", "Ticket.Sold.v1", "ticket.sold.v1.x", "ticket..v1",
        "", "ticket.sold.V1", "ticket.sold.1", "ticket.sold.v01", "ticket.sold.v-1", " ticket.sold.v1",
        "ticket.sold.v1 ", "ticket.sold_out.extra.v1", "ticket-sold.v1", ".sold.v1", "ticket.sold.v"})
    void rejectsMalformedWireNames(String wire) {
        assertThatThrownBy(() -> EventTypeName.parse(wire)).isInstanceOf(InvalidEventException.class)
                .hasMessage("event type '" + wire + "' must look like domain.verb.vN, e.g. ticket.sold.v1");
    }

    @Test
    void ofRejectsAVersionBelowOne() {
        assertThatThrownBy(() -> EventTypeName.of("ticket.sold", 0)).isInstanceOf(InvalidEventException.class)
                .hasMessage("event type version must be 1 or more, got 0");
        assertThatThrownBy(() -> EventTypeName.of("ticket.sold", -3)).isInstanceOf(InvalidEventException.class)
                .hasMessage("event type version must be 1 or more, got -3");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"ticket", "ticket.sold.v1", "Ticket.sold", "ticket.", "ticket.sold.more"})
    void ofRejectsANameThatIsNotDomainDotVerb(String name) {
        assertThatThrownBy(() -> EventTypeName.of(name, 1)).isInstanceOf(InvalidEventException.class)
                .hasMessage("event type name '" + name + "' must look like domain.verb");
    }
}
