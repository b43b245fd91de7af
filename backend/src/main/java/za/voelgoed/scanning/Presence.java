package za.voelgoed.scanning;

/**
 * The pure rule of where a ticket's holder is (ADR 0024). A ticket's state is the number of accepted scans that
 * moved it: 0 never admitted, 1 admitted (inside), then each exit and re-entry adds one, so an odd state is inside
 * and an even one (2 or more) has left. The Lua script {@code scan_tickets} applies the same rule in Redis; this one
 * decides when PostgreSQL's state is the one to follow.
 */
final class Presence {

    /** What a scan does to a ticket in a state. */
    enum Step {
        /** The first admission: state 0 to 1, {@code ticket.redeemed}. */
        ADMIT,
        /** An exit of a ticket inside, or a re-entry the show allows: state s to s + 1. */
        MOVE,
        /** An entry of a ticket inside, or of one that left when the show allows no re-entry. */
        ALREADY_REDEEMED,
        /** An exit of a ticket never admitted or already outside. */
        NOT_INSIDE;

        ScanResult result() {
            return switch (this) {
                case ADMIT, MOVE -> ScanResult.OK;
                case ALREADY_REDEEMED -> ScanResult.ALREADY_REDEEMED;
                case NOT_INSIDE -> ScanResult.NOT_INSIDE;
            };
        }
    }

    private Presence() {
    }

    static boolean inside(int state) {
        return state % 2 == 1;
    }

    static boolean left(int state) {
        return state >= 2 && state % 2 == 0;
    }

    static Step step(Direction way, int state, boolean reentryAllowed) {
        if (way == Direction.EXIT) {
            return inside(state) ? Step.MOVE : Step.NOT_INSIDE;
        }
        if (state == 0) {
            return Step.ADMIT;
        }
        return left(state) && reentryAllowed ? Step.MOVE : Step.ALREADY_REDEEMED;
    }
}
