package za.voelgoed.orgs;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;

/** The organisations slice's API for other slices and for its routes. */
public final class Orgs {

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final Outbox outbox;
    private final DSLContext dsl;

    public Orgs(Outbox outbox, DSLContext dsl) {
        this.outbox = outbox;
        this.dsl = dsl;
    }

    /** Input of {@code POST /api/orgs}; {@code slug} defaults to one made from the name. */
    public record NewOrg(String name, String slug) {
    }

    public Organization create(Actor actor, NewOrg input) {
        Validation v = new Validation().text(input.name(), "name", 1, 200);
        String slug = input.slug() == null && input.name() != null ? slugOf(input.name()) : input.slug();
        v.require(slug != null && SLUG.matcher(slug).matches(), "slug",
                "must be 1 to 63 lowercase letters, digits or inner hyphens").orThrow();
        try {
            return outbox.transact(actor, tx -> {
                if (OrgStore.slugTaken(tx.sql(), slug)) {
                    throw ApiException.conflict("slug_taken", "an organisation with this slug exists");
                }
                return OrgStore.insert(tx.sql(), UUID.randomUUID(), input.name().strip(), slug);
            });
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw ApiException.conflict("slug_taken", "an organisation with this slug exists");
            }
            throw e;
        }
    }

    public Optional<Organization> find(UUID id) {
        return OrgStore.find(dsl, id);
    }

    /** The organisation, or a 404 problem. */
    public Organization require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("org_not_found", "no organisation " + id));
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }
}
