package za.voelgoed.console.wall.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WallViewModelTest {

    @Test
    void rotatesAtTheIntervalAndWrapsAround() {
        WallViewModel wall = new WallViewModel(3);
        wall.interval().set(Duration.ofSeconds(10));
        wall.tick(0);
        wall.tick(9_999);
        assertThat(wall.page().get()).isZero();
        wall.tick(10_000);
        assertThat(wall.page().get()).isEqualTo(1);
        wall.tick(20_000);
        wall.tick(30_000);
        assertThat(wall.page().get()).isZero();
    }

    @Test
    void holdingStopsTheRotationAndTheNextKeyRestartsTheInterval() {
        WallViewModel wall = new WallViewModel(2);
        wall.interval().set(Duration.ofSeconds(5));
        wall.tick(0);
        wall.holding().set(true);
        wall.tick(60_000);
        assertThat(wall.page().get()).isZero();
        wall.holding().set(false);
        wall.next(61_000);
        assertThat(wall.page().get()).isEqualTo(1);
        wall.tick(65_000);
        assertThat(wall.page().get()).isEqualTo(1);
        wall.tick(66_000);
        assertThat(wall.page().get()).isZero();
    }

    @Test
    void aWallNeedsAPage() {
        assertThatThrownBy(() -> new WallViewModel(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showJumpsToAPageAndItsIntervalStartsAfresh() {
        WallViewModel wall = new WallViewModel(3);
        wall.show(2);
        assertThat(wall.page().get()).isEqualTo(2);
        wall.tick(1_000);
        wall.tick(1_000 + 19_999);
        assertThat(wall.page().get()).isEqualTo(2);
        wall.tick(1_000 + 20_000);
        assertThat(wall.page().get()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wall.show(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesThatComeAndGoJoinTheRotationAndAPageThatWentShowsTheFirst() {
        WallViewModel wall = new WallViewModel(3);
        wall.interval().set(Duration.ofSeconds(10));
        wall.pages(4); // a show with more gates than the gates page holds
        wall.show(3);
        wall.tick(0);
        wall.tick(10_000);
        assertThat(wall.page().get()).as("the rotation wraps after the fourth page").isZero();
        wall.show(3);
        wall.pages(3);
        assertThat(wall.page().get()).isZero();
        assertThat(wall.pageCount()).isEqualTo(3);
        assertThatThrownBy(() -> wall.pages(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
