package za.voelgoed.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        long millis = 1_796_200_000_123L;
        UUID id = TimeOrderedIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.millisOf(id)).isEqualTo(millis);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        List<String> made = new ArrayList<>();
        for (long ms = 1_796_200_000_000L; ms < 1_796_200_000_500L; ms++) {
            made.add(TimeOrderedIds.at(ms).toString());
        }
        // PostgreSQL orders uuids by their bytes, which the lower-case text form orders alike
        assertThat(made).isSorted();
    }

    @Test
    void idsOfOneMillisecondStayDistinct() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_200_000_000L));
        }
        assertThat(ids).hasSize(100_000);
    }
}
