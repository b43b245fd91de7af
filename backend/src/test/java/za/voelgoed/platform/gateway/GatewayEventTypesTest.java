package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.EventTypeRegistry;

/**
 * Every event type the gateway can put on a socket is in the shared registry, with the schema clients read
 * it by. The gateway sends two kinds of event: those of the outbox, which cannot be emitted unless their type
 * is registered and their data valid (the outbox checks both), and the system events it publishes itself,
 * which this test holds to the same rule; and no event type is named in the backend except through the
 * registry's constants, so a new system event cannot slip past it.
 */
class GatewayEventTypesTest {

    private static final Pattern WIRE_NAME = Pattern.compile("\"([a-z][a-z_]*\\.[a-z][a-z_]*\\.v[0-9]+)\"");
    private final EventTypeRegistry standard = EventTypeRegistry.standard();

    @Test
    void presenceChangesAreRegisteredAndWhatTheGatewaySendsForThemIsValid() {
        EventSchema schema = standard.require(Presence.EVENT);
        assertThat(schema.domain()).as("published on audit:org:{org}").isEqualTo("audit");
        PresenceEntry device = new PresenceEntry(UUID.randomUUID(), UUID.randomUUID(), "device", "device",
                UUID.randomUUID(), UUID.randomUUID(), null, "node-a", Instant.now());
        PresenceEntry console = new PresenceEntry(UUID.randomUUID(), UUID.randomUUID(), "user", "admin", null, null,
                null, "node-b", Instant.now());
        for (String state : new String[] {"joined", "left", "expired"}) {
            assertThat(schema.violations(Presence.data(device, state))).isEmpty();
            assertThat(schema.violations(Presence.data(console, state))).isEmpty();
        }
    }

    @Test
    void everyEventTypeNamedInTheBackendIsRegistered() throws IOException {
        Map<String, String> unregistered = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the backend's sources, read from the module's directory").hasSizeGreaterThan(100);
        for (Path source : sources) {
            Matcher named = WIRE_NAME.matcher(Files.readString(source));
            while (named.find()) {
                if (standard.find(za.voelgoed.shared.event.EventTypeName.parse(named.group(1))).isEmpty()) {
                    unregistered.put(named.group(1), source.getFileName().toString());
                }
            }
        }
        assertThat(unregistered).as("event types named in the backend but not registered").isEmpty();
    }
}
