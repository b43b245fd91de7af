package za.voelgoed.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsComeFromApplicationYaml() {
        AppConfig config = AppConfig.load(Map.of());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/voelgoed");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.outbox().retentionDays()).isEqualTo(30);
        assertThat(AppConfig.load(Map.of("VOELGOED_OUTBOX_RETENTION_DAYS", "0")).outbox().retentionDays()).isZero();
    }

    @Test
    void environmentOverridesTheFile() {
        AppConfig config = AppConfig.load(Map.of("VOELGOED_HTTP_PORT", "9090", "VOELGOED_DB_URL",
                "jdbc:postgresql://db:5432/x", "VOELGOED_DB_USER", "app", "VOELGOED_DB_PASSWORD", "pw",
                "VOELGOED_REDIS_URL", "redis://cache:6380/2", "VOELGOED_ADMIN_TOKEN", "s3cret"));
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(config.dbUser()).isEqualTo("app");
        assertThat(config.dbPassword()).isEqualTo("pw");
        assertThat(config.redisUrl()).isEqualTo("redis://cache:6380/2");
        assertThat(config.adminToken()).contains("s3cret");
    }

    @Test
    void badNumbersAreReportedByVariableName() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("VOELGOED_HTTP_PORT", "eighty")))
                .hasMessageContaining("VOELGOED_HTTP_PORT must be an integer");
    }
}
