package za.voelgoed.console.live;

/** Where pages subscribe to live topics: the {@link LiveConnection}, or a test's own in ViewModel tests. */
public interface Topics {

    LiveConnection.Handle subscribe(String topic, LiveConnection.TopicListener listener);
}
