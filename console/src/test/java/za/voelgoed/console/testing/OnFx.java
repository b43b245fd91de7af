package za.voelgoed.console.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads the scene graph on the FX thread. A lookup from the test thread walks children lists the FX thread may be
 * changing at that moment (a page swapped in, a table refilled), which fails now and then with an
 * IndexOutOfBoundsException inside TestFX; polling waits do many lookups, so they meet that race first.
 */
public final class OnFx {

    private OnFx() {
    }

    public static <T> T read(Callable<T> reading) {
        try {
            return WaitForAsyncUtils.asyncFx(reading).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the scene", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the scene on the FX thread", e);
        }
    }
}
