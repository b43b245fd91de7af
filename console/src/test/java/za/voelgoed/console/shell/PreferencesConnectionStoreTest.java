package za.voelgoed.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.voelgoed.console.shell.viewmodel.SavedConnection;

class PreferencesConnectionStoreTest {

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("/za/voelgoed/console-test/" + UUID.randomUUID());

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void keepsTheAddressInPreferencesAndTheTokenInAFileOnlyTheUserReads() throws Exception {
        PreferencesConnectionStore store = new PreferencesConnectionStore(prefs, dir.resolve("cfg/console-token"));
        store.save("http://localhost:8080", "vg_secret", "org-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.tokenFile())))
                .isEqualTo("rw-------");
        assertThat(prefs.get("backend_url", null)).isEqualTo("http://localhost:8080");
        assertThat(String.join(",", prefs.keys())).doesNotContain("token");
        assertThat(store.load()).contains(new SavedConnection.Saved("http://localhost:8080", "vg_secret", "org-1"));
    }

    @Test
    void forgetsTheTokenWhenTheUserSaysSo() {
        PreferencesConnectionStore store = new PreferencesConnectionStore(prefs, dir.resolve("console-token"));
        store.save("http://a:1", "vg_secret", null);
        store.save("http://a:1", null, null);
        assertThat(Files.exists(store.tokenFile())).isFalse();
        assertThat(store.load().orElseThrow().token()).isNull();
    }

    @Test
    void aTokenFileOthersCanReadIsNotUsed() throws Exception {
        PreferencesConnectionStore store = new PreferencesConnectionStore(prefs, dir.resolve("console-token"));
        store.save("http://a:1", "vg_secret", null);
        Files.setPosixFilePermissions(store.tokenFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(store.load().orElseThrow().token()).isNull();
    }
}
