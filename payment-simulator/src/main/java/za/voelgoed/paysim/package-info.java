/**
 * A stand-in for the external card payment provider, run as its own process so the backend reaches it
 * over real HTTP (timeouts, refused connections, retries and all). It keeps every authorisation in
 * memory only: it simulates someone else's system, so a restart forgets everything, as if the provider
 * had been swapped for a fresh sandbox account.
 *
 * <p>It never keeps or echoes a full card number or CVV: an authorisation keeps the last four digits,
 * and the idempotency store keeps a keyed hash of each request body, not the body.
 *
 * <p>It uses the JDK's {@code com.sun.net.httpserver} rather than Helidon: the process starts in a
 * fraction of a second (tests start several) and it needs nothing beyond Jackson.
 */
package za.voelgoed.paysim;
