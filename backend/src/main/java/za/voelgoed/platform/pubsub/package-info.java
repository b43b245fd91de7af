/**
 * System events: in-node topic subscriptions with bounded queues, cross-node fan-out over Redis, and
 * the routing of domain events to the seed's topic families.
 */
package za.voelgoed.platform.pubsub;
