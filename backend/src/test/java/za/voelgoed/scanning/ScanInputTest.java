package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.http.ApiException;

class ScanInputTest {

    private static final UUID SESSION = UUID.randomUUID();

    private static ScanRequest scan(String code, String nonce, String direction) {
        return new ScanRequest(code, SESSION, nonce, null, direction);
    }

    private static ScanSession session(String direction) {
        return new ScanSession(SESSION, UUID.randomUUID(), UUID.randomUUID(), "North", direction, List.of(), null,
                OffsetDateTime.now(), null);
    }

    private static int status(Runnable check) {
        try {
            check.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void aCodeMustBeThereAndShort() {
        assertThat(status(() -> ScanInput.check(scan("v2.abc", "n1", null)))).isEqualTo(200);
        assertThat(status(() -> ScanInput.check(scan("", "n1", null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(scan("  ", "n1", null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(scan(null, "n1", null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(scan("x".repeat(ScanInput.MAX_CODE + 1), "n1", null)))).isEqualTo(422);
    }

    @Test
    void aNonceAndASessionAreRequiredAndADirectionIsEntryOrExit() {
        assertThat(status(() -> ScanInput.check(scan("c", null, null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(scan("c", "n".repeat(ScanInput.MAX_NONCE + 1), null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(new ScanRequest("c", null, "n", null, null)))).isEqualTo(422);
        assertThat(status(() -> ScanInput.check(scan("c", "n", "sideways")))).isEqualTo(422);
    }

    @Test
    void aBatchHoldsOneToAThousandGoodScans() {
        List<ScanRequest> full = new ArrayList<>(Collections.nCopies(ScanInput.MAX_BATCH, scan("c", "n", null)));
        assertThat(status(() -> ScanInput.checkBatch(full))).isEqualTo(200);
        full.add(scan("c", "n", null));
        assertThat(status(() -> ScanInput.checkBatch(full))).isEqualTo(422);
        assertThat(status(() -> ScanInput.checkBatch(List.of()))).isEqualTo(422);
        assertThatThrownBy(() -> ScanInput.checkBatch(List.of(scan("c", "n", null), scan("", "n", null))))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem().toString()).contains("scans[1].code"));
    }

    @Test
    void aScanTakesItsSessionsDirectionAndMayNotGoAgainstIt() {
        assertThat(ScanInput.direction(session("entry"), scan("c", "n", null))).isEqualTo(Direction.ENTRY);
        assertThat(ScanInput.direction(session("both"), scan("c", "n", null))).isEqualTo(Direction.ENTRY);
        assertThat(ScanInput.direction(session("both"), scan("c", "n", "entry"))).isEqualTo(Direction.ENTRY);
        assertThat(ScanInput.direction(session("both"), scan("c", "n", "exit"))).isEqualTo(Direction.EXIT);
        assertThat(ScanInput.direction(session("exit"), scan("c", "n", null))).isEqualTo(Direction.EXIT);
        assertThat(ScanInput.direction(session("exit"), scan("c", "n", "exit"))).isEqualTo(Direction.EXIT);
        assertThat(status(() -> ScanInput.direction(session("entry"), scan("c", "n", "exit")))).isEqualTo(422);
        assertThat(status(() -> ScanInput.direction(session("exit"), scan("c", "n", "entry")))).isEqualTo(422);
    }
}
