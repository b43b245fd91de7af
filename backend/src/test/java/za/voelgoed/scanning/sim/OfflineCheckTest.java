package za.voelgoed.scanning.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.ticketing.TicketCodes;
import za.voelgoed.ticketing.TicketSigningKeys;

class OfflineCheckTest {

    private final TicketSigningKeys keys = TicketSigningKeys.generate();
    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    private final OfflineCheck device = new OfflineCheck(org, show, Map.of(keys.keyId(), keys.publicKey()));

    @Test
    void aDeviceAdmitsAValidTicketOnceOnItsOwn() {
        String code = TicketCodes.issue(keys, org, UUID.randomUUID(), show);
        assertThat(device.decide(code)).isEqualTo(OfflineCheck.Local.OK);
        assertThat(device.decide(code)).isEqualTo(OfflineCheck.Local.ALREADY_REDEEMED);
        assertThat(OfflineCheck.Local.OK.admitted()).isTrue();
        assertThat(OfflineCheck.Local.ALREADY_REDEEMED.admitted()).isFalse();
    }

    @Test
    void aCodeOfAnotherShowOrKeyOrOrganisationIsNotAdmitted() {
        assertThat(device.decide(TicketCodes.issue(keys, org, UUID.randomUUID(), UUID.randomUUID())))
                .isEqualTo(OfflineCheck.Local.WRONG_EVENT);
        assertThat(device.decide(TicketCodes.issue(TicketSigningKeys.generate(), org, UUID.randomUUID(), show)))
                .isEqualTo(OfflineCheck.Local.INVALID);
        assertThat(device.decide(TicketCodes.issue(keys, UUID.randomUUID(), UUID.randomUUID(), show)))
                .isEqualTo(OfflineCheck.Local.INVALID);
        assertThat(device.decide("not a code")).isEqualTo(OfflineCheck.Local.INVALID);
        assertThat(OfflineCheck.Local.WRONG_EVENT.wire()).isEqualTo("wrong_event");
    }
}
