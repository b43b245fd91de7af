package za.voelgoed.platform.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the tool: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun dlq(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DlqCli.run(args, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, unixLines(out), unixLines(err));
    }

    private static String unixLines(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** Runs against {@code backend} with url and token given as options, the way most tests want it. */
    static CliRun against(FakeDlqBackend backend, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=" + backend.url();
        all[args.length + 1] = "--token=" + Samples.TOKEN;
        all[args.length + 2] = "--org";
        all[args.length + 3] = Samples.ORG.toString();
        return dlq(Map.of(), all);
    }
}
