package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.shared.json.Json;

/** The scan's wire form: the strict {@code offline} flag and the {@code conflict} mark of an answer. */
class ScanWireTest {

    private static final String SESSION = UUID.randomUUID().toString();

    private static String scan(String offline) {
        return "{\"code\": \"c\", \"session_id\": \"" + SESSION + "\", \"nonce\": \"n\"" + offline + "}";
    }

    @Test
    void offlineIsAJsonBooleanAndAbsentMeansOnline() {
        assertThat(Requests.parse(scan(", \"offline\": true"), ScanRequest.class).admittedOffline()).isTrue();
        assertThat(Requests.parse(scan(", \"offline\": false"), ScanRequest.class).admittedOffline()).isFalse();
        assertThat(Requests.parse(scan(""), ScanRequest.class).admittedOffline()).isFalse();
        assertThat(Requests.parse(scan(", \"offline\": null"), ScanRequest.class).admittedOffline()).isFalse();
        for (String bad : new String[] {"\"yes\"", "\"true\"", "1", "{}"}) {
            assertThatThrownBy(() -> Requests.parse(scan(", \"offline\": " + bad), ScanRequest.class)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void onlyAConflictCarriesTheConflictFieldAndItSurvivesTheStoredAnswer() {
        ScanAnswer plain = ScanAnswer.of(ScanResult.ALREADY_REDEEMED, null, null);
        assertThat(Json.tree(Json.write(plain)).has("conflict")).isFalse();
        ScanAnswer conflict = plain.asConflict();
        assertThat(Json.tree(Json.write(conflict)).path("conflict").asBoolean()).isTrue();
        assertThat(Json.read(Json.write(conflict), ScanAnswer.class)).isEqualTo(conflict);
        assertThat(Json.read(Json.write(plain), ScanAnswer.class)).isEqualTo(plain);
    }
}
