package za.voelgoed.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes whose live instances grew most between two class histograms of the console's JVM (the
 * {@code GC.class_histogram} text its probe wrote): where a heap that does not stay flat went. The files are
 * deleted once read.
 */
final class HeapHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private HeapHistogram() {
    }

    /** Up to {@code top} lines "class +N instances, +X MiB", biggest growth in bytes first. */
    static List<String> growth(String before, String after, int top) {
        Map<String, long[]> early = read(before);
        Map<String, long[]> late = read(after);
        return late.entrySet().stream()
                .map(e -> {
                    long[] was = early.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %+d instances, %+.1f MiB", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1048576.0))
                .toList();
    }

    /** class → {instances, bytes}; empty when the file is missing ("-": the probe could not write it). */
    private static Map<String, long[]> read(String file) {
        Map<String, long[]> rows = new HashMap<>();
        if (file == null || file.equals("-")) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    rows.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                }
            }
            Files.deleteIfExists(Path.of(file));
        } catch (IOException e) {
            rows.clear();
        }
        return rows;
    }
}
