package za.voelgoed.console;

/** Main class of console.jar: JavaFX refuses to start an Application subclass launched from the class path. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.out.println("console");
    }
}
