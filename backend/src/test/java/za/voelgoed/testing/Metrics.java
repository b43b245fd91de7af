package za.voelgoed.testing;

import za.voelgoed.BackendNode;

/** Reads a node's Prometheus text from its management listener, as a scraper on the same host does. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape(BackendNode node) {
        Api.Response response = new Api(node.managementPort(), null).get("/metrics");
        if (response.status() != 200) {
            throw new AssertionError("metrics answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
