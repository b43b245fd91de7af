package za.voelgoed.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Authorization authorized = Authorization.authorized("auth_1", 1000, "ZAR", "4242", "o-1", NOW);

    @Test
    void captureWithoutAmountTakesTheWholeAuthorisation() {
        Authorization captured = authorized.capture(OptionalLong.empty());

        assertThat(captured.status()).isEqualTo(AuthorizationStatus.CAPTURED);
        assertThat(captured.capturedCents()).isEqualTo(1000);
    }

    @Test
    void partialCaptureKeepsTheAuthorisedAmount() {
        Authorization captured = authorized.capture(OptionalLong.of(400));

        assertThat(captured.capturedCents()).isEqualTo(400);
        assertThat(captured.amountCents()).isEqualTo(1000);
    }

    @Test
    void captureAboveTheAuthorisedAmountIsRefused() {
        assertConflict(() -> authorized.capture(OptionalLong.of(1001)), "capture_exceeds_authorized");
    }

    @Test
    void onlyAnAuthorisedAuthorisationCanBeCapturedOrVoided() {
        Authorization declined = Authorization.declined("auth_2", "card_declined", 1000, "ZAR", "0002", null, NOW);
        Authorization captured = authorized.capture(OptionalLong.empty());
        Authorization voided = authorized.voided();

        assertConflict(() -> declined.capture(OptionalLong.empty()), "authorization_declined");
        assertConflict(() -> voided.capture(OptionalLong.empty()), "authorization_voided");
        assertConflict(() -> captured.capture(OptionalLong.empty()), "already_captured");
        assertConflict(captured::voided, "already_captured");
        assertConflict(voided::voided, "authorization_voided");
        assertThat(voided.status()).isEqualTo(AuthorizationStatus.VOIDED);
    }

    @Test
    void refundsAddUpToTheCapturedAmountThenTheAuthorisationIsRefunded() {
        Authorization captured = authorized.capture(OptionalLong.of(800));

        Authorization partly = captured.refunded(refund("ref_1", 300));
        Authorization fully = partly.refunded(refund("ref_2", 500));

        assertThat(partly.status()).isEqualTo(AuthorizationStatus.CAPTURED);
        assertThat(partly.refundable()).isEqualTo(500);
        assertThat(fully.status()).isEqualTo(AuthorizationStatus.REFUNDED);
        assertThat(fully.refundedCents()).isEqualTo(800);
        assertThat(fully.refunds()).extracting(Refund::id).containsExactly("ref_1", "ref_2");
    }

    @Test
    void refundBeyondWhatIsCapturedAndNotRefundedIsRefused() {
        Authorization partly = authorized.capture(OptionalLong.of(800)).refunded(refund("ref_1", 300));

        assertConflict(() -> partly.refunded(refund("ref_2", 501)), "refund_exceeds_captured");
        assertConflict(() -> authorized.refunded(refund("ref_3", 1)), "refund_exceeds_captured");
        assertConflict(() -> partly.refunded(refund("ref_4", 500)).refunded(refund("ref_5", 0)),
                "refund_exceeds_captured");
    }

    private static Refund refund(String id, long cents) {
        return Refund.succeeded(id, "auth_1", cents, NOW);
    }

    private static void assertConflict(ThrowingCallable change, String code) {
        assertThatThrownBy(change).isInstanceOfSatisfying(SimulatorException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
