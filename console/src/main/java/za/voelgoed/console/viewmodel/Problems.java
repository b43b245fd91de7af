package za.voelgoed.console.viewmodel;

import za.voelgoed.console.api.BackendException;

/** Turns what went wrong into a sentence for the screen; never a stack trace. */
public final class Problems {

    private Problems() {
    }

    public static String sentence(Throwable e) {
        if (e instanceof BackendException b) {
            return b.sentence();
        }
        if (e.getCause() instanceof BackendException b) {
            return b.sentence();
        }
        return "Something went wrong in the console (" + e.getClass().getSimpleName() + "); see its log.";
    }
}
