package za.voelgoed.orgs;

import static za.voelgoed.platform.db.schema.Tables.ORGANIZATIONS;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.db.schema.tables.records.OrganizationsRecord;

/** SQL of the organisations slice. */
final class OrgStore {

    private OrgStore() {
    }

    static Organization insert(DSLContext sql, UUID id, String name, String slug) {
        return toOrg(sql.insertInto(ORGANIZATIONS)
                .set(ORGANIZATIONS.ID, id).set(ORGANIZATIONS.NAME, name).set(ORGANIZATIONS.SLUG, slug)
                .returning().fetchOne());
    }

    static Optional<Organization> find(DSLContext sql, UUID id) {
        return sql.selectFrom(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(id)).fetchOptional(OrgStore::toOrg);
    }

    static boolean slugTaken(DSLContext sql, String slug) {
        return sql.fetchExists(ORGANIZATIONS, ORGANIZATIONS.SLUG.eq(slug));
    }

    private static Organization toOrg(OrganizationsRecord r) {
        return new Organization(r.getId(), r.getName(), r.getSlug(), r.getCreatedAt().toInstant());
    }
}
