/**
 * Events (shows) that tickets are sold for. Owns the {@code events} table; publishes
 * {@code event.created} and {@code event.published} on {@code events:org:{org_id}} and
 * {@code events:event:{event_id}}. A show is a draft until published; only published shows sell.
 */
package za.voelgoed.events;
