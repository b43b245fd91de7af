package za.voelgoed.platform.jobs.cli;

import java.util.List;

/** One answer of the list route; {@code nextCursor} is null on the last page. */
record DeadLetterPage(List<DeadLetter> items, String nextCursor) {

    DeadLetterPage {
        items = items == null ? List.of() : items;
    }
}
