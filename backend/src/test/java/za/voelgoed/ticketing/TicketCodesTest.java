package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.secrets.MasterKey;

class TicketCodesTest {

    private final TicketSigningKeys keys = TicketSigningKeys.generate();
    private final Map<String, PublicKey> trusted = Map.of(keys.keyId(), keys.publicKey());
    private final UUID org = UUID.randomUUID();
    private final UUID ticket = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();

    @Test
    void aCodeVerifiesWithThePublicKeyAloneAndNamesItsTicketShowAndOrganisation() throws Exception {
        String code = TicketCodes.issue(keys, org, ticket, show);
        PublicKey fromText = TicketSigningKeys.publicKey(keys.encodePublic());

        var verified = TicketCodes.verify(org, Map.of(keys.keyId(), fromText), code);

        assertThat(verified).isPresent();
        assertThat(verified.get().ticketId()).isEqualTo(ticket);
        assertThat(verified.get().eventId()).isEqualTo(show);
        assertThat(verified.get().organizationId()).isEqualTo(org);
        assertThat(verified.get().keyId()).isEqualTo(keys.keyId());
        assertThat(verified.get().version()).isEqualTo(2);
        assertThat(code).startsWith("v2." + keys.keyId() + ".").hasSizeLessThan(200);
    }

    @Test
    void twoCodesForOneTicketDifferAndBothVerify() {
        String first = TicketCodes.issue(keys, org, ticket, show);
        String second = TicketCodes.issue(keys, org, ticket, show);
        assertThat(first).isNotEqualTo(second);
        assertThat(TicketCodes.verify(org, trusted, first)).isPresent();
        assertThat(TicketCodes.verify(org, trusted, second)).isPresent();
    }

    @Test
    void anyChangedCharacterOrAnotherKeyMakesTheCodeInvalid() {
        String code = TicketCodes.issue(keys, org, ticket, show);
        for (int i = 0; i < code.length(); i++) {
            char swapped = code.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = code.substring(0, i) + swapped + code.substring(i + 1);
            assertThat(TicketCodes.verify(org, trusted, tampered)).as("changed at %d", i).isEmpty();
        }
        TicketSigningKeys other = TicketSigningKeys.generate();
        assertThat(TicketCodes.verify(org, Map.of(keys.keyId(), other.publicKey()), code)).isEmpty();
        assertThat(TicketCodes.verify(org, Map.of(other.keyId(), other.publicKey()), code)).isEmpty();
    }

    @Test
    void aCodeOfAnotherOrganisationIsRefusedEvenUnderTheKeyThatSignedIt() {
        UUID otherOrg = UUID.randomUUID();
        String code = TicketCodes.issue(keys, org, ticket, show);

        assertThat(TicketCodes.verify(otherOrg, trusted, code)).isEmpty();
        assertThat(TicketCodes.verify(org, trusted, code)).isPresent();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        String v2 = TicketCodes.issue(keys, org, ticket, show);
        String[] parts = v2.split("\\.");
        for (String junk : new String[] {null, "", "v1", "v2", "v1...", "v2...", "v3.a.b.c", "v2." + keys.keyId()
                + ".%%%.***", "x".repeat(10_000), "v2." + keys.keyId() + ".AAAA.AAAA", v2 + ".", v2 + "=",
                "v3." + parts[1] + "." + parts[2] + "." + parts[3], v2 + "A".repeat(300 - v2.length() + 1)}) {
            assertThat(TicketCodes.verify(org, trusted, junk)).isEmpty();
        }
    }

    @Test
    void v1CodesOfTheEarlierReleaseStillVerifyButNameNoOrganisation() throws Exception {
        String v1 = V1Codes.issue(keys, ticket, show);

        var verified = TicketCodes.verify(org, trusted, v1);

        assertThat(verified).isPresent();
        assertThat(verified.get().ticketId()).isEqualTo(ticket);
        assertThat(verified.get().eventId()).isEqualTo(show);
        assertThat(verified.get().organizationId()).isNull();
        assertThat(verified.get().version()).isEqualTo(1);
        TicketSigningKeys other = TicketSigningKeys.generate();
        assertThat(TicketCodes.verify(org, Map.of(other.keyId(), other.publicKey()), v1)).isEmpty();
        assertThat(TicketCodes.verify(org, trusted, "v2" + v1.substring(2))).as("relabelled as v2").isEmpty();
    }

    @Test
    void aSealedKeyOpensOnlyForItsOrganisationWithTheSameMasterKey() {
        MasterKey master = MasterKey.of(MasterKey.generate());
        String sealed = keys.seal(master, org);

        TicketSigningKeys back = TicketSigningKeys.unseal(master, org, keys.keyId(), sealed, keys.encodePublic());

        assertThat(sealed).startsWith("gcm1:").doesNotContain(V1Codes.plaintextPrivate(keys));
        assertThat(TicketCodes.verify(org, trusted, TicketCodes.issue(back, org, ticket, show))).isPresent();
        assertThatThrownBy(() -> TicketSigningKeys.unseal(master, UUID.randomUUID(), keys.keyId(), sealed,
                keys.encodePublic())).isInstanceOf(MasterKey.SealedValueException.class);
        assertThatThrownBy(() -> TicketSigningKeys.unseal(MasterKey.of(MasterKey.generate()), org, keys.keyId(), sealed,
                keys.encodePublic())).isInstanceOf(MasterKey.SealedValueException.class);
        assertThat(back.toString()).doesNotContain(V1Codes.plaintextPrivate(keys));
    }

    @Test
    void aNewKeyNeverTakesAnIdTheOrganisationAlreadyUses() {
        TicketSigningKeys fresh = TicketSigningKeys.generateUnlike(Set.of(keys.keyId()));
        assertThat(fresh.keyId()).isNotEqualTo(keys.keyId()).matches("[0-9a-f]{8}");
    }

    @Test
    void aCodeNamesItsTicketOnlyUnderOneOfTheOrganisationsKeyIdsAndForItsOrganisation() throws Exception {
        String code = TicketCodes.issue(keys, org, ticket, show);

        assertThat(TicketCodes.ticketNamed(org, Set.of(keys.keyId()), code)).contains(ticket);
        assertThat(TicketCodes.ticketNamed(org, Set.of(), code)).as("its key retired").isEmpty();
        assertThat(TicketCodes.ticketNamed(UUID.randomUUID(), Set.of(keys.keyId()), code)).as("another org")
                .isEmpty();
        assertThat(TicketCodes.ticketNamed(org, Set.of(keys.keyId()), V1Codes.issue(keys, ticket, show)))
                .as("v1 names no organisation").contains(ticket);
        String[] parts = code.split("\\.");
        for (String junk : new String[] {null, "", "v2", "v2...", "v3." + parts[1] + "." + parts[2] + "." + parts[3],
                code + "=", "v2." + keys.keyId() + ".AAAA." + parts[3], "x".repeat(10_000)}) {
            assertThat(TicketCodes.ticketNamed(org, Set.of(keys.keyId()), junk)).isEmpty();
        }
    }
}
