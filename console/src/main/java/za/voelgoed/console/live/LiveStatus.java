package za.voelgoed.console.live;

import java.time.Instant;

/** What the shell needs to know of the live connection: its state changes and when it last heard anything. */
public interface LiveStatus {

    Instant lastFrameAt();

    void addStateListener(LiveConnection.StateListener listener);
}
