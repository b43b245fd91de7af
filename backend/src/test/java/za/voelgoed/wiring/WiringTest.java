package za.voelgoed.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.topic.TopicFamily;

class WiringTest {

    @Test
    void aTopicFamilyHasOneOwner() {
        Wiring wiring = new Wiring().topicOwner(TopicFamily.Scope.ORDER, id -> Optional.empty());

        assertThatThrownBy(() -> wiring.topicOwner(TopicFamily.Scope.ORDER, id -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDER");
        assertThat(wiring.topicOwners()).containsOnlyKeys(TopicFamily.Scope.ORDER);
    }

    @Test
    void partsCloseInTheReverseOfTheirDeclaration() {
        List<String> closed = new ArrayList<>();
        Wiring wiring = new Wiring().closing(() -> closed.add("first")).closing(() -> closed.add("second"));

        for (AutoCloseable part : wiring.closeables()) {
            try {
                part.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        assertThat(closed).containsExactly("second", "first");
    }

    @Test
    void aPartAskedForBeforeItsSliceIsWiredNamesTheSlice() {
        Slice unwired = new Slice() {
            @Override
            public String name() {
                return "seating";
            }

            @Override
            public void wire(Platform platform, Wiring wiring) {
            }
        };

        assertThatThrownBy(() -> Wiring.built(null, unwired)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seating is not wired yet");
        assertThat(Wiring.built("part", unwired)).isEqualTo("part");
    }
}
