package za.voelgoed.ticketing;

import java.util.UUID;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * The upgrade from the one global key of the V8 release, stored in clear: the first node of this release
 * seals it, as a retiring key, into every organisation that holds v1 codes it signed (those codes keep
 * verifying until an owner retires it there), and deletes the plaintext row, in one transaction. An
 * organisation without such codes never trusts it.
 */
final class LegacyTicketKey {

    private LegacyTicketKey() {
    }

    /** How many organisations got the legacy key; 0 once no plaintext key is left. */
    static int sealIntoOrganizations(Outbox outbox, MasterKey master) {
        return outbox.transact(Actor.system(), tx -> {
            int sealed = 0;
            for (TicketKeyStore.LegacyKey legacy : TicketKeyStore.lockLegacy(tx.sql())) {
                TicketSigningKeys keys = TicketSigningKeys.fromLegacyText(legacy.keyId(), legacy.privateB64(),
                        legacy.publicB64());
                for (UUID orgId : TicketKeyStore.orgsWithV1Codes(tx.sql(), legacy.keyId())) {
                    sealed += sealInto(tx, master, keys, orgId) ? 1 : 0;
                }
                TicketKeyStore.deleteLegacy(tx.sql(), legacy.keyId());
            }
            return sealed;
        });
    }

    private static boolean sealInto(Transaction tx, MasterKey master, TicketSigningKeys keys, UUID orgId) {
        UUID id = UUID.randomUUID();
        boolean inserted = TicketKeyStore.insertRetiring(tx.sql(), new TicketKeyStore.NewKey(id, orgId, keys.keyId(),
                keys.seal(master, orgId), keys.encodePublic()));
        if (inserted) {
            tx.emit(EventTypes.TICKET_KEY_CREATED_V1, orgId, id, Json.object().put("key_id", keys.keyId())
                    .put("status", "retiring").put("origin", "legacy_plaintext"));
        }
        return inserted;
    }
}
