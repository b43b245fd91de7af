package za.voelgoed.paysim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The payment-provider simulator: {@code java -jar payment-simulator.jar [options]} (see
 * {@link SimulatorOptions}). Prints {@code payment_simulator_listening port=N} on stdout once it accepts
 * requests, so a parent process can read the port it was given with {@code --port 0}.
 */
public final class PaymentSimulator implements AutoCloseable {

    public static final String READY_PREFIX = "payment_simulator_listening port=";

    private final HttpServer server;
    private final ExecutorService executor;

    private PaymentSimulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        PaymentSimulator simulator = start(options, Clock.systemUTC(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "payment-simulator-stop"));
        options.parentPid().ifPresent(PaymentSimulator::exitWithParent);
        System.out.println(READY_PREFIX + simulator.port());
        System.out.flush();
        // serve until the process is stopped; SIGTERM runs the shutdown hook
        new CountDownLatch(1).await();
    }

    /** Starts serving; each request runs on its own virtual thread, since injected delays block. */
    public static PaymentSimulator start(SimulatorOptions options, Clock clock, PrintStream requestLog) {
        // SplittableRandom mixes its seed well (java.util.Random's first draws barely differ for small seeds)
        Chaos chaos = new Chaos(options, options.seed().isPresent()
                ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom());
        Ids ids = new Ids(options.seed().isPresent()
                ? new SplittableRandom(~options.seed().getAsLong()) : new SplittableRandom());
        PaymentApi api = new PaymentApi(new Authorizations(clock, ids), chaos, clock);
        SimulatorHandler handler = new SimulatorHandler(api, new IdempotencyStore(), chaos, options,
                new RequestLog(requestLog));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            return new PaymentSimulator(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), e);
        }
    }

    private static void exitWithParent(long pid) {
        ProcessHandle.of(pid).map(ProcessHandle::onExit).ifPresentOrElse(
                exited -> exited.thenRun(() -> System.exit(0)),
                () -> System.exit(0));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
