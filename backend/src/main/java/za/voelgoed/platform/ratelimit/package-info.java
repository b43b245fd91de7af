/**
 * Per-token rate limits as Redis counters (seed 6.1): a fixed one-second window per token and purpose,
 * shared by every node. When Redis cannot answer the limiter lets the request through and says so in
 * the logs: availability of the API is worth more than exact limits.
 */
package za.voelgoed.platform.ratelimit;
