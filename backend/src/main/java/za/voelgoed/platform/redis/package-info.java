/**
 * The Redis client of a node and its key prefix (every key and channel carries it).
 */
package za.voelgoed.platform.redis;
