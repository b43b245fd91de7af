package za.voelgoed.paysim;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Provider-style ids ({@code auth_…}, {@code ref_…}); repeatable under {@code --seed}. */
final class Ids {

    private final RandomGenerator random;

    Ids(RandomGenerator random) {
        this.random = random;
    }

    synchronized String next(String prefix) {
        return prefix + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }
}
