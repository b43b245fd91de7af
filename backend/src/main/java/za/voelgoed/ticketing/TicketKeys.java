package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Each organisation's ticket signing keys: one active key signs, retiring keys still verify, retired keys
 * do neither. An organisation's first key is made on first need, by whichever node needs it first. Every
 * checkout reads which key is active inside its own transaction (one indexed row), so a rotation on one
 * node is used by every node from its commit on. Only opened private keys are cached per node: a stored
 * key's pair never changes.
 */
public final class TicketKeys {

    private static final System.Logger LOG = System.getLogger(TicketKeys.class.getName());
    /** Entries a per-node cache keeps; past this it starts over (reopening a key is one AES-GCM decryption). */
    private static final int MAX_CACHED = 10_000;

    private final Outbox outbox;
    private final DSLContext dsl;
    private final MasterKey master;
    /** By row id, never by key id: a row id is never reused, even by a key whose creation rolled back. */
    private final Map<UUID, TicketSigningKeys> opened = new ConcurrentHashMap<>();
    private final Set<UUID> withActiveKey = ConcurrentHashMap.newKeySet();

    private TicketKeys(Outbox outbox, DSLContext dsl, MasterKey master) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.master = master;
    }

    /** The keys of a node; a plaintext key an earlier release left is sealed into its organisations first. */
    public static TicketKeys start(Outbox outbox, DSLContext dsl, MasterKey master) {
        int sealed = LegacyTicketKey.sealIntoOrganizations(outbox, master);
        if (sealed > 0) {
            LOG.log(Level.INFO, "legacy_ticket_key_sealed organizations=" + sealed);
        }
        return new TicketKeys(outbox, dsl, master);
    }

    /**
     * Makes the organisation's first key, if it has none, in a transaction of its own: made inside a checkout,
     * every concurrent first checkout of the organisation would wait for that whole checkout to commit. An
     * organisation that has an active key always keeps one (a rotation replaces it, retiring refuses it), so
     * once seen it is not asked again.
     */
    void ensureActive(Actor actor, UUID orgId) {
        if (withActiveKey.contains(orgId)) {
            return;
        }
        if (!TicketKeyStore.hasActive(dsl, orgId)) {
            outbox.transact(actor, tx -> activeOrCreate(tx, orgId));
        }
        if (withActiveKey.size() > MAX_CACHED) {
            withActiveKey.clear();
        }
        withActiveKey.add(orgId);
    }

    /**
     * The organisation's active key, locked against retirement until {@code tx} ends; made here only if it is
     * still missing after {@link #ensureActive} (its rows were deleted under a running node).
     */
    TicketSigningKeys signer(Transaction tx, UUID orgId) {
        TicketKeyStore.StoredKey active = activeOrCreate(tx, orgId);
        if (opened.size() > MAX_CACHED) {
            opened.clear();
        }
        return opened.computeIfAbsent(active.id(), ignored -> TicketSigningKeys.unseal(master,
                orgId, active.keyId(), active.sealedPrivate(), active.publicKey()));
    }

    /** The keys the organisation's codes verify under (active first, then retiring); makes the first key. */
    public List<TicketKeyView> verifying(Actor actor, UUID orgId) {
        List<TicketKeyStore.StoredKey> keys = TicketKeyStore.verifying(dsl, orgId);
        if (keys.stream().noneMatch(k -> k.status().equals("active"))) {
            outbox.transact(actor, tx -> activeOrCreate(tx, orgId));
            keys = TicketKeyStore.verifying(dsl, orgId);
        }
        return keys.stream().map(TicketKeyView::of).toList();
    }

    /**
     * The ticket a code of {@code orgId} names, if its signature holds under one of the organisation's active or
     * retiring keys, read from PostgreSQL on every call (one indexed query), so a retired key stops verifying at
     * once on every node. Never throws on bad input.
     */
    public Optional<TicketCodes.VerifiedTicket> verify(UUID orgId, String code) {
        return TicketCodes.verify(orgId, publicKeys(orgId), code);
    }

    /** The public keys the organisation's codes verify under now, by key id (for {@link TicketCodes#verify}). */
    public Map<String, java.security.PublicKey> publicKeys(UUID orgId) {
        Map<String, java.security.PublicKey> keys = new java.util.HashMap<>();
        for (TicketKeyStore.StoredKey key : TicketKeyStore.verifying(dsl, orgId)) {
            try {
                keys.put(key.keyId(), TicketSigningKeys.publicKey(key.publicKey()));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "ticket_key_unreadable org=" + orgId + " key=" + key.keyId());
            }
        }
        return keys;
    }

    /** A new active key; the previous active key becomes retiring, so its codes keep verifying. */
    public TicketKeyView rotate(Actor actor, UUID orgId) {
        return outbox.transact(actor, tx -> {
            lockOrganization(tx, orgId);
            Optional<TicketKeyStore.StoredKey> previous = replaceActive(tx, orgId);
            TicketKeyStore.StoredKey fresh = TicketKeyStore.lockActive(tx.sql(), orgId).orElseThrow();
            var data = Json.object().put("key_id", fresh.keyId());
            previous.ifPresent(p -> data.put("previous_key_id", p.keyId()));
            tx.emit(EventTypes.TICKET_KEY_ROTATED_V1, orgId, fresh.id(), data);
            return TicketKeyView.of(fresh);
        });
    }

    /**
     * Demotes the active key (if any) and inserts a new one; returns the key it demoted. Rotations are
     * serialised by the organisation's lock, but a checkout making the first key does not take it, so a key
     * this saw missing can appear while the insert waits: then once more, with that key as the previous one.
     */
    private Optional<TicketKeyStore.StoredKey> replaceActive(Transaction tx, UUID orgId) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<TicketKeyStore.StoredKey> previous = TicketKeyStore.lockActive(tx.sql(), orgId);
            previous.ifPresent(p -> TicketKeyStore.demote(tx.sql(), p.id()));
            if (TicketKeyStore.insertActiveIfNone(tx.sql(), newKey(orgId, TicketKeyStore.keyIds(tx.sql(), orgId)))) {
                return previous;
            }
        }
        throw ApiException.conflict("ticket_keys_changed", "the keys changed meanwhile; try again");
    }

    /** Ends a retiring key: its codes stop verifying and its private half is erased. */
    public TicketKeyView retire(Actor actor, UUID orgId, String keyId) {
        return outbox.transact(actor, tx -> {
            lockOrganization(tx, orgId);
            TicketKeyStore.StoredKey key = TicketKeyStore.lockForChange(tx.sql(), orgId, keyId)
                    .orElseThrow(() -> ApiException.notFound("ticket_key_not_found", "no such ticket key"));
            switch (key.status()) {
                case "active" -> throw ApiException.conflict("ticket_key_active",
                        "the active key cannot be retired; rotate first, then retire it");
                case "retired" -> throw ApiException.conflict("ticket_key_retired", "the key is already retired");
                default -> { }
            }
            TicketKeyStore.StoredKey after = TicketKeyStore.retire(tx.sql(), key.id());
            tx.emit(EventTypes.TICKET_KEY_RETIRED_V1, orgId, key.id(), Json.object().put("key_id", key.keyId()));
            // only an active key is ever opened for signing, so this is tidiness, not what stops it signing
            opened.remove(key.id());
            return TicketKeyView.of(after);
        });
    }

    private TicketKeyStore.StoredKey activeOrCreate(Transaction tx, UUID orgId) {
        Optional<TicketKeyStore.StoredKey> active = TicketKeyStore.lockActive(tx.sql(), orgId);
        if (active.isPresent()) {
            return active.get();
        }
        TicketKeyStore.NewKey fresh = newKey(orgId, TicketKeyStore.keyIds(tx.sql(), orgId));
        if (TicketKeyStore.insertActiveIfNone(tx.sql(), fresh)) {
            tx.emit(EventTypes.TICKET_KEY_CREATED_V1, orgId, fresh.id(), Json.object().put("key_id", fresh.keyId())
                    .put("status", "active").put("origin", "generated"));
        }
        // ours, or the one another node committed while our insert waited for it
        return TicketKeyStore.lockActive(tx.sql(), orgId)
                .orElseThrow(() -> ApiException.notFound("org_not_found", "no such organisation"));
    }

    private TicketKeyStore.NewKey newKey(UUID orgId, Set<String> taken) {
        TicketSigningKeys fresh = TicketSigningKeys.generateUnlike(taken);
        return new TicketKeyStore.NewKey(UUID.randomUUID(), orgId, fresh.keyId(), fresh.seal(master, orgId),
                fresh.encodePublic());
    }

    private static void lockOrganization(Transaction tx, UUID orgId) {
        if (!TicketKeyStore.lockOrganization(tx.sql(), orgId)) {
            throw ApiException.notFound("org_not_found", "no such organisation");
        }
    }
}
