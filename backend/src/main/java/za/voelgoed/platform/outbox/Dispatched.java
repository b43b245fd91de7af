package za.voelgoed.platform.outbox;

import za.voelgoed.shared.event.DomainEvent;

/**
 * An event as a dispatch pass hands it on: with its offset in its organisation's dispatch order and the
 * offset of the organisation's event dispatched just before it, which lets every receiver see whether it
 * missed one.
 */
public record Dispatched(DomainEvent event, long offset, long previousOffset) {
}
