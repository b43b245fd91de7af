package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.voelgoed.shared.event.FieldType.INTEGER;
import static za.voelgoed.shared.event.FieldType.OBJECT;
import static za.voelgoed.shared.event.FieldType.STRING;
import static za.voelgoed.shared.event.FieldType.UUID;

import org.junit.jupiter.api.Test;

/** Registration: the standard types, and the versioning rule enforced on every new version. */
class EventTypeRegistryTest {

    /** widget.made.vN with v1's fields: widget_id (required UUID) and colour (optional STRING). */
    private static EventSchema.Builder widget(int version, String resourceType) {
        return EventSchema.builder("widget.made.v" + version, "events", resourceType)
                .required("widget_id", UUID).optional("colour", STRING);
    }

    private static EventSchema.Builder widget(int version) {
        return widget(version, "widget");
    }

    private final EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build());

    private static IncompatibleSchemaException rejection(EventTypeRegistry registry, EventSchema schema) {
        try {
            registry.register(schema);
        } catch (IncompatibleSchemaException e) {
            return e;
        }
        throw new AssertionError(schema.type() + " was registered but should have been rejected");
    }

    // --- the standard registry

    @Test
    void standardHoldsEverySeedTypeTheSystemEventsAndTheConsoleTypesAndNothingElse() {
        assertThat(EventTypeRegistry.standard().all()).extracting(s -> s.type().wire()).containsExactlyInAnyOrder(
                "event.created.v1", "event.published.v1", "ticket.sold.v1", "ticket.sold.v2", "ticket.redeemed.v1",
                "payment.authorized.v1", "payment.refunded.v1", "seat.hold_created.v1", "seat.hold_expired.v1",
                "seat.hold_released.v1", "scan.accepted.v1", "scan.rejected.v1", "coupon.applied.v1",
                "dlq.entry_added.v1", "dlq.entry_replayed.v1", "dlq.entry_discarded.v1", "dlq.purged.v1",
                "ticket_key.created.v1", "ticket_key.rotated.v1", "ticket_key.retired.v1",
                "payment.captured.v1", "payment.reconciled.v1", "ticket.voided.v1", "seat.hold_extended.v1",
                "seat.allocation_changed.v1", "seat.returned.v1", "presence.changed.v1", "queue.paused.v1",
                "queue.resumed.v1", "telemetry.snapshot.v1", "scanning.session_opened.v1",
                "scanning.session_closed.v1", "ticket.blocked.v1", "ticket.unblocked.v1",
                "scanning.settings_changed.v1");    }

    /** Every change a console shows has a type, in the domain and on the resource its topic and seq need. */
    @Test
    void theConsoleTypesAreRegisteredOnTheirDomainsAndResources() {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        String[][] expected = {
                {EventTypes.PAYMENT_CAPTURED_V1, "payments", "payment"},
                {EventTypes.PAYMENT_RECONCILED_V1, "payments", "checkout_attempt"},
                {EventTypes.TICKET_VOIDED_V1, "ticketing", "ticket"},
                {EventTypes.SEAT_HOLD_EXTENDED_V1, "seating", "hold"},
                {EventTypes.SEAT_ALLOCATION_CHANGED_V1, "seating", "seat_allocation"},
                {EventTypes.SEAT_RETURNED_V1, "seating", "seat_return"},
                {EventTypes.PRESENCE_CHANGED_V1, "audit", "connection"},
                {EventTypes.QUEUE_PAUSED_V1, "audit", "job_queue"},
                {EventTypes.QUEUE_RESUMED_V1, "audit", "job_queue"},
                {EventTypes.TELEMETRY_SNAPSHOT_V1, "analytics", "telemetry"},
                {EventTypes.SCANNING_SETTINGS_CHANGED_V1, "scanning", "scanning_settings"}};
        for (String[] type : expected) {
            EventSchema schema = standard.require(type[0]);
            assertThat(schema.domain()).as(type[0]).isEqualTo(type[1]);
            assertThat(schema.resourceType()).as(type[0]).isEqualTo(type[2]);
        }
        assertThat(standard.require(EventTypes.SEAT_RETURNED_V1).field("seats"))
                .contains(FieldSpec.required("seats", FieldType.ARRAY));
        assertThat(standard.require(EventTypes.SEAT_HOLD_EXTENDED_V1).field("expires_at"))
                .contains(FieldSpec.required("expires_at", FieldType.TIMESTAMP));
    }

    /** ADR 0005: v1 of payment.refunded only gains optional fields, so every v1 consumer keeps working. */
    @Test
    void paymentRefundedV1SaysWhatHappenedThroughOptionalFieldsOnly() {
        EventSchema refunded = EventTypeRegistry.standard().require(EventTypes.PAYMENT_REFUNDED_V1);
        assertThat(refunded.field("outcome")).contains(FieldSpec.optional("outcome", STRING));
        assertThat(refunded.field("refunded_cents")).contains(FieldSpec.optional("refunded_cents", INTEGER));
        assertThat(refunded.fields().values()).filteredOn(FieldSpec::required).extracting(FieldSpec::name)
                .containsExactlyInAnyOrder("payment_id", "order_id", "amount_cents", "currency");
        var v1Data = za.voelgoed.shared.json.Json.object().put("payment_id", java.util.UUID.randomUUID().toString())
                .put("order_id", java.util.UUID.randomUUID().toString()).put("amount_cents", 100).put("currency", "ZAR");
        assertThat(refunded.violations(v1Data)).as("data as v1 emitters sent it").isEmpty();
    }

    @Test
    void standardTypesAreFoundByTheirWireConstants() {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        for (String wire : new String[] {EventTypes.EVENT_CREATED_V1, EventTypes.EVENT_PUBLISHED_V1,
                EventTypes.TICKET_SOLD_V1, EventTypes.TICKET_SOLD_V2, EventTypes.TICKET_REDEEMED_V1,
                EventTypes.PAYMENT_AUTHORIZED_V1, EventTypes.PAYMENT_REFUNDED_V1, EventTypes.SEAT_HOLD_CREATED_V1,
                EventTypes.SEAT_HOLD_EXPIRED_V1, EventTypes.SCAN_ACCEPTED_V1, EventTypes.SCAN_REJECTED_V1,
                EventTypes.COUPON_APPLIED_V1, EventTypes.TICKET_KEY_CREATED_V1, EventTypes.TICKET_KEY_ROTATED_V1,
                EventTypes.TICKET_KEY_RETIRED_V1, EventTypes.PAYMENT_CAPTURED_V1, EventTypes.PAYMENT_RECONCILED_V1,
                EventTypes.TICKET_VOIDED_V1, EventTypes.SEAT_HOLD_EXTENDED_V1, EventTypes.SEAT_ALLOCATION_CHANGED_V1,
                EventTypes.SEAT_RETURNED_V1, EventTypes.PRESENCE_CHANGED_V1}) {
            assertThat(standard.require(wire).type().wire()).isEqualTo(wire);
        }
    }

    @Test
    void ticketSoldV2IsV1PlusAnOptionalSeatMeta() {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        EventSchema v1 = standard.require("ticket.sold.v1");
        EventSchema v2 = standard.require("ticket.sold.v2");
        assertThat(v1.field("seat_meta")).isEmpty();
        assertThat(v2.field("seat_meta")).contains(FieldSpec.optional("seat_meta", OBJECT));
        assertThat(v2.fields()).hasSize(v1.fields().size() + 1).containsAllEntriesOf(v1.fields());
        assertThat(v2.resourceType()).isEqualTo(v1.resourceType()).isEqualTo("ticket");
        assertThat(v2.domain()).isEqualTo("ticketing");
        assertThat(standard.latest("ticket.sold")).contains(v2);
        assertThat(standard.versions("ticket.sold")).containsExactly(v1, v2);
    }

    @Test
    void standardRegistriesAreIndependent() {
        EventTypeRegistry one = EventTypeRegistry.standard();
        one.register(EventSchema.builder("ticket.sold.v3", "ticketing", "ticket")
                .required("ticket_id", UUID).required("event_id", UUID).required("order_id", UUID)
                .required("price_cents", INTEGER).required("currency", STRING).optional("seat_id", STRING)
                .optional("ticket_type", STRING).optional("seat_meta", OBJECT).build());
        assertThat(one.versions("ticket.sold")).hasSize(3);
        assertThat(EventTypeRegistry.standard().versions("ticket.sold")).hasSize(2);
    }

    // --- lookups

    @Test
    void unknownTypesAreNotFound() {
        assertThat(registry.find(EventTypeName.of("widget.made", 2))).isEmpty();
        assertThat(registry.find(EventTypeName.of("gadget.made", 1))).isEmpty();
        assertThat(registry.latest("gadget.made")).isEmpty();
        assertThat(registry.versions("gadget.made")).isEmpty();
        assertThatThrownBy(() -> registry.require("widget.made.v9")).isInstanceOf(InvalidEventException.class)
                .hasMessage("unknown event type widget.made.v9");
    }

    // --- breaking changes are rejected

    @Test
    void v2RemovingAFieldIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID).build();
        assertThat(rejection(registry, v2).breakingChanges())
                .containsExactly("widget.made.v2 removes field 'colour' of widget.made.v1");
        assertThat(registry.versions("widget.made")).hasSize(1);
        assertThat(registry.find(v2.type())).isEmpty();
    }

    @Test
    void v2ChangingAFieldsTypeIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", STRING)
                .optional("colour", STRING).build();
        assertThat(rejection(registry, v2).breakingChanges())
                .containsExactly("widget.made.v2 changes field 'widget_id' from UUID to STRING");
        assertThat(registry.latest("widget.made")).map(EventSchema::type).contains(EventTypeName.of("widget.made", 1));
    }

    @Test
    void v2MakingAnOptionalFieldRequiredIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("colour", STRING).build();
        assertThat(rejection(registry, v2).breakingChanges())
                .containsExactly("widget.made.v2 makes optional field 'colour' required");
    }

    @Test
    void v2ChangingTheResourceTypeIsRejected() {
        EventSchema v2 = widget(2, "gadget").build();
        assertThat(rejection(registry, v2).breakingChanges())
                .containsExactly("widget.made.v2 changes the resource type from widget to gadget");
    }

    @Test
    void everyBreakingChangeIsListedInTheExceptionAndItsMessage() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "gadget").required("widget_id", STRING)
                .build();
        IncompatibleSchemaException e = rejection(registry, v2);
        assertThat(e.breakingChanges()).containsExactlyInAnyOrder(
                "widget.made.v2 changes the resource type from widget to gadget",
                "widget.made.v2 changes field 'widget_id' from UUID to STRING",
                "widget.made.v2 removes field 'colour' of widget.made.v1");
        assertThat(e).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("breaking change without a new event name: ");
        e.breakingChanges().forEach(change -> assertThat(e.getMessage()).contains(change));
        assertThatThrownBy(() -> e.breakingChanges().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void v3IsComparedWithV2NotOnlyWithV1() {
        registry.register(widget(2).optional("size", INTEGER).build());
        assertThat(rejection(registry, widget(3).build()).breakingChanges())
                .containsExactly("widget.made.v3 removes field 'size' of widget.made.v2");
    }

    // --- order

    @Test
    void registeringV3BeforeV2FailsAsOutOfOrder() {
        assertThatThrownBy(() -> registry.register(widget(3).build())).isInstanceOf(InvalidEventException.class)
                .hasMessage("widget.made.v3 registered out of order: expected version 2");
        assertThat(registry.versions("widget.made")).hasSize(1);
    }

    @Test
    void aFirstVersionOtherThanOneIsOutOfOrder() {
        EventSchema v2 = EventSchema.builder("gadget.made.v2", "events", "gadget").build();
        assertThatThrownBy(() -> new EventTypeRegistry().register(v2)).isInstanceOf(InvalidEventException.class)
                .hasMessage("gadget.made.v2 registered out of order: expected version 1");
    }

    @Test
    void aRejectedFirstRegistrationLeavesNoTrace() {
        EventTypeRegistry fresh = new EventTypeRegistry();
        assertThatThrownBy(() -> fresh.register(EventSchema.builder("gadget.made.v2", "events", "gadget").build()))
                .isInstanceOf(InvalidEventException.class);
        assertThat(fresh.latest("gadget.made")).isEmpty();
    }

    @Test
    void registeringTheSameVersionTwiceFails() {
        assertThatThrownBy(() -> registry.register(widget(1).build())).isInstanceOf(InvalidEventException.class)
                .isNotInstanceOf(IncompatibleSchemaException.class)
                .hasMessage("widget.made.v1 is already registered");
        registry.register(widget(2).build());
        assertThatThrownBy(() -> registry.register(widget(2).optional("size", INTEGER).build()))
                .hasMessage("widget.made.v2 is already registered");
    }

    // --- additive versions are accepted

    @Test
    void v2AddingAnOptionalFieldRegisters() {
        EventSchema v2 = widget(2).optional("size", INTEGER).build();
        registry.register(v2);
        assertThat(registry.latest("widget.made")).contains(v2);
        assertThat(registry.require("widget.made.v2")).isSameAs(v2);
    }

    @Test
    void v2AddingARequiredFieldRegisters() {
        EventSchema v2 = widget(2).required("batch", STRING).build();
        registry.register(v2);
        assertThat(registry.versions("widget.made")).extracting(s -> s.type().version()).containsExactly(1, 2);
    }

    @Test
    void anIdenticalV2Registers() {
        registry.register(widget(2).build());
        assertThat(registry.latest("widget.made")).map(s -> s.type().version()).contains(2);
    }

    @Test
    void registerReturnsTheRegistryForChaining() {
        EventTypeRegistry fresh = new EventTypeRegistry();
        assertThat(fresh.register(widget(1).build()).register(widget(2).build())).isSameAs(fresh);
        assertThat(fresh.all()).hasSize(2);
    }
}
