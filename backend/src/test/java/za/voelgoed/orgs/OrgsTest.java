package za.voelgoed.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgsTest {

    @Test
    void slugIsMadeFromTheName() {
        assertThat(Orgs.slugOf("Kaapstad Live!")).isEqualTo("kaapstad-live");
        assertThat(Orgs.slugOf("  Café Ümlaut & Co ")).isEqualTo("cafe-umlaut-co");
        assertThat(Orgs.slugOf("x".repeat(80))).hasSize(63);
    }

    @Test
    void slugPatternRefusesEdgeHyphensAndUppercase() {
        assertThat(Orgs.SLUG.matcher("ok-slug").matches()).isTrue();
        assertThat(Orgs.SLUG.matcher("-bad").matches()).isFalse();
        assertThat(Orgs.SLUG.matcher("bad-").matches()).isFalse();
        assertThat(Orgs.SLUG.matcher("Bad").matches()).isFalse();
        assertThat(Orgs.SLUG.matcher("").matches()).isFalse();
    }
}
