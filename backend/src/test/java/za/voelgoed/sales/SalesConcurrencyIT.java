package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * Many buyers at once, and refunds among them: afterwards the counters (through the route, and row by row)
 * equal what PostgreSQL's tickets say, and the writes were spread over shards.
 */
class SalesConcurrencyIT {

    static PaymentSimulatorProcess simulator;
    static BackendNode node;
    static Api staff;
    static UUID org;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "sales-concurrency", "VOELGOED_JOBS_POLL_INTERVAL_MS", "200")));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Flash");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
        simulator.close();
    }

    @Test
    void countersEqualTheTicketsAfterConcurrentCheckoutsAndRefunds() throws Exception {
        UUID event = SalesIT.show(staff, org, "Flash", 400);
        int buyers = 16;
        int rounds = 4;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger refunds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(buyers)) {
            for (int b = 0; b < buyers; b++) {
                int buyer = b;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < rounds; round++) {
                        buy(event, buyer, round, failures, refunds);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refunds.get()).isPositive();

        JsonNode sales = staff.get("/api/orgs/" + org + "/events/" + event + "/sales").expect(200);
        long valid = Db.count("select count(*) from tickets where event_id = ? and status = 'valid'", event);
        long voided = Db.count("select count(*) from tickets where event_id = ? and status = 'void'", event);
        long revenue = Db.count(
                "select coalesce(sum(price_cents), 0) from tickets where event_id = ? and status = 'valid'", event);
        assertThat(valid).isGreaterThan(buyers);
        assertThat(sales.path("totals").path("sold").asLong()).isEqualTo(valid);
        assertThat(sales.path("totals").path("refunded").asLong()).isEqualTo(voided);
        assertThat(sales.path("totals").path("revenue_cents").asLong()).isEqualTo(revenue);
        assertThat(SalesIT.perMinuteSold(sales)).isEqualTo(valid + voided);
        JsonNode ga = SalesIT.line(sales.path("ticket_types"), "ticket_type", "ga");
        assertThat(ga.path("sold").asLong()).isEqualTo(Db.count(
                "select sold from ticket_types where event_id = ? and code = 'ga'", event));
        assertThat(ga.path("held").asLong()).isZero();
        assertThat(ga.path("available").asLong()).isEqualTo(400 - ga.path("sold").asLong());
        assertThat(SalesIT.line(sales.path("categories"), "category", "std").path("sold").asLong()).isEqualTo(
                Db.count("select count(*) from tickets where event_id = ? and seat_index is not null"
                        + " and status = 'valid'", event));
        JsonNode orgSales = staff.get("/api/orgs/" + org + "/sales").expect(200);
        assertThat(orgSales.path("totals").path("sold").asLong()).isEqualTo(valid);
        assertThat(orgSales.path("latest")).hasSize(20);
        assertThat(Db.count("select count(distinct shard) from sales_totals where event_id = ? and line = 'ga'", event))
                .as("a flash sale's writes spread over shards").isGreaterThan(1);
    }

    /** One GA purchase of 1–3 tickets; every third is refunded at once; the first rounds also buy a seat. */
    private static void buy(UUID event, int buyer, int round, ConcurrentLinkedQueue<String> failures,
                            AtomicInteger refunds) {
        int quantity = 1 + (buyer + round) % 3;
        String hold = SalesIT.hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": " + quantity + "}");
        Api.Response order = SalesIT.checkout(staff, org, hold);
        if (order.status() != 201) {
            failures.add(order.status() + " " + order.body());
            return;
        }
        if ((buyer + round) % 3 == 0) {
            Api.Response refund = staff.post("/api/orgs/" + org + "/orders/" + order.json().path("id").asText()
                    + "/refund", "{}");
            if (refund.status() != 200) {
                failures.add("refund " + refund.status() + " " + refund.body());
            } else {
                refunds.incrementAndGet();
            }
        }
        if (round == 0 && buyer < 10) {
            Api.Response seat = staff.post("/api/orgs/" + org + "/events/" + event + "/holds",
                    "{\"seats\": [\"Hall:A:" + (buyer + 1) + "\"]}");
            if (seat.status() == 201) {
                Api.Response seatOrder = SalesIT.checkout(staff, org, seat.json().path("id").asText());
                if (seatOrder.status() != 201) {
                    failures.add(seatOrder.status() + " " + seatOrder.body());
                }
            } else {
                failures.add("seat hold " + seat.status() + " " + seat.body());
            }
        }
    }
}
