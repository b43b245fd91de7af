package za.voelgoed.console.dlq.viewmodel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import za.voelgoed.console.api.DeadLetters;

/**
 * The DLQ desk's filter as the user types it: queue, event type, worker, since, until and status, as text. A
 * blank field filters nothing; the desk applies the fields only on a search, so typing never sends a request.
 */
public final class DeadLetterFilterFields {

    private final StringProperty queue = new SimpleStringProperty("");
    private final StringProperty eventType = new SimpleStringProperty("");
    private final StringProperty worker = new SimpleStringProperty("");
    private final StringProperty since = new SimpleStringProperty("");
    private final StringProperty until = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("dead");

    /**
     * The filter the fields say now, trimmed.
     *
     * @throws DateTimeParseException when since or until is not an ISO-8601 instant
     */
    DeadLetters.Filter toFilter() {
        return new DeadLetters.Filter(blankToNull(queue.get()), blankToNull(eventType.get()),
                blankToNull(worker.get()), instant(since.get()), instant(until.get()), status.get());
    }

    public StringProperty queue() {
        return queue;
    }

    public StringProperty eventType() {
        return eventType;
    }

    public StringProperty worker() {
        return worker;
    }

    public StringProperty since() {
        return since;
    }

    public StringProperty until() {
        return until;
    }

    public StringProperty status() {
        return status;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s.strip());
    }
}
