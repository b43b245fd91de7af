package za.voelgoed.shared.event;

import static za.voelgoed.shared.event.FieldType.ARRAY;
import static za.voelgoed.shared.event.FieldType.BOOLEAN;
import static za.voelgoed.shared.event.FieldType.INTEGER;
import static za.voelgoed.shared.event.FieldType.NUMBER;
import static za.voelgoed.shared.event.FieldType.OBJECT;
import static za.voelgoed.shared.event.FieldType.STRING;
import static za.voelgoed.shared.event.FieldType.TIMESTAMP;
import static za.voelgoed.shared.event.FieldType.UUID;

/**
 * The platform's event types (seed section 4) with their versions. Wire names are the constants;
 * schemas list what every emitter must send. Fields not listed may be sent and pass through.
 */
public final class EventTypes {

    public static final String EVENT_CREATED_V1 = "event.created.v1";
    public static final String EVENT_PUBLISHED_V1 = "event.published.v1";
    public static final String TICKET_SOLD_V1 = "ticket.sold.v1";
    public static final String TICKET_SOLD_V2 = "ticket.sold.v2";
    public static final String TICKET_REDEEMED_V1 = "ticket.redeemed.v1";
    public static final String PAYMENT_AUTHORIZED_V1 = "payment.authorized.v1";
    public static final String PAYMENT_REFUNDED_V1 = "payment.refunded.v1";
    public static final String SEAT_HOLD_CREATED_V1 = "seat.hold_created.v1";
    public static final String SEAT_HOLD_EXPIRED_V1 = "seat.hold_expired.v1";
    public static final String SEAT_HOLD_RELEASED_V1 = "seat.hold_released.v1";
    public static final String SCAN_ACCEPTED_V1 = "scan.accepted.v1";
    public static final String SCAN_REJECTED_V1 = "scan.rejected.v1";
    public static final String SCANNING_SESSION_OPENED_V1 = "scanning.session_opened.v1";
    public static final String SCANNING_SESSION_CLOSED_V1 = "scanning.session_closed.v1";
    public static final String TICKET_BLOCKED_V1 = "ticket.blocked.v1";
    public static final String TICKET_UNBLOCKED_V1 = "ticket.unblocked.v1";
    /** A show's scanning settings changed (re-entry, doors time); resource id = the show. */
    public static final String SCANNING_SETTINGS_CHANGED_V1 = "scanning.settings_changed.v1";
    public static final String COUPON_APPLIED_V1 = "coupon.applied.v1";
    public static final String DLQ_ENTRY_ADDED_V1 = "dlq.entry_added.v1";
    public static final String DLQ_ENTRY_REPLAYED_V1 = "dlq.entry_replayed.v1";
    public static final String DLQ_ENTRY_DISCARDED_V1 = "dlq.entry_discarded.v1";
    public static final String TICKET_KEY_CREATED_V1 = "ticket_key.created.v1";
    public static final String TICKET_KEY_ROTATED_V1 = "ticket_key.rotated.v1";
    public static final String TICKET_KEY_RETIRED_V1 = "ticket_key.retired.v1";
    public static final String DLQ_PURGED_V1 = "dlq.purged.v1";
    public static final String PAYMENT_CAPTURED_V1 = "payment.captured.v1";
    public static final String PAYMENT_RECONCILED_V1 = "payment.reconciled.v1";
    public static final String TICKET_VOIDED_V1 = "ticket.voided.v1";
    public static final String SEAT_HOLD_EXTENDED_V1 = "seat.hold_extended.v1";
    public static final String SEAT_ALLOCATION_CHANGED_V1 = "seat.allocation_changed.v1";
    public static final String SEAT_RETURNED_V1 = "seat.returned.v1";
    /** A system event: published by the gateway itself, never stored in the outbox. */
    public static final String PRESENCE_CHANGED_V1 = "presence.changed.v1";
    public static final String QUEUE_PAUSED_V1 = "queue.paused.v1";
    public static final String QUEUE_RESUMED_V1 = "queue.resumed.v1";
    /**
     * A system event: an organisation's telemetry, published on {@code analytics:org:{org_id}} at most once a
     * second while someone follows that topic; never stored in the outbox. Each message is the whole state.
     */
    public static final String TELEMETRY_SNAPSHOT_V1 = "telemetry.snapshot.v1";

    private EventTypes() {
    }

    static void registerAll(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(EVENT_CREATED_V1, "events", "event")
                .required("event_id", UUID).required("name", STRING).required("starts_at", TIMESTAMP)
                .required("status", STRING).optional("ends_at", TIMESTAMP).optional("venue", STRING)
                .build());
        registry.register(EventSchema.builder(EVENT_PUBLISHED_V1, "events", "event")
                .required("event_id", UUID).required("name", STRING).required("starts_at", TIMESTAMP)
                .required("published_at", TIMESTAMP).optional("ends_at", TIMESTAMP).optional("venue", STRING)
                .build());
        registerTicketing(registry);
        registerPayments(registry);
        registerSeating(registry);
        registerScanning(registry);
        registerDeadLetters(registry);
        registerTicketKeys(registry);
        registerPresence(registry);
        registerQueues(registry);
        registerTelemetry(registry);
    }

    /** An operator paused or resumed one of the organisation's job queues (on its audit topic). */
    private static void registerQueues(EventTypeRegistry registry) {
        for (String type : new String[] {QUEUE_PAUSED_V1, QUEUE_RESUMED_V1}) {
            registry.register(EventSchema.builder(type, "audit", "job_queue")
                    .required("queue", STRING).required("kind", STRING).required("paused", BOOLEAN)
                    .required("actor", STRING).optional("reason", STRING)
                    .build());
        }
    }

    /**
     * The organisation's telemetry (the body of {@code GET /api/orgs/{org}/telemetry}), on
     * {@code analytics:org:{org_id}}. Published directly, not through the outbox: the resource is the
     * organisation's telemetry (resource id = the organisation), and seq counts the snapshots published for it
     * across nodes, but a subscriber joining late starts at a seq above 1 and one that stops following and
     * comes back skips some. Every message replaces the state before it: clients apply it with
     * {@code TopicStream.offerState}, which accepts a jump.
     */
    private static void registerTelemetry(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(TELEMETRY_SNAPSHOT_V1, "analytics", "telemetry")
                .required("organization_id", UUID).required("taken_at", TIMESTAMP).required("nodes", INTEGER)
                .required("events_per_second", OBJECT).required("events_per_second_total", NUMBER)
                .required("push_latency_ms", OBJECT).required("dropped_messages", INTEGER)
                .required("websocket_connections", INTEGER).required("job_backlog", OBJECT)
                .required("paused_queues", ARRAY).required("dlq_depth", INTEGER).required("inventory_drift", INTEGER)
                .build());
    }

    /**
     * A socket of the organisation opened or closed (on its audit topic). Published by the gateway, not the
     * outbox, so it has no stored sequence: {@code seq} is 1 for a join and 2 for the leave of the connection.
     */
    private static void registerPresence(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(PRESENCE_CHANGED_V1, "audit", "connection")
                .required("state", STRING).required("connection_id", UUID).required("organization_id", UUID)
                .required("kind", STRING).required("node", STRING).optional("role", STRING)
                .optional("token_id", UUID).optional("device_id", UUID).optional("user_id", UUID)
                .optional("connected_at", TIMESTAMP)
                .build());
    }

    /**
     * Changes to an organisation's ticket signing keys, on its audit topic. They name keys by id only: no
     * event ever carries key material, private or public.
     */
    private static void registerTicketKeys(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(TICKET_KEY_CREATED_V1, "audit", "ticket_key")
                .required("key_id", STRING).required("status", STRING).optional("origin", STRING)
                .build());
        registry.register(EventSchema.builder(TICKET_KEY_ROTATED_V1, "audit", "ticket_key")
                .required("key_id", STRING).optional("previous_key_id", STRING)
                .build());
        registry.register(EventSchema.builder(TICKET_KEY_RETIRED_V1, "audit", "ticket_key")
                .required("key_id", STRING)
                .build());
    }

    /** Changes to a dead-letter queue, on the organisation's audit topic so a console updates live. */
    private static void registerDeadLetters(EventTypeRegistry registry) {
        for (String type : new String[] {DLQ_ENTRY_ADDED_V1, DLQ_ENTRY_REPLAYED_V1, DLQ_ENTRY_DISCARDED_V1}) {
            registry.register(EventSchema.builder(type, "audit", "dead_letter")
                    .required("dead_letter_id", UUID).required("job_id", INTEGER).required("queue", STRING)
                    .required("source_queue", STRING).required("worker", STRING).required("event_type", STRING)
                    .required("status", STRING).optional("actor", STRING).optional("reason", STRING)
                    .build());
        }
        // one purge deletes many entries: the resource is the purge, whose record outlives them
        registry.register(EventSchema.builder(DLQ_PURGED_V1, "audit", "dead_letter_purge")
                .required("purge_id", UUID).required("status", STRING).required("older_than", TIMESTAMP)
                .required("purged", INTEGER).required("actor", STRING).required("reason", STRING)
                .build());
    }

    private static void registerTicketing(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(TICKET_SOLD_V1, "ticketing", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("order_id", UUID)
                .required("price_cents", INTEGER).required("currency", STRING)
                .optional("seat_id", STRING).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(TICKET_SOLD_V2, "ticketing", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("order_id", UUID)
                .required("price_cents", INTEGER).required("currency", STRING)
                .optional("seat_id", STRING).optional("ticket_type", STRING)
                .optional("seat_meta", OBJECT)
                .build());
        // a ticket that no longer admits anyone; reason says why (a refund)
        registry.register(EventSchema.builder(TICKET_VOIDED_V1, "ticketing", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("order_id", UUID)
                .required("reason", STRING).optional("seat_id", STRING).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(COUPON_APPLIED_V1, "ticketing", "coupon")
                .required("coupon_id", UUID).required("order_id", UUID).required("event_id", UUID)
                .required("discount_cents", INTEGER).required("code", STRING)
                .build());
    }

    private static void registerPayments(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(PAYMENT_AUTHORIZED_V1, "payments", "payment")
                .required("payment_id", UUID).required("order_id", UUID).required("amount_cents", INTEGER)
                .required("currency", STRING).optional("event_id", UUID)
                .build());
        // amount_cents stays what v1 always said, the payment's amount; outcome and refunded_cents (added
        // later, so optional) say what happened: money returned, or an uncaptured authorisation voided (0)
        registry.register(EventSchema.builder(PAYMENT_REFUNDED_V1, "payments", "payment")
                .required("payment_id", UUID).required("order_id", UUID).required("amount_cents", INTEGER)
                .required("currency", STRING).optional("event_id", UUID)
                .optional("outcome", STRING).optional("refunded_cents", INTEGER)
                .build());
        // amount_cents is the amount captured; source is "capture" (the job) or "reconciliation"
        registry.register(EventSchema.builder(PAYMENT_CAPTURED_V1, "payments", "payment")
                .required("payment_id", UUID).required("order_id", UUID).required("amount_cents", INTEGER)
                .required("currency", STRING).optional("event_id", UUID).optional("source", STRING)
                .build());
        // a fix of the reconciliation that no other event tells, on the checkout attempt (keyed by its order
        // id): action "orphan_voided" is an authorisation whose order was never recorded, released at the provider
        registry.register(EventSchema.builder(PAYMENT_RECONCILED_V1, "payments", "checkout_attempt")
                .required("order_id", UUID).required("action", STRING).required("amount_cents", INTEGER)
                .required("currency", STRING).optional("event_id", UUID)
                .build());
    }

    private static void registerSeating(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(SEAT_HOLD_CREATED_V1, "seating", "hold")
                .required("hold_id", UUID).required("event_id", UUID).required("seats", ARRAY)
                .required("expires_at", TIMESTAMP).optional("quantity", INTEGER).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(SEAT_HOLD_EXPIRED_V1, "seating", "hold")
                .required("hold_id", UUID).required("event_id", UUID).required("seats", ARRAY)
                .optional("quantity", INTEGER).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(SEAT_HOLD_RELEASED_V1, "seating", "hold")
                .required("hold_id", UUID).required("event_id", UUID).required("seats", ARRAY)
                .optional("quantity", INTEGER).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(SEAT_HOLD_EXTENDED_V1, "seating", "hold")
                .required("hold_id", UUID).required("event_id", UUID).required("seats", ARRAY)
                .required("expires_at", TIMESTAMP).optional("previous_expires_at", TIMESTAMP)
                .optional("quantity", INTEGER).optional("ticket_type", STRING)
                .build());
        // one stream per show (resource id = the show), so two allocations of a seat arrive in commit order;
        // blocked false and no channel put the seats back on public sale
        registry.register(EventSchema.builder(SEAT_ALLOCATION_CHANGED_V1, "seating", "seat_allocation")
                .required("event_id", UUID).required("seats", ARRAY).required("blocked", BOOLEAN)
                .required("changed", INTEGER).optional("channel", STRING)
                .build());
        // sold inventory back on sale (resource id = the order): seat ids, or a quantity of a ticket type
        registry.register(EventSchema.builder(SEAT_RETURNED_V1, "seating", "seat_return")
                .required("event_id", UUID).required("order_id", UUID).required("seats", ARRAY)
                .required("quantity", INTEGER).optional("ticket_type", STRING).optional("reason", STRING)
                .build());
    }

    private static void registerScanning(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(TICKET_REDEEMED_V1, "scanning", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("session_id", UUID)
                .build());
        // offline: the device had admitted the holder on its own and uploads the scan later (ADR 0025)
        registry.register(EventSchema.builder(SCAN_ACCEPTED_V1, "scanning", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("session_id", UUID)
                .optional("device_id", UUID).optional("gate", STRING).optional("offline", BOOLEAN)
                .build());
        // conflict: an offline scan of a ticket admitted before it in server order, a double admission
        registry.register(EventSchema.builder(SCAN_REJECTED_V1, "scanning", "ticket")
                .required("event_id", UUID).required("session_id", UUID).required("reason", STRING)
                .optional("ticket_id", UUID).optional("device_id", UUID).optional("gate", STRING)
                .optional("offline", BOOLEAN).optional("conflict", BOOLEAN)
                .build());
        registerScanSessions(registry);
        registerTicketBlocks(registry);
    }

    /** A scan session opened at a gate or closed (resource = the session, so it reaches scanning:session:{id}). */
    private static void registerScanSessions(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(SCANNING_SESSION_OPENED_V1, "scanning", "scan_session")
                .required("session_id", UUID).required("event_id", UUID).required("gate", STRING)
                .required("direction", STRING).required("opened_at", TIMESTAMP).optional("device_id", UUID)
                .optional("ticket_types", ARRAY)
                .build());
        registry.register(EventSchema.builder(SCANNING_SESSION_CLOSED_V1, "scanning", "scan_session")
                .required("session_id", UUID).required("event_id", UUID).required("gate", STRING)
                .required("closed_at", TIMESTAMP).optional("device_id", UUID)
                .build());
    }

    /** Staff stopped a ticket at the gate, or let it pass again; the reason is staff text, shown to staff only. */
    private static void registerTicketBlocks(EventTypeRegistry registry) {
        registry.register(EventSchema.builder(TICKET_BLOCKED_V1, "scanning", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("blocked_at", TIMESTAMP)
                .optional("reason", STRING).optional("ticket_type", STRING)
                .build());
        registry.register(EventSchema.builder(TICKET_UNBLOCKED_V1, "scanning", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).optional("ticket_type", STRING)
                .build());
        // the whole settings after the change; doors_open_at absent means no doors time
        registry.register(EventSchema.builder(SCANNING_SETTINGS_CHANGED_V1, "scanning", "scanning_settings")
                .required("event_id", UUID).required("reentry_allowed", BOOLEAN)
                .optional("doors_open_at", TIMESTAMP)
                .build());
    }
}
