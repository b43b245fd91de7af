package za.voelgoed.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardDetailsTest {

    @Test
    void textFormShowsOnlyTheLastFourDigits() {
        CardDetails card = new CardDetails("4242424242424242", "12/30", "987");
        AuthorizationRequest request = new AuthorizationRequest(100, "ZAR", card, "order-1");

        assertThat(card.toString()).contains("4242").doesNotContain("424242").doesNotContain("987");
        assertThat(request.toString()).doesNotContain("4242424242424242").doesNotContain("987");
    }
}
