package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.scanning.RedisAdmissions.Admission;

class ScanAdmissionTest {

    @Test
    void anAdmissionReadsBackAsItWasWrittenEvenWithBarsInTheGateName() {
        Admission byDevice = new Admission(UUID.randomUUID(), Instant.ofEpochMilli(1_790_000_000_123L),
                UUID.randomUUID(), "North | VIP");
        Admission byPerson = new Admission(UUID.randomUUID(), Instant.ofEpochMilli(5), null, "");
        assertThat(Admission.decode(byDevice.encode())).isEqualTo(byDevice);
        assertThat(Admission.decode(byPerson.encode())).isEqualTo(byPerson);
        assertThat(byDevice.view().gate()).isEqualTo("North | VIP");
        assertThat(byDevice.view().at().toInstant()).isEqualTo(byDevice.at());
    }
}
