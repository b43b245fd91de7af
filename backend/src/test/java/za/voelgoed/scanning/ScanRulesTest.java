package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
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
    void resultsHaveWireNamesAndOnlyRejectionsAReason() {
        assertThat(ScanResult.ALREADY_REDEEMED.wire()).isEqualTo("already_redeemed");
        assertThat(ScanResult.PRODUCT_NOT_ALLOWED.wire()).isEqualTo("product_not_allowed");
        assertThat(ScanResult.OK.reason()).isNull();
        assertThat(ScanResult.INVALID.reason()).isNotBlank();
    }
}
