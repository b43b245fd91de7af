package za.voelgoed.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardChecksTest {

    private static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4000000000000002", "4000000000009995", "4000000000000119",
            "5555555555554444", "378282246310005"})
    void luhnAcceptsWellKnownTestNumbers(String number) {
        assertThat(CardChecks.luhnValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4000000000000001", "4242 4242 4242 4242", "4242-4242-4242-4242",
            "42424242424", "42424242424242424242", "", "abcdabcdabcdabcd"})
    @NullSource
    void luhnRejectsWrongCheckDigitsAndNonDigits(String number) {
        assertThat(CardChecks.luhnValid(number)).isFalse();
        assertThatThrownBy(() -> CardChecks.checkCardNumber(number))
                .isInstanceOfSatisfying(SimulatorException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_card_number");
                });
    }

    @Test
    void invalidCardMessageNeverRepeatsTheNumber() {
        assertThatThrownBy(() -> CardChecks.checkCardNumber("4242424242424241"))
                .message().doesNotContain("4242424242424241").doesNotContain("4241");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/30", "13/30", "00/30", "12-30", "12/2030", "1230", "ab/cd", ""})
    @NullSource
    void malformedExpiryIsRefused(String expiry) {
        assertThatThrownBy(() -> CardChecks.checkExpiry(expiry, NOVEMBER_2026))
                .isInstanceOfSatisfying(SimulatorException.class, hasCode("invalid_expiry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10/26", "12/25", "01/00"})
    void pastExpiryIsRefusedAsExpired(String expiry) {
        assertThatThrownBy(() -> CardChecks.checkExpiry(expiry, NOVEMBER_2026))
                .isInstanceOfSatisfying(SimulatorException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("expired_card");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/26", "12/26", "01/27", "12/99"})
    void cardIsGoodThroughItsExpiryMonth(String expiry) {
        assertThatCode(() -> CardChecks.checkExpiry(expiry, NOVEMBER_2026)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "12345", "12a", "", " 123"})
    @NullSource
    void cvvMustBeThreeOrFourDigits(String cvv) {
        assertThatThrownBy(() -> CardChecks.checkCvv(cvv))
                .isInstanceOfSatisfying(SimulatorException.class, hasCode("invalid_cvv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1234", "000"})
    void threeAndFourDigitCvvsPass(String cvv) {
        assertThatCode(() -> CardChecks.checkCvv(cvv)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void amountMustBePositive(long cents) {
        assertThatThrownBy(() -> CardChecks.checkAmount(cents))
                .isInstanceOfSatisfying(SimulatorException.class, hasCode("invalid_amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zar", "RANDS", "R", "Z4R"})
    void currencyMustBeThreeUpperCaseLetters(String currency) {
        assertThatThrownBy(() -> CardChecks.checkCurrency(currency))
                .isInstanceOfSatisfying(SimulatorException.class, hasCode("invalid_currency"));
    }

    private static Consumer<SimulatorException> hasCode(String code) {
        return e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo(code);
        };
    }
}
