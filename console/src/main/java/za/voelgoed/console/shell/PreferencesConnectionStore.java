package za.voelgoed.console.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import za.voelgoed.console.shell.viewmodel.SavedConnection;

/**
 * Remembers the last connection: the address and organisation in {@code java.util.prefs}, the token in a
 * file only the user may read ({@code rw-------}) under the user's config directory, or nowhere if the
 * user says so. A token file that others could read is not used.
 */
public final class PreferencesConnectionStore implements SavedConnection {

    private static final Logger LOG = Logger.getLogger(PreferencesConnectionStore.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Preferences prefs;
    private final Path tokenFile;

    public PreferencesConnectionStore(Preferences prefs, Path tokenFile) {
        this.prefs = prefs;
        this.tokenFile = tokenFile;
    }

    /** The user's store: {@code ~/.config/voelgoed/console-token} unless {@code voelgoed.console.home} says where. */
    public static PreferencesConnectionStore forUser() {
        String home = System.getProperty("voelgoed.console.home");
        Path dir = home != null ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".config", "voelgoed");
        String node = System.getProperty("voelgoed.console.prefs", "/za/voelgoed/console");
        return new PreferencesConnectionStore(Preferences.userRoot().node(node), dir.resolve("console-token"));
    }

    @Override
    public Optional<Saved> load() {
        String url = prefs.get("backend_url", null);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new Saved(url, readToken(), prefs.get("org", null)));
    }

    @Override
    public void save(String url, String token, String org) {
        prefs.put("backend_url", url);
        if (org != null) {
            prefs.put("org", org);
        }
        try {
            if (token == null) {
                Files.deleteIfExists(tokenFile);
            } else {
                writeOwnerOnly(token);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token in " + tokenFile, e);
        }
    }

    public Path tokenFile() {
        return tokenFile;
    }

    private void writeOwnerOnly(String token) throws IOException {
        Files.createDirectories(tokenFile.getParent());
        Files.deleteIfExists(tokenFile);
        try {
            Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(tokenFile, OWNER_ONLY);
        }
        Files.writeString(tokenFile, token, StandardCharsets.UTF_8);
    }

    private String readToken() {
        try {
            if (!Files.isRegularFile(tokenFile)) {
                return null;
            }
            if (!Files.getPosixFilePermissions(tokenFile).equals(OWNER_ONLY)) {
                LOG.warning("the saved token file can be read by others and is not used: " + tokenFile);
                return null;
            }
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "cannot read the saved token", e);
            return null;
        }
    }
}
