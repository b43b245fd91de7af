package za.voelgoed.paysim;

import java.util.Optional;

/**
 * Card numbers that behave the same on every request whatever the random rates say, so tests and
 * demos can provoke each provider answer on purpose. Any other Luhn-valid number is authorised unless
 * a random rate decides otherwise.
 */
enum TestCards {
    /** Always declined with {@code card_declined}. */
    DECLINED("4000000000000002"),
    /** Always declined with {@code insufficient_funds}. */
    INSUFFICIENT_FUNDS("4000000000009995"),
    /** Always answered 503, nothing recorded, so each retry tries again. */
    PROCESSOR_DOWN("4000000000000119");

    private final String number;

    TestCards(String number) {
        this.number = number;
    }

    String number() {
        return number;
    }

    static Optional<TestCards> of(String cardNumber) {
        for (TestCards card : values()) {
            if (card.number.equals(cardNumber)) {
                return Optional.of(card);
            }
        }
        return Optional.empty();
    }
}
