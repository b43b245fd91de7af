package za.voelgoed.platform.pubsub;

import java.util.ArrayList;
import java.util.List;

/** Batches that waited together, delivered as one list in arrival order. */
final class Batches {

    private Batches() {
    }

    static <T> List<T> flatten(List<List<T>> batches) {
        if (batches.size() == 1) {
            return batches.getFirst();
        }
        List<T> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }
}
