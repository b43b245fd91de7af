/**
 * The WebSocket gateway at {@code /ws}: authenticated connections subscribe to org topics (checked by
 * {@link za.voelgoed.platform.auth.TopicAccess}), receive system events through a bounded queue each,
 * resume after a reconnect from the outbox, and are cut off when they cannot keep up.
 */
package za.voelgoed.platform.gateway;
