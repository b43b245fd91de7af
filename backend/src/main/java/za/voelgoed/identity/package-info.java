/**
 * People, devices and API tokens of an organisation. Owns {@code users}, {@code devices} and
 * {@code api_tokens}; implements the {@link za.voelgoed.platform.auth.Authenticator} every request and
 * WebSocket connection goes through. Tokens are shown once and stored only as SHA-256 hashes.
 */
package za.voelgoed.identity;
