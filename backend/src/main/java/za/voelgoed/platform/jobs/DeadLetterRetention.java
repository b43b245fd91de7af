package za.voelgoed.platform.jobs;

import za.voelgoed.platform.config.AppConfig;

/**
 * How many days after it died a dead letter is deleted with its args and errors: resolved entries
 * (replayed or discarded) after {@code resolvedDays}, open ones, which an operator may still need,
 * after the longer {@code openDays}. 0 keeps them for ever.
 */
public record DeadLetterRetention(int resolvedDays, int openDays) {

    /** Nothing is purged: for engines of tests that are not about retention. */
    public static final DeadLetterRetention KEEP_FOREVER = new DeadLetterRetention(0, 0);

    public DeadLetterRetention {
        if (resolvedDays < 0 || openDays < 0) {
            throw new IllegalArgumentException("dead-letter retention days must be 0 (keep) or more");
        }
    }

    public static DeadLetterRetention of(AppConfig.SecuritySettings security) {
        return new DeadLetterRetention(security.dlqResolvedRetentionDays(), security.dlqOpenRetentionDays());
    }
}
