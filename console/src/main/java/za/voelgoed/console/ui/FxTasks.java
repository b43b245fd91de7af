package za.voelgoed.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import za.voelgoed.console.viewmodel.Tasks;

/** {@link Tasks} for the running application: work on virtual threads, results on the FX thread. */
public final class FxTasks implements Tasks, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FxTasks.class.getName());

    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("console-task-", 0).factory());

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> done.accept(result));
            } catch (Exception e) {
                LOG.log(Level.FINE, "background work failed", e);
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
