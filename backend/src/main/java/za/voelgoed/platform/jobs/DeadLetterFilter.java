package za.voelgoed.platform.jobs;

import java.time.Instant;

/** Which dead letters an operator means: every non-null part must match. */
public record DeadLetterFilter(String queue, String eventType, String worker, Instant since, Instant until,
                               String status) {

    public static DeadLetterFilter open() {
        return new DeadLetterFilter(null, null, null, null, null, DeadLetter.DEAD);
    }

    public DeadLetterFilter withStatus(String value) {
        return new DeadLetterFilter(queue, eventType, worker, since, until, value);
    }
}
