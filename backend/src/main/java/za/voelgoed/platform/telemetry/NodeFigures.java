package za.voelgoed.platform.telemetry;

import java.util.Map;

/**
 * One node's figures for one organisation, as it writes them to Redis every second: domain events committed
 * per base type and push latencies per {@link LatencyBuckets bucket}, both over the last
 * {@link SecondWindow#SECONDS} whole seconds; gateway messages dropped since the node started; sockets open now.
 */
record NodeFigures(String node, long atMs, Map<String, Long> emitted, Map<Integer, Long> pushLatency, long dropped,
                   long connections) {

    NodeFigures {
        emitted = Map.copyOf(emitted);
        pushLatency = Map.copyOf(pushLatency);
    }
}
