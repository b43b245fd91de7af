package za.voelgoed.console.testing;

import java.util.Arrays;
import za.voelgoed.Main;

/**
 * The entry point of a {@link BackendProcess} child: watches the parent's pid (the first argument) and
 * halts when the parent is gone, then runs the real {@link Main} with the remaining arguments. A test run
 * killed with SIGKILL, whose shutdown hooks never run, so leaves no backend listening, as the payment
 * simulator's {@code --parent-pid} does for it.
 */
public final class BackendChildMain {

    private BackendChildMain() {
    }

    public static void main(String[] args) {
        long parent = Long.parseLong(args[0]);
        ProcessHandle.of(parent).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                () -> Runtime.getRuntime().halt(3));
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
