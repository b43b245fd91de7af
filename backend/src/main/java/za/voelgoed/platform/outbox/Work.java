package za.voelgoed.platform.outbox;

/** The body of an action: state changes and the events they emit, all in one transaction. */
@FunctionalInterface
public interface Work<T> {
    T run(Transaction tx);
}
