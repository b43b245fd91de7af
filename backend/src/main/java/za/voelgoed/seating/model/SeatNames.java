package za.voelgoed.seating.model;

import java.util.Optional;

/**
 * What a section name or row label must be so that a seat id built from it reads well and parses back
 * to the same seat. Shared by layout validation and {@link SeatId} so the two can never disagree.
 */
final class SeatNames {

    private SeatNames() {
    }

    static Optional<String> sectionNameProblem(String name) {
        return problem(name, SeatingLimits.MAX_SECTION_NAME_LENGTH);
    }

    static Optional<String> rowLabelProblem(String label) {
        return problem(label, SeatingLimits.MAX_ROW_LABEL_LENGTH);
    }

    private static Optional<String> problem(String text, int maxLength) {
        if (text == null) {
            return Optional.of("is required");
        }
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > maxLength) {
            return Optional.of("must be 1 to " + maxLength + " characters");
        }
        if (text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.indexOf(':') >= 0) {
            return Optional.of("must not contain ':'"); // it separates the parts of a seat id
        }
        if (!text.strip().equals(text)) {
            // "Stalls " and "Stalls" would print alike on a ticket yet be different seats.
            return Optional.of("must not start or end with whitespace");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
