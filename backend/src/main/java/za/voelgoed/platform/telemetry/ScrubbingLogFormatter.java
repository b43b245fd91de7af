package za.voelgoed.platform.telemetry;

import io.helidon.logging.jul.HelidonFormatter;
import java.util.logging.LogRecord;
import za.voelgoed.platform.outbox.PiiScrubber;

/**
 * The log line format of {@code logging.properties} (Helidon's, with its MDC and thread tokens), with
 * every card number masked. The whole formatted line is scrubbed, not the message alone: a card number
 * can as well arrive in a parameter, an exception message or a cause deep in the stack trace, and a
 * line written to stdout has left the node for good.
 */
public final class ScrubbingLogFormatter extends HelidonFormatter {

    /** Public and without arguments: {@link java.util.logging.LogManager} creates it from the properties. */
    public ScrubbingLogFormatter() {
        super();
    }

    @Override
    public String format(LogRecord record) {
        return PiiScrubber.scrubText(super.format(record));
    }
}
