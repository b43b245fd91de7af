package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScanRulesTest {

    private static final UUID SHOW = UUID.randomUUID();
    private static final ScanSession ANY_TYPE = session(List.of());

    private static ScanSession session(List<String> types) {
        return new ScanSession(UUID.randomUUID(), UUID.randomUUID(), SHOW, "North", "entry", types, null,
                OffsetDateTime.now(), null);
    }

    private static TicketFacts ticket(UUID show, String status, String orderStatus, boolean captureFailed) {
        return new TicketFacts(UUID.randomUUID(), UUID.randomUUID(), show, "ga", null, status, orderStatus,
                captureFailed);
    }

    @Test
    void aValidPaidTicketOfTheShowMayBeAdmitted() {
        assertThat(ScanRules.refusal(ticket(SHOW, "valid", "paid", false), ANY_TYPE)).isEmpty();
        assertThat(ScanRules.refusal(ticket(SHOW, "valid", "paid", false), session(List.of("vip", "ga")))).isEmpty();
    }

    @Test
    void aTicketOfAnotherShowIsTheWrongEventWhateverElseIsWrongWithIt() {
        assertThat(ScanRules.refusal(ticket(UUID.randomUUID(), "void", "refunded", true), session(List.of("vip"))))
                .contains(ScanResult.WRONG_EVENT);
    }

    @Test
    void aRefundedOrderSaysRefundedAndAVoidTicketOtherwiseSaysRevoked() {
        assertThat(ScanRules.refusal(ticket(SHOW, "void", "refunded", false), ANY_TYPE)).contains(ScanResult.REFUNDED);
        assertThat(ScanRules.refusal(ticket(SHOW, "void", "paid", false), ANY_TYPE)).contains(ScanResult.REVOKED);
    }

    @Test
    void aCaptureThatFailedIsUnpaid() {
        assertThat(ScanRules.refusal(ticket(SHOW, "valid", "paid", true), ANY_TYPE)).contains(ScanResult.UNPAID);
    }

    @Test
    void aGateListLeavesOutOtherTypesAndSeatsWithoutAType() {
        assertThat(ScanRules.refusal(ticket(SHOW, "valid", "paid", false), session(List.of("vip"))))
                .contains(ScanResult.PRODUCT_NOT_ALLOWED);
        TicketFacts seat = new TicketFacts(UUID.randomUUID(), UUID.randomUUID(), SHOW, null, 4, "valid", "paid", false);
        assertThat(ScanRules.refusal(seat, session(List.of("vip")))).contains(ScanResult.PRODUCT_NOT_ALLOWED);
        assertThat(ScanRules.refusal(seat, ANY_TYPE)).isEqualTo(Optional.empty());
    }

    @Test
    void aBlockedTicketIsBlockedAfterTheSaleSaysNoAndBeforeTheGatesOwnChecks() {
        TicketFacts blocked = blocked(SHOW, "valid", "paid", false);
        assertThat(ScanRules.refusal(blocked, ANY_TYPE)).contains(ScanResult.BLOCKED);
        assertThat(ScanRules.refusal(blocked(UUID.randomUUID(), "valid", "paid", false), ANY_TYPE))
                .contains(ScanResult.WRONG_EVENT);
        assertThat(ScanRules.refusal(blocked(SHOW, "void", "refunded", false), ANY_TYPE))
                .contains(ScanResult.REFUNDED);
        assertThat(ScanRules.refusal(blocked(SHOW, "void", "paid", false), ANY_TYPE)).contains(ScanResult.REVOKED);
        assertThat(ScanRules.refusal(blocked(SHOW, "valid", "paid", true), ANY_TYPE)).contains(ScanResult.BLOCKED);
        assertThat(ScanRules.refusal(blocked, session(List.of("vip")))).contains(ScanResult.BLOCKED);
        assertThat(ScanResult.BLOCKED.wire()).isEqualTo("blocked");
    }

    @Test
    void onlyAnOfflineScanOfAnAdmittedTicketIsAConflict() {
        assertThat(ScanRules.isConflict(true, ScanResult.ALREADY_REDEEMED)).isTrue();
        assertThat(ScanRules.isConflict(false, ScanResult.ALREADY_REDEEMED)).isFalse();
        for (ScanResult other : ScanResult.values()) {
            if (other != ScanResult.ALREADY_REDEEMED) {
                assertThat(ScanRules.isConflict(true, other)).as(other.wire()).isFalse();
            }
        }
    }

    private static TicketFacts blocked(UUID show, String status, String orderStatus, boolean captureFailed) {
        return new TicketFacts(UUID.randomUUID(), UUID.randomUUID(), show, "ga", null, status, orderStatus,
                captureFailed, true);
    }

    @Test
    void anEntryBeforeTheDoorsOpenIsNotYetValidAndAnExitAlwaysPasses() {
        Instant doors = Instant.parse("2027-03-01T17:00:00Z");
        ShowSettings show = new ShowSettings(SHOW, false, doors.atOffset(ZoneOffset.ofHours(2)));
        assertThat(ScanRules.beforeDoors(show, Direction.ENTRY, doors.minusMillis(1)))
                .contains(ScanResult.NOT_YET_VALID);
        assertThat(ScanRules.beforeDoors(show, Direction.ENTRY, doors)).isEmpty();
        assertThat(ScanRules.beforeDoors(show, Direction.EXIT, doors.minusSeconds(3600))).isEmpty();
        assertThat(ScanRules.beforeDoors(ShowSettings.defaults(SHOW), Direction.ENTRY, Instant.EPOCH)).isEmpty();
    }

    @Test
    void resultsHaveWireNamesAndOnlyRejectionsAReason() {
        assertThat(ScanResult.ALREADY_REDEEMED.wire()).isEqualTo("already_redeemed");
        assertThat(ScanResult.PRODUCT_NOT_ALLOWED.wire()).isEqualTo("product_not_allowed");
        assertThat(ScanResult.NOT_INSIDE.wire()).isEqualTo("not_inside");
        assertThat(ScanResult.NOT_YET_VALID.wire()).isEqualTo("not_yet_valid");
        assertThat(ScanResult.OK.reason()).isNull();
        assertThat(ScanResult.INVALID.reason()).isNotBlank();
    }
}
