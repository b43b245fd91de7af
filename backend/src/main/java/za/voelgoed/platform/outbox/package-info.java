/**
 * The transactional outbox and its after-commit dispatch: the one way slices record domain events
 * (same transaction as their state change), the dispatcher that hands committed events to in-process
 * consumers and PubSub in per-resource order, consumer receipts, and the sequenced dead letter
 * (consumer blocks) with its operator routes.
 */
package za.voelgoed.platform.outbox;
