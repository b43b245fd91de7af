package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodesTest {

    private final TicketSigningKeys keys = TicketSigningKeys.generate();
    private final Map<String, PublicKey> trusted = Map.of(keys.keyId(), keys.publicKey());
    private final UUID ticket = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();

    @Test
    void aCodeVerifiesWithThePublicKeyAloneAndNamesItsTicketAndShow() throws Exception {
        String code = TicketCodes.issue(keys, ticket, show);
        PublicKey fromText = TicketSigningKeys.publicKey(keys.encodePublic());

        var verified = TicketCodes.verify(Map.of(keys.keyId(), fromText), code);

        assertThat(verified).isPresent();
        assertThat(verified.get().ticketId()).isEqualTo(ticket);
        assertThat(verified.get().eventId()).isEqualTo(show);
        assertThat(code).startsWith("v1." + keys.keyId() + ".").hasSizeLessThan(200);
    }

    @Test
    void twoCodesForOneTicketDifferAndBothVerify() {
        String first = TicketCodes.issue(keys, ticket, show);
        String second = TicketCodes.issue(keys, ticket, show);
        assertThat(first).isNotEqualTo(second);
        assertThat(TicketCodes.verify(trusted, first)).isPresent();
        assertThat(TicketCodes.verify(trusted, second)).isPresent();
    }

    @Test
    void anyChangedCharacterOrAnotherKeyMakesTheCodeInvalid() {
        String code = TicketCodes.issue(keys, ticket, show);
        for (int i = 0; i < code.length(); i++) {
            char swapped = code.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = code.substring(0, i) + swapped + code.substring(i + 1);
            assertThat(TicketCodes.verify(trusted, tampered)).as("changed at %d", i).isEmpty();
        }
        TicketSigningKeys other = TicketSigningKeys.generate();
        assertThat(TicketCodes.verify(Map.of(keys.keyId(), other.publicKey()), code)).isEmpty();
        assertThat(TicketCodes.verify(Map.of(other.keyId(), other.publicKey()), code)).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String junk : new String[] {null, "", "v1", "v1...", "v2.a.b.c", "v1." + keys.keyId() + ".%%%.***",
                "x".repeat(10_000), "v1." + keys.keyId() + ".AAAA.AAAA"}) {
            assertThat(TicketCodes.verify(trusted, junk)).isEmpty();
        }
    }

    @Test
    void storedKeysReadBackToTheSamePair() {
        TicketSigningKeys back = TicketSigningKeys.fromEncoded(keys.keyId(), keys.encodePrivate(), keys.encodePublic());
        assertThat(TicketCodes.verify(trusted, TicketCodes.issue(back, ticket, show))).isPresent();
    }
}
