/**
 * The node's Micrometer registry, the adapters of the outbox and PubSub trackers, and the /metrics and
 * health routes.
 */
package za.voelgoed.platform.telemetry;
