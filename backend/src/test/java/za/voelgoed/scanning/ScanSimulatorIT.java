package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.voelgoed.scanning.sim.ScanCli;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;

/**
 * The scanner simulator run in-process, as a shell would, against a real node over HTTP: what it counts is what the
 * backend's stats route and PostgreSQL's admissions say; a refused token or a node that is down ends it non-zero
 * with a sentence.
 */
class ScanSimulatorIT {

    private static Gate gate;

    @TempDir
    static Path dir;

    /** What a run printed and its exit code. */
    private record Run(int exit, String out, String err) {
        JsonNode result() {
            String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
            return Json.tree(line.substring("RESULT ".length()));
        }
    }

    @BeforeAll
    static void start() {
        gate = new Gate(1);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static String url() {
        return "http://127.0.0.1:" + gate.nodes.get(0).port();
    }

    private static Run scan(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ScanCli.run(args, Map.of(), stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> codes(List<Gate.Sold> sold) {
        return sold.stream().map(Gate.Sold::code).toList();
    }

    private static void assertMatchesTheBackend(UUID show, JsonNode result, long tickets, long rescans) {
        assertThat(result.path("ok").asLong()).isEqualTo(tickets);
        assertThat(result.path("rejected").path("already_redeemed").asLong()).isEqualTo(rescans);
        assertThat(result.path("answered").asLong()).isEqualTo(tickets + rescans);
        JsonNode stats = gate.staff.get("/api/orgs/" + gate.org + "/scanning/stats?event_id=" + show).expect(200);
        assertThat(stats.path("accepted").asLong()).isEqualTo(result.path("ok").asLong());
        assertThat(stats.path("rejected").asLong()).isEqualTo(rescans);
        assertThat(stats.path("rejected_by_reason")).isEqualTo(result.path("rejected"));
        assertThat(Db.count("select count(*) from admissions where event_id = ?::uuid", show.toString()))
                .isEqualTo(tickets);
    }

    @Test
    void onlineDevicesAdmitEveryTicketOnceAndCountWhatTheBackendCounts() throws Exception {
        UUID show = gate.show("Online sim");
        Path file = Files.write(dir.resolve("online.txt"), codes(gate.sell(show, "ga", 30)));
        Run run = scan(InputStream.nullInputStream(), "--backend", url(), "--token", gate.admin.token(), "--org",
                gate.org.toString(), "--event", show.toString(), "--gate", "North", "--devices", "3", "--codes",
                file.toString(), "--repeat-share", "0.2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: 36 scans answered");
        assertMatchesTheBackend(show, run.result(), 30, 6);
        // the devices it made had their tokens revoked at the end
        assertThat(Db.count("select count(*) from api_tokens where label = 'scan simulator' and revoked_at is null"))
                .isZero();
    }

    /**
     * The console's gates page calls a scanner online when the presence route lists a connection of its device: the
     * simulator's online devices hold one for the run, its offline device none while offline, and none is left
     * after the run. Every device heard of its own scans on its session's topic.
     */
    @Test
    void onlineDevicesArePresentDuringTheRunAndGoneAfterIt() throws Exception {
        UUID show = gate.show("Presence sim");
        Path file = Files.write(dir.resolve("presence.txt"), codes(gate.sell(show, "ga", 40)));
        // a thread of its own, as a shell's: on the common pool (one thread on two cores) the run would hold the
        // thread the JDK's WebSocket handshake completes on
        java.util.concurrent.CompletableFuture<Run> running = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().name("scan-cli").start(() -> running.complete(scan(InputStream.nullInputStream(),
                "--backend", url(), "--token", gate.admin.token(), "--org", gate.org.toString(), "--event",
                show.toString(), "--gate", "Presence", "--devices", "3", "--mode", "mixed", "--rate", "8", "--codes",
                file.toString())));
        // mixed: devices 1 and 3 scan online, device 2 offline until the codes are done
        List<String> online = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (online.size() < 2 && System.nanoTime() - deadline < 0 && !running.isDone()) {
            Thread.sleep(100);
            online = presentDevices(List.of("Presence sim 1", "Presence sim 2", "Presence sim 3"));
        }
        assertThat(online).as("devices listed by GET /presence during the run")
                .containsExactlyInAnyOrder("Presence sim 1", "Presence sim 3");
        assertThat(running.isDone()).as("the run was still scanning when presence was read").isFalse();
        Run run = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = run.result();
        assertMatchesTheBackend(show, result, 40, 0);
        assertThat(result.path("devices").findValuesAsText("mode")).containsExactly("online", "offline", "online");
        long scanEvents = 0;
        for (JsonNode device : result.path("devices")) {
            assertThat(device.path("connections").asInt()).as(run.out()).isEqualTo(1);
            var types = device.path("events").fieldNames();
            while (types.hasNext()) {
                String type = types.next();
                if (type.startsWith("scan.")) {
                    scanEvents += device.path("events").path(type).asLong();
                }
            }
        }
        assertThat(scanEvents).as("scan events pushed to the devices' sockets").isEqualTo(40);
        long gone = System.nanoTime() + 10_000_000_000L;
        while (!presentDevices(List.of("Presence sim 1", "Presence sim 2", "Presence sim 3")).isEmpty()
                && System.nanoTime() - gone < 0) {
            Thread.sleep(100);
        }
        assertThat(presentDevices(List.of("Presence sim 1", "Presence sim 2", "Presence sim 3")))
                .as("devices listed by GET /presence after the run").isEmpty();
    }

    /** Which of the named devices of the organisation the presence route lists as connected. */
    private static List<String> presentDevices(List<String> names) {
        JsonNode presence = gate.staff.get("/api/orgs/" + gate.org + "/presence").expect(200);
        List<String> present = new ArrayList<>();
        for (String name : names) {
            for (List<Object> row : Db.rows("select id from devices where organization_id = ?::uuid and name = ?",
                    gate.org.toString(), name)) {
                if (presence.path("items").findValuesAsText("device_id").contains(row.get(0).toString())) {
                    present.add(name);
                }
            }
        }
        return present;
    }

    @Test
    void mixedDevicesWithGivenTokensBatchAndUploadCodesReadFromStdin() {
        UUID show = gate.show("Mixed sim");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(gate.deviceToken("Mixed " + i));
        }
        String stdin = String.join("\n", codes(gate.sell(show, "ga", 20))) + "\n";
        List<String> args = new ArrayList<>(List.of("--backend", url(), "--org", gate.org.toString(), "--event",
                show.toString(), "--gate", "South", "--codes", "-", "--mode", "mixed", "--batch", "5",
                "--repeat-share", "0.25"));
        tokens.forEach(t -> args.addAll(List.of("--device-token", t)));
        Run run = scan(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = run.result();
        assertMatchesTheBackend(show, result, 20, 5);
        long decidedOffline = 0;
        for (JsonNode n : result.path("offline_local")) {
            decidedOffline += n.asLong();
        }
        assertThat(decidedOffline).isBetween(1L, 25L);
    }

    @Test
    void boughtTicketsAreSavedAndScanned() throws Exception {
        UUID show = gate.show("Bought sim");
        Path saved = dir.resolve("bought.txt");
        Run run = scan(InputStream.nullInputStream(), "--backend", url(), "--token", gate.admin.token(), "--org",
                gate.org.toString(), "--event", show.toString(), "--buy", "25", "--save-codes", saved.toString(),
                "--devices", "2", "--batch", "10");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllLines(saved)).hasSize(25).doesNotHaveDuplicates();
        assertThat(Db.count("select count(*) from tickets where event_id = ?::uuid", show.toString())).isEqualTo(25);
        assertMatchesTheBackend(show, run.result(), 25, 0);
    }

    @Test
    void aRefusedTokenEndsTheRunWithASentence() {
        Run run = scan(InputStream.nullInputStream(), "--backend", url(), "--token", "not-a-real-token-at-all",
                "--org", gate.org.toString(), "--event", UUID.randomUUID().toString(), "--buy", "1");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: the backend refused the token (401");
        assertThat(run.err()).doesNotContain("not-a-real-token-at-all");
    }

    @Test
    void aBackendThatIsDownEndsTheRunWithASentence() throws Exception {
        Path file = Files.write(dir.resolve("down.txt"), List.of("v2.x.y.z"));
        Run run = scan(InputStream.nullInputStream(), "--backend", "http://127.0.0.1:1", "--token", "whatever-token",
                "--org", gate.org.toString(), "--event", UUID.randomUUID().toString(), "--codes", file.toString());
        assertThat(run.exit()).isEqualTo(6);
        assertThat(run.err()).startsWith("error: cannot reach the backend at http://127.0.0.1:1");
    }

    @Test
    void missingOptionsAreAUsageError() {
        Run run = scan(InputStream.nullInputStream(), "--org", gate.org.toString(), "--event",
                UUID.randomUUID().toString(), "--token", "t");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give either --codes or --buy");
    }
}
