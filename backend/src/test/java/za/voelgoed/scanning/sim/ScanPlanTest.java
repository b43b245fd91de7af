package za.voelgoed.scanning.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScanPlanTest {

    private static final List<String> CODES = IntStream.range(0, 100).mapToObj(i -> "c" + i).toList();

    @Test
    void everyCodeOnceInItsOrderWithoutRepeats() {
        assertThat(ScanPlan.of(CODES, 0, 1).all()).isEqualTo(CODES);
    }

    @Test
    void aShareOfCodesIsScannedOnceMoreAfterItsFirstScan() {
        List<String> plan = ScanPlan.of(CODES, 0.2, 7).all();
        assertThat(plan).hasSize(120);
        Map<String, List<Integer>> places = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            places.computeIfAbsent(plan.get(i), c -> new ArrayList<>()).add(i);
        }
        assertThat(places).hasSize(100);
        assertThat(places.values().stream().filter(p -> p.size() == 2)).hasSize(20);
        assertThat(places.values()).allMatch(p -> p.size() <= 2);
        // first scans keep the codes' order
        assertThat(plan.stream().distinct().toList()).isEqualTo(CODES);
    }

    @Test
    void theCursorHandsEachScanOutOnce() {
        ScanPlan plan = ScanPlan.of(CODES, 0, 1);
        assertThat(plan.next(30)).isEqualTo(CODES.subList(0, 30));
        assertThat(plan.next()).isEqualTo("c30");
        assertThat(plan.next(100)).isEqualTo(CODES.subList(31, 100));
        assertThat(plan.next(5)).isEmpty();
        assertThat(plan.next()).isNull();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> ScanPlan.of(CODES, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
