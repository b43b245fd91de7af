package za.voelgoed.ticketing;

import org.jooq.DSLContext;

/**
 * The ticket signing key pair, shared by every node through PostgreSQL: the first node to start makes it.
 * Scanners are given only the public key (see the verification route).
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static TicketSigningKeys loadOrCreate(DSLContext dsl) {
        TicketSigningKeys fresh = TicketSigningKeys.generate();
        dsl.execute("""
                insert into ticket_signing_keys (key_id, private_key, public_key)
                select ?, ?, ? where not exists (select 1 from ticket_signing_keys)""",
                fresh.keyId(), fresh.encodePrivate(), fresh.encodePublic());
        var row = dsl.fetchOne("select key_id, private_key, public_key from ticket_signing_keys order by created_at, key_id limit 1");
        return TicketSigningKeys.fromEncoded(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class));
    }
}
