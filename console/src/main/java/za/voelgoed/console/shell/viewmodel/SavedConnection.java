package za.voelgoed.console.shell.viewmodel;

import java.util.Optional;

/** The last connection the console used: the backend's address, and the token only if the user let it keep it. */
public interface SavedConnection {

    record Saved(String url, String token, String org) {
    }

    Optional<Saved> load();

    /** Keeps the address (and organisation); keeps the token only when {@code token} is not null, else forgets it. */
    void save(String url, String token, String org);
}
