package za.voelgoed.platform.jobs.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The criteria shared by {@code list} (as query parameters) and bulk replay/discard (as the body's filter). */
final class FilterOptions {

    @Option(names = "--queue", paramLabel = "<queue>", description = "Only dead letters of this queue.")
    String queue;

    @Option(names = "--event-type", paramLabel = "<type>", description = "Only this event type, e.g. payment.authorized.")
    String eventType;

    @Option(names = "--worker", paramLabel = "<worker>", description = "Only jobs of this worker, e.g. payments.capture.")
    String worker;

    @Option(names = "--since", paramLabel = "<instant>", converter = InstantConverter.class,
            description = "Only dead since this ISO-8601 instant, e.g. 2026-11-26T10:00:00Z.")
    Instant since;

    @Option(names = "--until", paramLabel = "<instant>", converter = InstantConverter.class,
            description = "Only dead before this ISO-8601 instant.")
    Instant until;

    boolean isEmpty() {
        return queue == null && eventType == null && worker == null && since == null && until == null;
    }

    void validate(CommandLine cmd) {
        if (since != null && until != null && since.isAfter(until)) {
            throw new ParameterException(cmd, "--since (" + since + ") is after --until (" + until + ")");
        }
    }

    DlqFilter toFilter() {
        return new DlqFilter(queue, eventType, worker, since, until);
    }

    /** The criteria under the list route's query parameter names, in a stable order. */
    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        putIfPresent(query, "queue", queue);
        putIfPresent(query, "event_type", eventType);
        putIfPresent(query, "worker", worker);
        putIfPresent(query, "since", since);
        putIfPresent(query, "until", until);
        return query;
    }

    private static void putIfPresent(Map<String, String> query, String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
    }

    /** Names the expected format in the error, which picocli's generic java.time converter does not. */
    static final class InstantConverter implements ITypeConverter<Instant> {

        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant such as 2026-11-26T10:00:00Z");
            }
        }
    }
}
