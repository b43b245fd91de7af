package za.voelgoed.identity;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.Requests;

/** Users, devices and tokens under {@code /api/orgs/{orgId}}; the access policy lets only owners and the admin in. */
public final class IdentityRoutes implements HttpService {

    private final Identities identities;

    public IdentityRoutes(Identities identities) {
        this.identities = identities;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users", (req, res) -> res.status(Status.CREATED_201).send(
                identities.createUser(Requests.uuidParam(req, "orgId"), Requests.body(req, Identities.NewUser.class))));
        rules.get("/users", (req, res) -> res.send(Map.of("items", identities.users(Requests.uuidParam(req, "orgId")))));
        rules.post("/devices", (req, res) -> res.status(Status.CREATED_201).send(identities.createDevice(
                Requests.uuidParam(req, "orgId"), Requests.body(req, Identities.NewDevice.class))));
        rules.get("/devices", (req, res) -> res.send(Map.of("items",
                identities.devices(Requests.uuidParam(req, "orgId")))));
        rules.post("/tokens", (req, res) -> res.status(Status.CREATED_201).send(identities.createToken(
                Requests.uuidParam(req, "orgId"), Requests.body(req, Identities.NewToken.class),
                AccessFilter.principal(req))));
        rules.get("/tokens", (req, res) -> res.send(Map.of("items", identities.tokens(Requests.uuidParam(req, "orgId")))));
        rules.delete("/tokens/{tokenId}", (req, res) -> {
            identities.revokeToken(Requests.uuidParam(req, "orgId"), Requests.uuidParam(req, "tokenId"));
            res.status(Status.NO_CONTENT_204).send();
        });
    }
}
