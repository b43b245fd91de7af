package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The durable record of a checkout between asking the provider for an authorisation and recording its
 * order (ADR 0012). {@link #begin} writes it before the provider is asked; the order's own transaction turns
 * it {@code committed} ({@link #commit}). The reconciliation voids an authorisation without an order only
 * when this record says no checkout can still record it ({@link #claimAbandoned}): the checkout gave it up,
 * or the node that runs it stopped renewing its lease (the node died). Committing and claiming are both
 * conditional updates of the one row, so exactly one of them wins: a checkout that wakes after the
 * reconciliation claimed its attempt cannot record the order, and a committed one is never claimed.
 */
final class CheckoutAttempts implements AutoCloseable {

    /** How long an attempt stays live without a renewal; renewed every {@link #RENEW_EVERY} while it runs. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(CheckoutAttempts.class.getName());

    /** What the reconciliation reads: the attempt's state and whether a live node still holds it. */
    record Attempt(UUID orderId, UUID eventId, String state, boolean leaseLive) {
    }

    private final DSLContext dsl;
    private final String nodeId;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Thread renewer;

    CheckoutAttempts(DSLContext dsl, String nodeId) {
        this.dsl = dsl;
        this.nodeId = nodeId;
        this.renewer = Thread.ofVirtual().name("checkout-leases-" + nodeId).start(this::renewEvery);
    }

    /** Records the attempt, committed on its own, before the provider is asked to authorise. */
    void begin(UUID orgId, UUID orderId, UUID eventId, UUID holdId, Pricing.Quote quote) {
        dsl.execute("""
                insert into checkout_attempts (order_id, organization_id, event_id, hold_id, amount_cents, currency,
                                               state, node_id, lease_until)
                values (?, ?, ?, ?, ?, ?, 'authorizing', ?, now() + make_interval(secs => ?))""", orderId, orgId,
                eventId, holdId, quote.totalCents(), quote.currency(), nodeId, LEASE.toSeconds());
        running.add(orderId);
    }

    /** In the order's transaction: false when the reconciliation claimed the attempt first. */
    static boolean commit(DSLContext tx, UUID orderId) {
        return tx.execute("update checkout_attempts set state = 'committed', updated_at = now()"
                + " where order_id = ? and state = 'authorizing'", orderId) == 1;
    }

    /**
     * The checkout failed: gives the attempt up unless its order committed (a failure after the commit, or a
     * commit whose answer was lost). True when the order was not recorded and never will be.
     */
    boolean giveUp(UUID orderId) {
        int given = dsl.execute("update checkout_attempts set state = 'abandoned', updated_at = now()"
                + " where order_id = ? and state = 'authorizing'", orderId);
        return given == 1 || !"committed".equals(dsl.fetchValue(
                "select state from checkout_attempts where order_id = ?", orderId));
    }

    /** The checkout is over, whatever its outcome: its lease is no longer renewed. */
    void finished(UUID orderId) {
        running.remove(orderId);
    }

    static Optional<Attempt> find(DSLContext dsl, UUID orderId) {
        return dsl.fetchOptional("select order_id, event_id, state, lease_until > now() from checkout_attempts"
                + " where order_id = ?", orderId).map(r -> new Attempt(r.get(0, UUID.class), r.get(1, UUID.class),
                r.get(2, String.class), r.get(3, Boolean.class)));
    }

    /**
     * For the reconciliation: marks the attempt {@code abandoned} if no checkout can record it any more — given
     * up already, or still authorising under a lease nobody renewed. A checkout committing it right now holds
     * its row: this waits for that commit and then finds it committed. True when the attempt is abandoned.
     */
    static boolean claimAbandoned(DSLContext dsl, UUID orderId) {
        return dsl.execute("""
                update checkout_attempts set state = 'abandoned', updated_at = now()
                where order_id = ? and (state = 'abandoned' or (state = 'authorizing' and lease_until < now()))""",
                orderId) == 1;
    }

    /** In the reconciliation's transaction, after the provider voided the authorisation. */
    static boolean markVoided(DSLContext tx, UUID orderId) {
        return tx.execute("update checkout_attempts set state = 'voided', updated_at = now()"
                + " where order_id = ? and state = 'abandoned'", orderId) == 1;
    }

    private void renewEvery() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(RENEW_EVERY);
                renew();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the leases lapse if this keeps failing: the reconciliation may then void these attempts, and
                // their commits fail rather than record an order whose authorisation is gone
                LOG.log(Level.WARNING, "checkout_lease_renewal_failed error=\"" + e.getMessage() + "\"");
            }
        }
    }

    /** Renews the leases of this node's running attempts; one being committed holds its row and is skipped. */
    void renew() {
        if (running.isEmpty()) {
            return;
        }
        dsl.execute("""
                update checkout_attempts set lease_until = now() + make_interval(secs => ?)
                where order_id in (select order_id from checkout_attempts
                                   where order_id = any(?::uuid[]) and state = 'authorizing' for update skip locked)""",
                LEASE.toSeconds(), running.toArray(UUID[]::new));
    }

    @Override
    public void close() {
        renewer.interrupt();
    }
}
