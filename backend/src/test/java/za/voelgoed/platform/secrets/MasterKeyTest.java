package za.voelgoed.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private final MasterKey key = MasterKey.of(MasterKey.generate());

    @Test
    void sealedValuesOpenOnlyWithTheSameKeyPurposeAndContext() {
        byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);
        String sealed = key.seal("ticket-keys", secret, "org-1/key-1");

        assertThat(sealed).doesNotContain("private");
        assertThat(key.open("ticket-keys", sealed, "org-1/key-1")).isEqualTo(secret);
        assertThatThrownBy(() -> key.open("ticket-keys", sealed, "org-2/key-1"))
                .isInstanceOf(MasterKey.SealedValueException.class);
        assertThatThrownBy(() -> key.open("other", sealed, "org-1/key-1"))
                .isInstanceOf(MasterKey.SealedValueException.class);
        assertThatThrownBy(() -> MasterKey.of(MasterKey.generate()).open("ticket-keys", sealed, "org-1/key-1"))
                .isInstanceOf(MasterKey.SealedValueException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = key.seal("p", new byte[] {1, 2, 3}, "c");
        String prefix = sealed.substring(0, sealed.indexOf(':') + 1);
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring(prefix.length()));
        raw[13] ^= 1;
        String tampered = prefix + java.util.Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> key.open("p", tampered, "c")).isInstanceOf(MasterKey.SealedValueException.class);
    }

    @Test
    void digestsAreKeyedAndPerPurpose() {
        assertThat(key.digest("a", "body")).isEqualTo(key.digest("a", "body")).hasSize(64);
        assertThat(key.digest("a", "body")).isNotEqualTo(key.digest("b", "body"));
        assertThat(key.digest("a", "body")).isNotEqualTo(MasterKey.of(MasterKey.generate()).digest("a", "body"));
    }

    @Test
    void aFirstStartWritesAKeyOnlyItsOwnerCanReadAndLaterStartsReadIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/master.key");
        MasterKey first = MasterKey.load(Optional.empty(), file.toString());
        MasterKey again = MasterKey.load(Optional.empty(), file.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.digest("x", "y")).isEqualTo(first.digest("x", "y"));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> MasterKey.of("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.of("not base64!")).hasMessageContaining("base64");
    }
}
