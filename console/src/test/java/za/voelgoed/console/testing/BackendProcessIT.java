package za.voelgoed.console.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import za.voelgoed.console.testing.ConsoleFixtures.Org;
import za.voelgoed.console.testing.ConsoleFixtures.Sale;
import za.voelgoed.console.testing.ConsoleFixtures.Show;

/**
 * The console's test fixture itself: a real backend process seeded over its API, killed with SIGKILL
 * and restarted on the same port with its data intact; and a dead letter made by a failing capture that a
 * replay by filter then captures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class BackendProcessIT {

    static BackendProcess backend;
    static ConsoleFixtures fixtures;
    static Org org;
    static Show show;
    static List<Sale> sales;
    static UUID hold;
    static List<ConsoleFixtures.DeadLetter> deadLetters;

    @BeforeAll
    static void startAndSeed() {
        backend = BackendProcess.start();
        fixtures = new ConsoleFixtures(backend);
        org = fixtures.createOrg("Fixture Org");
        show = fixtures.createShow(org, "Fixture Show");
        sales = fixtures.sell(org, show, 3);
        hold = fixtures.hold(org, show, "early", 2);
        deadLetters = fixtures.makeDeadLetters(org, show, 1);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    @Order(1)
    void theSeededDataIsThereForTheViewer() {
        assertSeeded();
        assertThat(fixtures.as(org.viewerToken()).post("/api/orgs/" + org.id() + "/queues/payments/pause", "{}")
                .status()).as("a viewer may only read").isEqualTo(403);
        JsonNode letter = fixtures.deadLetters(org, "dead").getFirst();
        assertThat(letter.path("worker").asText()).isEqualTo(ConsoleFixtures.CAPTURE_WORKER);
        assertThat(letter.path("queue").asText()).isEqualTo("queue:org:" + org.id() + ":dlq:payment.authorized");
        assertThat(letter.path("errors").toString()).contains("payment provider gave no answer");
    }

    @Test
    @Order(2)
    void afterSigkillNothingAnswersAndARestartOnTheSamePortHasTheSameData() {
        String url = backend.baseUrl();
        long pid = backend.pid();

        backend.kill();

        assertThat(backend.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(backend.readyStatus()).as("nothing answers on " + url).isEqualTo(-1);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), backend.port()).close())
                .as("the port refuses connections").isInstanceOf(ConnectException.class);

        backend.restart();

        assertThat(backend.baseUrl()).isEqualTo(url);
        assertThat(backend.pid()).isNotEqualTo(pid);
        assertThat(backend.readyStatus()).isEqualTo(200);
        assertSeeded();
    }

    @Test
    @Order(3)
    void aReplayByFilterAfterTheLinkHealedCapturesThePayment() {
        String filter = "{\"filter\": {\"worker\": \"" + ConsoleFixtures.CAPTURE_WORKER + "\"}, \"reason\": \"provider"
                + " back\", \"dry_run\": %s}";
        var owner = fixtures.as(org.ownerToken());
        String dlq = "/api/orgs/" + org.id() + "/dlq/replay";

        JsonNode dry = owner.post(dlq, filter.formatted("true")).expect(200);
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("replayed")).hasSize(1);
        assertThat(fixtures.deadLetters(org, "dead")).hasSize(1);

        JsonNode done = owner.post(dlq, filter.formatted("false")).expect(200);
        assertThat(done.path("replayed")).hasSize(1);
        ConsoleFixtures.await("the replayed capture", Duration.ofSeconds(30), () -> fixtures.deadLetters(org, "dead")
                .isEmpty() && fixtures.deadLetters(org, "replayed").size() == 1);
        Sale died = deadLetters.getFirst().sale();
        ConsoleFixtures.await("the replayed payment to be captured", Duration.ofSeconds(30), () -> fixtures
                .order(org, died.orderId()).path("payment").path("status").asText().equals("captured"));
    }

    @Test
    @Order(4)
    void aBackendThatCannotStartFailsWithTheTailOfItsLog() {
        assertThatThrownBy(() -> BackendProcess.start("broken", Map.of("VOELGOED_DB_POOL_SIZE", "many"),
                BackendProcess.TEST_JVM_OPTIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the backend exited with code")
                .hasMessageContaining("VOELGOED_DB_POOL_SIZE must be an integer");
    }

    private static void assertSeeded() {
        JsonNode availability = fixtures.availability(org, show);
        JsonNode ga = ticketType(availability, "ga");
        JsonNode early = ticketType(availability, "early");
        // three sales, and the one whose capture died
        assertThat(ga.path("sold").asInt()).as(availability.toString()).isEqualTo(4);
        assertThat(early.path("sold").asInt()).as(availability.toString()).isZero();
        assertThat(early.path("held").asInt()).as(availability.toString()).isEqualTo(2);
        for (Sale sale : sales) {
            JsonNode order = fixtures.order(org, sale.orderId());
            assertThat(order.path("status").asText()).isEqualTo("paid");
            assertThat(order.path("payment").path("status").asText()).isEqualTo("captured");
        }
        assertThat(fixtures.deadLetters(org, "dead")).extracting(letter -> UUID.fromString(letter.path("id").asText()))
                .containsExactlyElementsOf(deadLetters.stream().map(ConsoleFixtures.DeadLetter::id).toList());
    }

    private static JsonNode ticketType(JsonNode availability, String code) {
        for (JsonNode type : availability.path("ticket_types")) {
            if (type.path("code").asText().equals(code)) {
                return type;
            }
        }
        throw new AssertionError("no ticket type " + code + " in " + availability);
    }
}
