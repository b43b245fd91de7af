package za.voelgoed.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins two class lists of {@code -XX:DumpLoadedClassList} into one that {@code -Xshare:dump} accepts
 * ({@link ClassArchive}): the first as it is, then what the second adds. A class line is {@code name id: N}; the
 * dump refuses a name or an id given twice, so the second list's classes that the first has are left out and
 * the others get ids after the first's highest. Its {@code @} lines (lambda proxies, lambda-form invokers,
 * constant-pool hints) come over unless the first has the same line. Comments are dropped.
 */
final class ClassList {

    private static final String ID = " id: ";

    private ClassList() {
    }

    static List<String> merge(List<String> first, List<String> second) {
        List<String> merged = new ArrayList<>(first);
        Set<String> names = new HashSet<>();
        Set<String> directives = new HashSet<>();
        long highestId = -1;
        for (String line : first) {
            if (hasId(line)) {
                names.add(name(line));
                highestId = Math.max(highestId, id(line));
            } else if (line.startsWith("@")) {
                directives.add(line);
            }
        }
        for (String line : second) {
            if (isClass(line)) {
                if (names.add(name(line))) {
                    merged.add(name(line) + ID + ++highestId);
                }
            } else if (line.startsWith("@") && directives.add(line)) {
                merged.add(line);
            }
        }
        return merged;
    }

    private static boolean hasId(String line) {
        return line.indexOf(ID) > 0 && !line.startsWith("#") && !line.startsWith("@");
    }

    /**
     * A class of the built-in loaders: {@code name id: N} and nothing more. A class from a custom loader names
     * its super by id ({@code super:}, {@code source:}); the console has none, and such a line is dropped rather
     * than renumbered wrongly.
     */
    private static boolean isClass(String line) {
        return hasId(line) && line.indexOf(' ', line.indexOf(ID) + ID.length()) < 0;
    }

    private static String name(String line) {
        return line.substring(0, line.indexOf(ID));
    }

    private static long id(String line) {
        return Long.parseLong(line.substring(line.indexOf(ID) + ID.length()).split(" ", 2)[0]);
    }
}
