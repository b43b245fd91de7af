package za.voelgoed.platform.auth;

import java.util.Optional;

/** Turns a bearer token into the principal it belongs to, or empty when it is unknown, expired or revoked. */
public interface Authenticator {

    Optional<Principal> authenticate(String bearerToken);

    /** True when the token was authenticated moments ago and is answered from memory (no database read). */
    default boolean recognises(String bearerToken) {
        return false;
    }
}
