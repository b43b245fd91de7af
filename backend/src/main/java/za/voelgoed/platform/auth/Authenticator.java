package za.voelgoed.platform.auth;

import java.util.Optional;

/** Turns a presented bearer token into the principal it stands for, or nothing when it is unknown or revoked. */
@FunctionalInterface
public interface Authenticator {
    Optional<Principal> authenticate(String bearerToken);
}
