/**
 * The node's master key (from the environment or a file only the operator can read) and what is derived
 * from it: keyed digests (HMAC-SHA256) and sealed values (AES-256-GCM) for secrets kept in PostgreSQL.
 */
package za.voelgoed.platform.secrets;
