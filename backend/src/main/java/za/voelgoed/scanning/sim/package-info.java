/**
 * The scanner simulator ({@code java -jar backend.jar scan …}): a gate of devices that scan ticket codes through
 * the public HTTP API, online (sessions, single or batched scans with nonces, and a WebSocket subscribed to the
 * session, which makes the device present) or offline (no socket; keys fetched once, codes verified and admitted
 * on the device, uploaded later in batches once back online), for demos and benches.
 * {@link za.voelgoed.scanning.sim.ScanCli} is the entry point; nothing here runs inside a node.
 */
package za.voelgoed.scanning.sim;
