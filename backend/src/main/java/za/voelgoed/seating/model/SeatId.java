package za.voelgoed.seating.model;

import java.util.regex.Pattern;

/**
 * A seat's stable, human-readable name, written {@code section:row:number} (e.g. {@code Upper Circle:C:12}).
 * Always well-formed: the constructor applies the same name rules as layout validation, so every id a
 * {@link SeatMap} hands out parses back to itself.
 */
public record SeatId(String section, String row, int number) {

    // No sign, no leading zeros: one seat has exactly one spelling.
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("[1-9][0-9]{0,2}");
    private static final int ECHO_LIMIT = 60;

    public SeatId {
        SeatNames.sectionNameProblem(section).ifPresent(problem -> {
            throw new MalformedSeatIdException("section " + problem);
        });
        SeatNames.rowLabelProblem(row).ifPresent(problem -> {
            throw new MalformedSeatIdException("row " + problem);
        });
        if (number < 1 || number > SeatingLimits.MAX_SEATS_PER_ROW) {
            throw new MalformedSeatIdException("number must be between 1 and " + SeatingLimits.MAX_SEATS_PER_ROW);
        }
    }

    /** Reads {@code section:row:number}; throws {@link MalformedSeatIdException} for anything else. */
    public static SeatId parse(String text) {
        if (text == null) {
            throw new MalformedSeatIdException("seat id is required");
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || !CANONICAL_NUMBER.matcher(parts[2]).matches()) {
            throw new MalformedSeatIdException("seat id must be section:row:number, got " + echo(text));
        }
        try {
            return new SeatId(parts[0], parts[1], Integer.parseInt(parts[2]));
        } catch (MalformedSeatIdException e) {
            throw new MalformedSeatIdException("seat id " + echo(text) + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return section + ":" + row + ":" + number;
    }

    // Error messages reach API clients and logs; never repeat an arbitrarily long input.
    private static String echo(String text) {
        String shown = text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "…";
        return "'" + shown + "'";
    }
}
