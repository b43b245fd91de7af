package za.voelgoed.scanning;

import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/** Scanning sessions at the gate; for now the owner of {@code session:*} topics. */
public final class ScanningSlice implements Slice {

    @Override
    public String name() {
        return "scanning";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        wiring.topicOwner(TopicFamily.Scope.SESSION, new ScanSessions(platform.dsl())::orgOf);
    }
}
