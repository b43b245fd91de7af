package za.voelgoed.platform.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Workers by name. A name is registered once; a second registration is a programming error. */
public final class WorkerRegistry {

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public WorkerRegistry register(Worker worker) {
        if (!worker.name().matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("worker name '" + worker.name() + "' must be dotted snake_case");
        }
        if (workers.putIfAbsent(worker.name(), worker) != null) {
            throw new IllegalArgumentException("worker '" + worker.name() + "' is already registered");
        }
        return this;
    }

    public Optional<Worker> find(String name) {
        return Optional.ofNullable(workers.get(name));
    }

    public Collection<Worker> all() {
        return List.copyOf(workers.values());
    }

    /** Checks a request against its worker; the problems name what to fix. */
    public Worker validate(JobRequest request) {
        Worker worker = workers.get(request.worker());
        List<String> problems = new ArrayList<>();
        if (worker == null) {
            problems.add("no worker named '" + request.worker() + "'");
            throw new InvalidJobException(problems);
        }
        problems.addAll(worker.args().violations(request.args()));
        if (request.priority() < 0 || request.priority() > 9) {
            problems.add("priority must be between 0 and 9");
        }
        if (request.maxAttempts() != null && (request.maxAttempts() < 1 || request.maxAttempts() > 100)) {
            problems.add("max_attempts must be between 1 and 100");
        }
        if (request.uniqueKey() != null && request.uniqueKey().length() > 300) {
            problems.add("unique key must be at most 300 characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidJobException(problems);
        }
        return worker;
    }
}
