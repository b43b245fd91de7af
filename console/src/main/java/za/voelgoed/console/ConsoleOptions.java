package za.voelgoed.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import za.voelgoed.console.shell.viewmodel.PageId;

/**
 * The console's command line, with {@code VOELGOED_URL}, {@code VOELGOED_TOKEN} and {@code VOELGOED_ORG}
 * from the environment as defaults (as the {@code dlq} tool reads them). Both {@code --name value} and
 * {@code --name=value} are accepted; anything else is refused with a sentence.
 */
public record ConsoleOptions(String backend, String token, String org, PageId page, boolean wall, Path screenshot,
                             Duration rotateEvery, Duration staleAfter, boolean dark, boolean keepToken,
                             boolean help) {

    public static final String USAGE = """
            Usage: console [options]
              --backend URL        the backend, e.g. http://localhost:8080 (env VOELGOED_URL)
              --token TOKEN        an API token of the organisation (env VOELGOED_TOKEN)
              --org ORG_ID         the organisation (needed with the system admin's token; env VOELGOED_ORG)
              --page PAGE          sales, telemetry, dlq, gates or check-in (default sales)
              --wall               full-screen wall mode with rotating tiles (with --page gates: start on the gates)
              --rotate SECONDS     wall mode: seconds per page (default 20)
              --stale-after SECONDS  warn when no live data came for this long (default 15)
              --theme light|dark   colour theme (default light; dark on the wall)
              --forget-token       do not keep the token on this computer
              --screenshot FILE    show the page, wait for its data, save it as a PNG and exit
              --help               this text
            """;

    /** A command line the console cannot use; the message says why. */
    public static final class InvalidOptionsException extends IllegalArgumentException {
        public InvalidOptionsException(String message) {
            super(message);
        }
    }

    public static ConsoleOptions parse(List<String> args, Map<String, String> env) {
        String backend = blankToNull(env.get("VOELGOED_URL"));
        String token = blankToNull(env.get("VOELGOED_TOKEN"));
        String org = blankToNull(env.get("VOELGOED_ORG"));
        PageId page = PageId.SALES;
        boolean wall = false;
        boolean help = false;
        boolean keepToken = true;
        Boolean dark = null;
        Path screenshot = null;
        Duration rotate = Duration.ofSeconds(20);
        Duration stale = Duration.ofSeconds(15);
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--backend" -> backend = value(name, inline, rest);
                case "--token" -> token = value(name, inline, rest);
                case "--org" -> org = value(name, inline, rest);
                case "--page" -> {
                    String p = value(name, inline, rest);
                    page = PageId.fromOption(p).orElseThrow(() -> new InvalidOptionsException(
                            "--page must be sales, telemetry, dlq, gates or check-in."));
                }
                case "--wall" -> wall = flag(name, inline);
                case "--help", "-h" -> help = flag(name, inline);
                case "--forget-token" -> keepToken = !flag(name, inline);
                case "--screenshot" -> screenshot = Path.of(value(name, inline, rest));
                case "--rotate" -> rotate = seconds(name, value(name, inline, rest));
                case "--stale-after" -> stale = seconds(name, value(name, inline, rest));
                case "--theme" -> {
                    String t = value(name, inline, rest);
                    if (!t.equals("light") && !t.equals("dark")) {
                        throw new InvalidOptionsException("--theme must be light or dark.");
                    }
                    dark = t.equals("dark");
                }
                default -> throw new InvalidOptionsException("Unknown option " + name + "; see --help.");
            }
        }
        if (backend != null && !backend.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new InvalidOptionsException("--backend must be an address like http://localhost:8080.");
        }
        return new ConsoleOptions(backend, token, org, page, wall, screenshot, rotate, stale,
                dark == null ? wall : dark, keepToken, help);
    }

    /** True when the command line says enough to connect without the connection screen. */
    public boolean canConnectDirectly() {
        return backend != null && token != null;
    }

    public Optional<Path> screenshotFile() {
        return Optional.ofNullable(screenshot);
    }

    private static String value(String name, String inline, List<String> rest) {
        if (inline != null) {
            if (inline.isBlank()) {
                throw new InvalidOptionsException(name + " needs a value.");
            }
            return inline;
        }
        if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
            throw new InvalidOptionsException(name + " needs a value.");
        }
        return rest.removeFirst();
    }

    private static boolean flag(String name, String inline) {
        if (inline != null) {
            throw new InvalidOptionsException(name + " takes no value.");
        }
        return true;
    }

    private static Duration seconds(String name, String text) {
        try {
            long s = Long.parseLong(text);
            if (s < 1 || s > 3_600) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(name + " must be a whole number of seconds from 1 to 3600.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
