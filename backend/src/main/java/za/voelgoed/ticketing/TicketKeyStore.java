package za.voelgoed.ticketing;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The SQL of the organisations' ticket signing keys ({@code org_ticket_keys}) and of the V8 plaintext key. */
final class TicketKeyStore {

    private static final String COLUMNS =
            "id, organization_id, key_id, private_key, public_key, status, created_at, retired_at";

    private TicketKeyStore() {
    }

    /** A key's row; {@code sealedPrivate} is null once it is retired. */
    record StoredKey(UUID id, UUID orgId, String keyId, String sealedPrivate, String publicKey, String status,
                     OffsetDateTime createdAt, OffsetDateTime retiredAt) {
    }

    /** A key to insert, its private half already sealed. */
    record NewKey(UUID id, UUID orgId, String keyId, String sealedPrivate, String publicKey) {
    }

    /**
     * Inserts {@code key} as the organisation's active key unless it has one (or the organisation does not
     * exist); whether it was inserted. A concurrent insert waits for the other to commit, then does nothing.
     */
    static boolean insertActiveIfNone(DSLContext tx, NewKey key) {
        return tx.execute("""
                insert into org_ticket_keys (id, organization_id, key_id, private_key, public_key, status)
                select ?, ?, ?, ?, ?, 'active' where exists (select 1 from organizations where id = ?)
                on conflict do nothing""", key.id(), key.orgId(), key.keyId(), key.sealedPrivate(), key.publicKey(),
                key.orgId()) == 1;
    }

    /** Inserts {@code key} as retiring unless the organisation has a key of that id; whether it was inserted. */
    static boolean insertRetiring(DSLContext tx, NewKey key) {
        return tx.execute("""
                insert into org_ticket_keys (id, organization_id, key_id, private_key, public_key, status)
                values (?, ?, ?, ?, ?, 'retiring') on conflict (organization_id, key_id) do nothing""",
                key.id(), key.orgId(), key.keyId(), key.sealedPrivate(), key.publicKey()) == 1;
    }

    /**
     * The active key, share-locked until the transaction ends: it can still be rotated meanwhile (the
     * update does not touch a key column), but retiring it waits, so no code is stored after its key retired.
     */
    static Optional<StoredKey> lockActive(DSLContext tx, UUID orgId) {
        return tx.fetchOptional("select " + COLUMNS + " from org_ticket_keys where organization_id = ?"
                + " and status = 'active' for key share", orgId).map(TicketKeyStore::row);
    }

    static boolean hasActive(DSLContext dsl, UUID orgId) {
        return dsl.fetchExists(dsl.selectOne().from("org_ticket_keys").where("organization_id = ?", orgId)
                .and("status = 'active'"));
    }

    /** The key, locked against signing checkouts and other changes; empty if the organisation has no such key. */
    static Optional<StoredKey> lockForChange(DSLContext tx, UUID orgId, String keyId) {
        return tx.fetchOptional("select " + COLUMNS + " from org_ticket_keys where organization_id = ?"
                + " and key_id = ? for update", orgId, keyId).map(TicketKeyStore::row);
    }

    /** Serialises the key changes of one organisation; false if it does not exist. */
    static boolean lockOrganization(DSLContext tx, UUID orgId) {
        return tx.fetchOptional("select 1 from organizations where id = ? for no key update", orgId).isPresent();
    }

    /** The keys codes verify under, active first, then retiring ones newest first. */
    static List<StoredKey> verifying(DSLContext dsl, UUID orgId) {
        return dsl.fetch("select " + COLUMNS + " from org_ticket_keys where organization_id = ?"
                + " and status in ('active', 'retiring') order by status = 'active' desc, created_at desc, key_id",
                orgId).map(TicketKeyStore::row);
    }

    /** The ids of the keys codes verify under (active and retiring), without their key material. */
    static Set<String> keyIds(DSLContext tx, UUID orgId) {
        return new HashSet<>(tx.fetch("select key_id from org_ticket_keys where organization_id = ?", orgId)
                .getValues(0, String.class));
    }

    static void demote(DSLContext tx, UUID id) {
        tx.execute("update org_ticket_keys set status = 'retiring' where id = ? and status = 'active'", id);
    }

    /** Retires the key and erases its private half: a retired key can never sign or be brought back. */
    static StoredKey retire(DSLContext tx, UUID id) {
        return row(tx.fetchOne("update org_ticket_keys set status = 'retired', retired_at = now(), private_key = null"
                + " where id = ? returning " + COLUMNS, id));
    }

    /** A plaintext key row of the V8 release. */
    record LegacyKey(String keyId, String privateB64, String publicB64) {
    }

    /** The plaintext keys left by the V8 release, locked: a second node starting at once waits, then finds none. */
    static List<LegacyKey> lockLegacy(DSLContext tx) {
        return tx.fetch("select key_id, private_key, public_key from legacy_ticket_signing_keys for update")
                .map(r -> new LegacyKey(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)));
    }

    /** The organisations holding v1 codes signed by {@code keyId}. */
    static List<UUID> orgsWithV1Codes(DSLContext tx, String keyId) {
        return tx.fetch("select distinct organization_id from tickets where code like ?", "v1." + keyId + ".%")
                .getValues(0, UUID.class);
    }

    static void deleteLegacy(DSLContext tx, String keyId) {
        tx.execute("delete from legacy_ticket_signing_keys where key_id = ?", keyId);
    }

    private static StoredKey row(Record r) {
        return new StoredKey(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, OffsetDateTime.class),
                r.get(7, OffsetDateTime.class));
    }
}
