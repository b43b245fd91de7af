package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import za.voelgoed.scanning.Presence.Step;

class PresenceTest {

    @Test
    void aFirstEntryAdmitsAndAnEntryOfATicketInsideIsAlreadyRedeemed() {
        assertThat(Presence.step(Direction.ENTRY, 0, false)).isEqualTo(Step.ADMIT);
        assertThat(Presence.step(Direction.ENTRY, 0, true)).isEqualTo(Step.ADMIT);
        assertThat(Presence.step(Direction.ENTRY, 1, true)).isEqualTo(Step.ALREADY_REDEEMED);
        assertThat(Presence.step(Direction.ENTRY, 3, true)).isEqualTo(Step.ALREADY_REDEEMED);
    }

    @Test
    void aTicketThatLeftEntersAgainOnlyWhereTheShowAllowsIt() {
        assertThat(Presence.step(Direction.ENTRY, 2, true)).isEqualTo(Step.MOVE);
        assertThat(Presence.step(Direction.ENTRY, 4, true)).isEqualTo(Step.MOVE);
        assertThat(Presence.step(Direction.ENTRY, 2, false)).isEqualTo(Step.ALREADY_REDEEMED);
    }

    @Test
    void onlyATicketInsideMayExit() {
        assertThat(Presence.step(Direction.EXIT, 1, false)).isEqualTo(Step.MOVE);
        assertThat(Presence.step(Direction.EXIT, 3, true)).isEqualTo(Step.MOVE);
        assertThat(Presence.step(Direction.EXIT, 0, true)).isEqualTo(Step.NOT_INSIDE);
        assertThat(Presence.step(Direction.EXIT, 2, true)).isEqualTo(Step.NOT_INSIDE);
    }

    @Test
    void oddStatesAreInsideAndEvenOnesFromTwoHaveLeft() {
        assertThat(Presence.inside(0)).isFalse();
        assertThat(Presence.left(0)).isFalse();
        assertThat(Presence.inside(1)).isTrue();
        assertThat(Presence.left(2)).isTrue();
        assertThat(Presence.inside(2)).isFalse();
        assertThat(Step.MOVE.result()).isEqualTo(ScanResult.OK);
        assertThat(Step.NOT_INSIDE.result()).isEqualTo(ScanResult.NOT_INSIDE);
    }
}
