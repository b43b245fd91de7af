package za.voelgoed.orgs;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.auth.AccessFilter;

/** {@code POST /api/orgs} and {@code GET /api/orgs/{orgId}}. */
public final class OrgRoutes implements HttpService {

    private final Orgs orgs;

    public OrgRoutes(Orgs orgs) {
        this.orgs = orgs;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", (req, res) -> {
            Organization org = orgs.create(AccessFilter.principal(req).actor(null), Requests.body(req, Orgs.NewOrg.class));
            res.status(Status.CREATED_201).send(org);
        });
        rules.get("/{orgId}", (req, res) -> res.send(orgs.require(Requests.uuidParam(req, "orgId"))));
    }
}
