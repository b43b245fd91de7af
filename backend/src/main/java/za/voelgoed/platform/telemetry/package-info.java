/**
 * The node's Micrometer registry, the adapters of the outbox and PubSub trackers, and the /metrics and
 * health routes; and each organisation's telemetry across nodes ({@link za.voelgoed.platform.telemetry.OrgTelemetry}):
 * {@code GET /api/orgs/{org}/telemetry} and the {@code telemetry.snapshot.v1} feed on
 * {@code analytics:org:{org_id}} (ADR 0020).
 */
package za.voelgoed.platform.telemetry;
