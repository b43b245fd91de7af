/**
 * Rate limits as Redis counters (seed 6.1): fixed one-second windows per subject (token, organisation,
 * client address) and purpose, shared by every node. When Redis cannot answer, each node keeps the same
 * limits on its own counters and says so in the logs: a limit may loosen by the number of nodes, never open.
 */
package za.voelgoed.platform.ratelimit;
