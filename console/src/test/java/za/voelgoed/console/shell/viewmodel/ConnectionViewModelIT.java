package za.voelgoed.console.shell.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.viewmodel.Tasks;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/** The connection screen's checks against a real backend over HTTP: each failure is a sentence, nothing is kept. */
class ConnectionViewModelIT {

    static BackendNode node;
    static Api admin;
    static UUID org;
    static String viewerToken;

    private final List<SavedConnection.Saved> saved = new ArrayList<>();
    private final SavedConnection store = new SavedConnection() {
        @Override
        public Optional<Saved> load() {
            return Optional.empty();
        }

        @Override
        public void save(String url, String token, String orgId) {
            saved.add(new Saved(url, token, orgId));
        }
    };
    private final ConnectionViewModel model = new ConnectionViewModel(Tasks.direct(), store, BackendClient::new);
    private final List<ConnectionViewModel.Connected> connected = new ArrayList<>();

    @BeforeAll
    static void start() {
        node = BackendNode.start(TestEnv.config());
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        var created = admin.post("/api/orgs", "{\"name\":\"Connection IT\"}");
        assertThat(created.status()).isEqualTo(201);
        org = UUID.fromString(created.json().get("id").asText());
        var token = admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}");
        assertThat(token.status()).isEqualTo(201);
        viewerToken = token.json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private void connect(String url, String token, String orgText) {
        model.onConnected(connected::add);
        model.url().set(url);
        model.token().set(token);
        model.org().set(orgText);
        model.connect().execute();
    }

    @Test
    void aGoodTokenConnectsAndIsKeptWithTheAddress() {
        connect("http://127.0.0.1:" + node.port(), viewerToken, "");
        assertThat(model.problem().get()).isNull();
        assertThat(connected).hasSize(1);
        assertThat(connected.getFirst().orgName()).isEqualTo("Connection IT");
        assertThat(connected.getFirst().session().mayWrite()).isFalse();
        assertThat(saved).containsExactly(new SavedConnection.Saved("http://127.0.0.1:" + node.port(), viewerToken,
                org.toString()));
    }

    @Test
    void aWrongTokenIsASentenceAndNothingIsKept() {
        connect("http://127.0.0.1:" + node.port(), "vg_wrong", "");
        assertThat(model.problem().get()).isEqualTo(
                "The backend does not accept this token: it is wrong, revoked or expired.");
        assertThat(connected).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void aBackendThatIsDownIsASentence() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        connect("http://127.0.0.1:" + port, viewerToken, "");
        assertThat(model.problem().get()).startsWith("The backend at http://127.0.0.1:" + port + " cannot be reached");
        assertThat(saved).isEmpty();
    }

    @Test
    void aServerThatIsNotThisBackendIsASentence() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "<html>Not here</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            connect("http://127.0.0.1:" + other.getAddress().getPort(), viewerToken, "");
            assertThat(model.problem().get()).contains("is it a VoelgoedEvents backend of this version?");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void theAdminMustNameAnOrganisationAndAnUnknownOneIsRefused() {
        connect("http://127.0.0.1:" + node.port(), TestEnv.ADMIN_TOKEN, "");
        assertThat(model.problem().get()).isEqualTo(
                "This is the system admin's token: say which organisation to show.");
        connect("http://127.0.0.1:" + node.port(), TestEnv.ADMIN_TOKEN, UUID.randomUUID().toString());
        assertThat(model.problem().get()).startsWith("Not found.");
        connect("http://127.0.0.1:" + node.port(), TestEnv.ADMIN_TOKEN, org.toString());
        assertThat(model.problem().get()).isNull();
        assertThat(connected).hasSize(1);
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedBeforeAnyRequest() {
        connect("localhost:8080", viewerToken, "");
        assertThat(model.problem().get()).isEqualTo("The address must look like http://host:8080.");
    }

    @Test
    void aCheckStartedBeforeTheWindowIsAdoptedWithoutAskingTheBackendAgain() throws Exception {
        String url = "http://127.0.0.1:" + node.port();
        java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();
        ConnectionViewModel.EarlyCheck early = ConnectionViewModel.checkEarly(() -> store, (base, token) -> {
            clients.incrementAndGet();
            return new BackendClient(base, token);
        }, url, viewerToken, "", true);
        assertThat(early.result().get(20, java.util.concurrent.TimeUnit.SECONDS).orgName()).isEqualTo("Connection IT");
        model.adopt(early);
        connect(url, viewerToken, "");
        assertThat(model.problem().get()).isNull();
        assertThat(connected).hasSize(1);
        assertThat(connected.getFirst().orgName()).isEqualTo("Connection IT");
        assertThat(clients).hasValue(1);
        assertThat(saved).containsExactly(new SavedConnection.Saved(url, viewerToken, org.toString()));
    }

    @Test
    void anEarlyCheckThatFailedIsTheSameSentence() {
        ConnectionViewModel.EarlyCheck early = ConnectionViewModel.checkEarly(() -> store, BackendClient::new,
                "http://127.0.0.1:" + node.port(), "vg_wrong", "", true);
        model.adopt(early);
        connect("http://127.0.0.1:" + node.port(), "vg_wrong", "");
        assertThat(model.problem().get()).isEqualTo(
                "The backend does not accept this token: it is wrong, revoked or expired.");
        assertThat(connected).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void anEarlyCheckOfOtherValuesIsNotUsed() {
        ConnectionViewModel.EarlyCheck early = ConnectionViewModel.checkEarly(() -> store, BackendClient::new,
                "http://127.0.0.1:" + node.port(), "vg_wrong", "", true);
        model.adopt(early);
        connect("http://127.0.0.1:" + node.port(), viewerToken, "");
        assertThat(model.problem().get()).isNull();
        assertThat(connected).hasSize(1);
        assertThat(ConnectionViewModel.checkEarly(() -> store, BackendClient::new, "localhost:8080", viewerToken,
                "", true)).isNull();
    }
}
