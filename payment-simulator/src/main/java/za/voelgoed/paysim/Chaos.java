package za.voelgoed.paysim;

import java.util.random.RandomGenerator;

/**
 * The random misbehaviour of the provider: latency, 503s, answers that come too late, declines. Each
 * check draws once if its rate (or the jitter) is above zero and not at all otherwise, so with
 * {@code --seed} the same sequence of requests meets the same outcomes; concurrent requests take draws
 * in whatever order they arrive.
 */
final class Chaos {

    private final SimulatorOptions options;
    private final RandomGenerator random;

    Chaos(SimulatorOptions options, RandomGenerator random) {
        this.options = options;
        this.random = random;
    }

    synchronized long latencyMs() {
        long jitter = options.jitterMs() > 0 ? random.nextLong(options.jitterMs() + 1) : 0;
        return options.latencyMs() + jitter;
    }

    /** The provider is down for this request: answer 503 and do nothing. */
    boolean fails() {
        return roll(options.failureRate());
    }

    /** The operation happens but its answer comes after the client gave up. */
    boolean timesOut() {
        return roll(options.timeoutRate());
    }

    boolean declines() {
        return roll(options.declineRate());
    }

    private synchronized boolean roll(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
