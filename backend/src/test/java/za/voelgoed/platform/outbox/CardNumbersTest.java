package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The card-number detector: every way a card is typed is masked, ordinary numbers are not. */
class CardNumbersTest {

    private static final String PAN = CardNumbers.MASK;

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111",
            "4111/1111/1111/1111", "4111_1111_1111_1111", "4111\\1111\\1111\\1111", "4111-1111 1111/1111",
            "4111 - 1111 - 1111 - 1111", "4111 / 1111 / 1111 / 1111", "4111  1111  1111  1111",
            "4111\t1111\t1111\t1111",
            "4111\u00A01111\u00A01111\u00A01111",   // no-break space
            "4111\u202F1111\u202F1111\u202F1111",   // narrow no-break space
            "4111\u30001111\u30001111\u30001111",   // ideographic (full-width) space
            "4111\uFF0D1111\uFF0D1111\uFF0D1111",   // full-width hyphen-minus
            "4111\uFF0E1111\uFF0E1111\uFF0E1111",   // full-width full stop
            "4111\uFF0F1111\uFF0F1111\uFF0F1111",   // full-width solidus
            "4111\uFF3F1111\uFF3F1111\uFF3F1111",   // full-width low line
            "4111\u20131111\u20141111\u20101111",   // en dash, em dash, hyphen
            "4111\u00B71111\u00B71111\u00B71111",   // middle dot
            "4111\u30FB1111\u30FB1111\u30FB1111",   // katakana middle dot
            "4111\u200B1111\u200B1111\u200B1111",   // zero-width space
            "4111\u00AD1111\u00AD1111\u00AD1111",   // soft hyphen
            "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11",
            "\uFF14\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11",
            "\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661", // Arabic-Indic
            "\u096A\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967", // Devanagari
            "4111\uFF11\uFF11\uFF11\uFF11 1111 \u0661\u0661\u0661\u0661",  // digits of several scripts mixed
            "\uD835\uDFD2\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF"
                    + "\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF",
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",      // typed digit by digit
            "5500 0000 0000 0004", "6011111111111117", "3782 822463 10005", "3056 930902 5904",
            "4222222222222", "6304 0000 0000 0000 000", "4111 1111 1111 1111 110"})
    void everyWrittenFormOfACardIsMaskedWhole(String card) {
        assertThat(CardNumbers.mask(card)).isEqualTo(PAN);
        assertThat(CardNumbers.mask("Gala " + card + " paid")).isEqualTo("Gala " + PAN + " paid");
        assertThat(CardNumbers.isCardNumber(card)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gala 4111.1111.1111.1111|Gala " + PAN,
            "4111 1111 1111 1111 2026|" + PAN + " 2026",
            "4111 1111 1111 1111 12/26 737|" + PAN + " 12/26 737",
            "order 2026 4111 1111 1111 1111|order 2026 " + PAN,
            "ref 12 4111111111111111 x 99|ref 12 " + PAN + " x 99",
            "ref4111111111111111x|ref" + PAN + "x",
            "4111111111111111 and 5500-0000-0000-0004|" + PAN + " and " + PAN,
            "{\"note\":\"4111111111111111\"}|{\"note\":\"" + PAN + "\"}",
            "card 41111111111111112026000 4111 1111 1111 1111|card 41111111111111112026000 " + PAN,
            "2026-11-26T21:00:00Z 4111111111111111|2026-11-26T21:00:00Z " + PAN})
    void cardsAmongOtherNumbersAreFoundAndOnlyTheyAreMasked(String text, String expected) {
        assertThat(CardNumbers.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1112",                         // fails Luhn
            "12345678-1234-1234-1234-123456789012",         // UUIDs, all digits or not
            "id 41111111-1111-1111-1111-111111111111 done",
            "0b6f6a8e-3c1d-4f39-9d3e-5a4b2c1d0e0f",
            "2026-11-26T21:00:00Z", "2026-11-26 21:00:00.123", "2026-11-26T21:00:00.123456789+02:00",
            "20261126T210000Z 2026-11-26 21:00",
            "seats 12 13 14 15 16 17 18 19 20 21 22",       // short numbers never join
            "+27 82 123 4567", "0821234567", "R 1 234 567,89", "192.168.100.200", "version 4.5.0 build 1234",
            "4701,4702,4703,4704",                          // a list: would pass Luhn if read as one number
            "4701\n4702\n4703\n4704",                       // one value per line
            "4701:4702:4703:4704",
            "411111111111",                                 // 12 digits
            "41111111111111111111",                         // 20 digits in one run
            "price_cents 1234567890123", ""})
    void ordinaryNumbersStay(String text) {
        assertThat(CardNumbers.mask(text)).isSameAs(text);
        assertThat(CardNumbers.isCardNumber(text)).isFalse();
    }

    @Test
    void aSpanAsLongAsNineteenDigitsIsMaskedWholeNotJustTheCardInIt() {
        // both the 16-digit card and the 19 digits with the trailing group pass Luhn: nothing of either stays
        assertThat(CardNumbers.mask("x 4111 1111 1111 1111 110 y")).isEqualTo("x " + PAN + " y");
    }

    @Test
    void nullAndShortTextPassThrough() {
        assertThat(CardNumbers.mask(null)).isNull();
        assertThat(CardNumbers.mask("n=42")).isEqualTo("n=42");
        assertThat(CardNumbers.isCardNumber(null)).isFalse();
        assertThat(CardNumbers.isCardNumber("   ")).isFalse();
    }

    @Test
    void separatorsAreSpacesDashesDotsSlashesAndInvisiblesButNotListOrTimeMarks() {
        for (int cp : new int[] {' ', '\u00A0', '\u3000', '-', '\u2013', '\uFF0D', '.', '\uFF0E', '/', '\uFF0F', '_',
                '\u200B', '\t'}) {
            assertThat(CardNumbers.isSeparator(cp)).as("U+%04X", cp).isTrue();
        }
        for (int cp : new int[] {',', ':', ';', '\n', '\r', 'a', '+', '(', '#', '*', '\u2028'}) {
            assertThat(CardNumbers.isSeparator(cp)).as("U+%04X", cp).isFalse();
        }
    }

    @Test
    void luhn() {
        assertThat(CardNumbers.luhnValid(new int[] {4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0, 16)).isTrue();
        assertThat(CardNumbers.luhnValid(new int[] {4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}, 0, 16)).isFalse();
        assertThat(CardNumbers.luhnValid(new int[] {0, 7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3, 5}, 1, 11)).isTrue();
    }

    @Test
    void workStaysLinearOnHostileInput() {
        String[] hostile = {"1 ".repeat(300_000), "4111 ".repeat(120_000), "1-".repeat(300_000),
                "9".repeat(600_000), "12 ".repeat(200_000), "0a".repeat(300_000), "1111-".repeat(120_000)};
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String text : hostile) {
                CardNumbers.mask(text);
            }
        });
    }

    @Test
    void theQuickLookSkipsOnlyTextsThatHoldNoCardNumber() {
        // a fixed seed: the same 50,000 texts every run, mixing digits, separators and what breaks a number
        java.util.Random random = new java.util.Random(20261202);
        String alphabet = "0123456789012345678901234567890123456789 -./_\u00A0\uFF0D\u200Bab:,\n\uFF14\u0661";
        int skipped = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 13 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertThat(CardNumbers.mask(t)).as(t).isEqualTo(CardNumbers.maskAll(t));
            skipped += CardNumbers.mayHoldOne(t) ? 0 : 1;
        }
        // both branches were exercised
        assertThat(skipped).isBetween(1_000, 49_000);
    }

    @Test
    void identifiersAndTimestampsAreSkippedWithoutTheFullSearch() {
        assertThat(CardNumbers.mayHoldOne("6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7b1c2a")).isFalse();
        assertThat(CardNumbers.mayHoldOne("2026-12-02T15:58:44.512451Z")).isFalse();
        assertThat(CardNumbers.mayHoldOne("scan 4111 1111 1111 1111 at gate A")).isTrue();
    }
}
