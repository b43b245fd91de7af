package za.voelgoed.platform.jobs;

import java.util.List;

/** A job refused at enqueue: unknown worker, args that miss the worker's shape, bad options. */
public final class InvalidJobException extends RuntimeException {

    private final List<String> problems;

    public InvalidJobException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
