/**
 * Edge concerns shared by every slice's routes: problem+json errors, body and parameter parsing,
 * validation, the bootstrap admin-token guard.
 */
package za.voelgoed.platform.http;
