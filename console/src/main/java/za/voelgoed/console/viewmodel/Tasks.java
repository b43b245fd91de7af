package za.voelgoed.console.viewmodel;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one seam for work off the UI thread. ViewModels hand slow work (REST calls) to it and get the
 * result back on the UI thread; views never start threads. The application uses a pool of virtual
 * threads and {@code Platform.runLater}; ViewModel tests use {@link #direct()}, which runs everything at
 * once on the caller's thread.
 */
public interface Tasks {

    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed);

    /** Runs {@code action} on the UI thread. */
    void onUi(Runnable action);

    /** Runs work and callbacks at once on the calling thread: for tests without a toolkit. */
    static Tasks direct() {
        return new Tasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }
        };
    }
}
