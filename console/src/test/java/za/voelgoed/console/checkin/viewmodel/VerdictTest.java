package za.voelgoed.console.checkin.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.checkin.viewmodel.Verdict.Tone;

/** Every scan result's colour and words on the desk. */
class VerdictTest {

    private static final Instant AT = Instant.parse("2027-03-01T17:30:00Z");
    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");
    private static final Scanning.Ticket GA_SEAT = new Scanning.Ticket(UUID.randomUUID(), UUID.randomUUID(), "ga", 7,
            "valid");

    private static Verdict of(String result, String reason) {
        return Verdict.of(new Scanning.ScanAnswer(result, reason, GA_SEAT, null, null), AT, SAST);
    }

    @Test
    void okIsGreenWithTheTicket() {
        Verdict v = Verdict.of(new Scanning.ScanAnswer("ok", null, GA_SEAT, null, null), AT, SAST);
        assertThat(v.tone()).isEqualTo(Tone.ADMITTED);
        assertThat(v.headline()).isEqualTo("Admitted");
        assertThat(v.ticket()).isEqualTo("ga · seat 7");
        assertThat(v.at()).isEqualTo(AT);
    }

    @Test
    void alreadyRedeemedIsRedWithTheFirstAdmissionsTimeAndGate() {
        Verdict v = Verdict.of(new Scanning.ScanAnswer("already_redeemed", "the ticket was already admitted",
                GA_SEAT, new Scanning.FirstAdmitted(Instant.parse("2027-03-01T17:01:02Z"), "North", null), null),
                AT, SAST);
        assertThat(v.tone()).isEqualTo(Tone.REFUSED);
        assertThat(v.headline()).isEqualTo("Already admitted");
        assertThat(v.detail()).isEqualTo("First admitted at 19:01:02 at North.");
        Verdict conflict = Verdict.of(new Scanning.ScanAnswer("already_redeemed", null, GA_SEAT,
                new Scanning.FirstAdmitted(Instant.parse("2027-03-01T17:01:02Z"), null, null), true), AT, SAST);
        assertThat(conflict.detail()).isEqualTo("First admitted at 19:01:02. (recorded as a double admission)");
        assertThat(of("already_redeemed", null).detail()).isEqualTo("The ticket was already admitted.");
    }

    @Test
    void refusalsAreRedAndQuestionsAmberWithTheServersReason() {
        assertThat(of("invalid", "the code is not a ticket of this organisation"))
                .extracting(Verdict::tone, Verdict::headline, Verdict::detail)
                .containsExactly(Tone.REFUSED, "Not a ticket", "The code is not a ticket of this organisation.");
        assertThat(of("revoked", null).tone()).isEqualTo(Tone.REFUSED);
        assertThat(of("refunded", null).headline()).isEqualTo("Order refunded");
        assertThat(of("unpaid", null).tone()).isEqualTo(Tone.REFUSED);
        assertThat(of("blocked", "lost ticket reported").detail()).isEqualTo("Lost ticket reported.");
        assertThat(of("wrong_event", null)).extracting(Verdict::tone, Verdict::headline)
                .containsExactly(Tone.CHECK, "Another show");
        assertThat(of("product_not_allowed", null).tone()).isEqualTo(Tone.CHECK);
        assertThat(of("not_yet_valid", null).headline()).isEqualTo("Doors not open yet");
        assertThat(of("not_inside", null).tone()).isEqualTo(Tone.CHECK);
    }

    @Test
    void anUnknownResultIsAmberAndNamed() {
        Verdict v = Verdict.of(new Scanning.ScanAnswer("too_early_for_lunch", "hungry", null, null, null), AT, SAST);
        assertThat(v.tone()).isEqualTo(Tone.CHECK);
        assertThat(v.headline()).isEqualTo("Refused: too early for lunch");
        assertThat(v.detail()).isEqualTo("hungry");
        assertThat(v.ticket()).isEmpty();
    }

    @Test
    void aTicketWithoutSeatShowsItsTypeOnly() {
        assertThat(Verdict.ticket(new Scanning.Ticket(null, null, "early", null, "valid"))).isEqualTo("early");
        assertThat(Verdict.ticket(null)).isEmpty();
    }
}
