package za.voelgoed;

import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import za.voelgoed.events.EventsSlice;
import za.voelgoed.identity.AdminToken;
import za.voelgoed.identity.Identities;
import za.voelgoed.identity.IdentityRoutes;
import za.voelgoed.orgs.OrgRoutes;
import za.voelgoed.orgs.Orgs;
import za.voelgoed.payments.PaymentsSlice;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.auth.TopicOwnership;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.gateway.Gateway;
import za.voelgoed.platform.gateway.PresenceRoutes;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.http.ProblemResponses;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.jobs.DeadLetterRetention;
import za.voelgoed.platform.jobs.DeadLetterRoutes;
import za.voelgoed.platform.jobs.DeadLetters;
import za.voelgoed.platform.jobs.JobEngine;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.jobs.QueueRoutes;
import za.voelgoed.platform.jobs.WorkerRegistry;
import za.voelgoed.platform.outbox.Backoff;
import za.voelgoed.platform.outbox.BlockDrainer;
import za.voelgoed.platform.outbox.CommitNotifier;
import za.voelgoed.platform.outbox.ConsumerBlocks;
import za.voelgoed.platform.outbox.ConsumerRegistry;
import za.voelgoed.platform.outbox.DispatchLog;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.OutboxAdminRoutes;
import za.voelgoed.platform.outbox.OutboxDispatcher;
import za.voelgoed.platform.outbox.OutboxRetention;
import za.voelgoed.platform.outbox.OutboxRunner;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.outbox.TopicReplay;
import za.voelgoed.platform.pubsub.OutboxBackfill;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.pubsub.PubSubPublisher;
import za.voelgoed.platform.pubsub.TopicRouter;
import za.voelgoed.platform.ratelimit.RateLimiter;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.platform.telemetry.MicrometerEventTelemetry;
import za.voelgoed.platform.telemetry.MicrometerGatewayTelemetry;
import za.voelgoed.platform.telemetry.MicrometerJobTelemetry;
import za.voelgoed.platform.telemetry.ObservabilityRoutes;
import za.voelgoed.platform.telemetry.OrgTelemetry;
import za.voelgoed.platform.telemetry.TelemetryRoutes;
import za.voelgoed.platform.telemetry.StallWatchdog;
import za.voelgoed.platform.telemetry.Telemetry;
import za.voelgoed.sales.SalesSlice;
import za.voelgoed.scanning.ScanningSlice;
import za.voelgoed.seating.SeatingSlice;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.json.Json;
import za.voelgoed.ticketing.TicketingSlice;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * One backend node: the platform (PostgreSQL, Redis, the outbox and its dispatcher, PubSub, jobs, the edge
 * and the gateway) and the slices composed over it ({@link #slices}), wired by hand (no container). Several
 * nodes may run against the same PostgreSQL and Redis — in separate processes in production, in one JVM in
 * the multi-node tests.
 */
public final class BackendNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackendNode.class.getName());
    private static final String MANAGEMENT = "management";

    private final AppConfig config;
    private final Database database;
    private final Redis redis;
    private final Telemetry telemetry;
    private final EventTypeRegistry types;
    private final Outbox outbox;
    private final PubSub pubsub;
    private final TopicRouter router;
    private final DispatchLog dispatchLog;
    private final OutboxDispatcher dispatcher;
    private final OutboxRunner runner;
    private final OutboxRetention retention;
    private final AdminToken.Bootstrap admin;
    private final Jobs jobs;
    private final DeadLetters deadLetters;
    private final JobEngine jobEngine;
    private final MasterKey masterKey;
    private final IdempotencyKeys idempotency;
    private final Orgs orgs;
    private final OrgTelemetry orgTelemetry;
    private final Platform platform;
    private final Wiring wiring = new Wiring();
    private WebServer server;
    private CommitNotifier notifier;
    private Gateway gateway;
    private StallWatchdog stallWatchdog;

    private BackendNode(AppConfig config, Extensions extensions) {
        this.config = config;
        this.masterKey = MasterKey.load(config.security().masterKey(), config.security().masterKeyFile());
        this.telemetry = new Telemetry(config.nodeId());
        MicrometerEventTelemetry eventTelemetry = new MicrometerEventTelemetry(telemetry.registry());
        this.database = Database.open(config);
        this.redis = Redis.connect(config.redisUrl(), config.redisPrefix());
        this.types = EventTypeRegistry.standard();
        Clock clock = Clock.systemUTC();
        this.outbox = new Outbox(database.dsl(), types, new PiiScrubber(), eventTelemetry, clock);
        ConsumerRegistry consumers = new ConsumerRegistry(types);
        this.router = new TopicRouter(types);
        this.dispatchLog = new DispatchLog(database.dsl());
        this.pubsub = new PubSub(redis, config.nodeId(), eventTelemetry, config.subscriberQueue(),
                config.pubsubLingerMs(), new OutboxBackfill(dispatchLog, router)).start();
        var settings = config.outbox();
        Backoff backoff = new Backoff(Duration.ofMillis(settings.consumerBackoffMs()), Duration.ofMinutes(5));
        this.dispatcher = new OutboxDispatcher(database.dsl(), consumers, outbox,
                new PubSubPublisher(pubsub, router, types, eventTelemetry), eventTelemetry,
                backoff, clock, settings.batchSize());
        BlockDrainer drainer = new BlockDrainer(database.dsl(), consumers, outbox, eventTelemetry, backoff, clock,
                settings.consumerMaxAttempts());
        this.runner = new OutboxRunner(dispatcher, drainer, database::dedicatedConnection, database.dsl(),
                eventTelemetry, settings.pollIntervalMs(), settings.dispatchThreads(), config.nodeId());
        this.retention = new OutboxRetention(database.dsl(), settings.retentionDays(), eventTelemetry);
        this.admin = AdminToken.bootstrap(database.dsl(), config.adminToken());
        admin.createdSecret().ifPresent(BackendNode::announce);
        WorkerRegistry workers = new WorkerRegistry();
        this.jobs = new Jobs(database.dsl(), workers);
        this.deadLetters = new DeadLetters(outbox, database.dsl());
        this.jobEngine = new JobEngine(database.dsl(), jobs, deadLetters, config.jobs(),
                DeadLetterRetention.of(config.security()), config.nodeId(),
                new MicrometerJobTelemetry(telemetry.registry()), database::dedicatedConnection);
        this.idempotency = new IdempotencyKeys(database.dsl(), masterKey,
                Duration.ofHours(config.security().idempotencyRetentionHours())).startPruning();
        this.orgs = new Orgs(outbox, database.dsl());
        this.orgTelemetry = new OrgTelemetry(config.nodeId(), redis, pubsub, types, jobs::backlog);
        outbox.onCommit(events -> events.forEach(e -> orgTelemetry.live().emitted(e.organizationId(), e.eventType())));
        this.platform = new Platform(config, database.dsl(), redis, outbox, jobs, dispatchLog, idempotency,
                masterKey, orgs, telemetry.registry(), clock);
        // before anything dispatches or works: every type, consumer and worker is known by then
        for (Slice slice : slices(extensions)) {
            slice.wire(platform, wiring);
        }
        wiring.schemas().forEach(types::register);
        wiring.consumers().forEach(consumers::register);
        wiring.workers().forEach(workers::register);
        wiring.recurring().forEach(jobEngine::schedule);
    }

    /**
     * The slices of a node, in wiring order: a slice comes after the ones it takes. A new slice is one line
     * here (and a variable, when a later slice takes it).
     */
    static List<Slice> slices(Extensions extensions) {
        EventsSlice events = new EventsSlice();
        SeatingSlice seating = new SeatingSlice(events);
        PaymentsSlice payments = new PaymentsSlice();
        TicketingSlice ticketing = new TicketingSlice(seating, payments);
        return List.of(events, seating, payments, ticketing, new SalesSlice(seating), new ScanningSlice(events, ticketing), extensions);
    }

    /** Starts a node: migrates, connects, starts dispatching and serves HTTP. */
    public static BackendNode start(AppConfig config) {
        return start(config, Extensions.none());
    }

    /** Starts a node with event types and consumers registered before dispatch begins. */
    public static BackendNode start(AppConfig config, Extensions extensions) {
        BackendNode node = new BackendNode(config, extensions);
        node.notifier = new CommitNotifier(node.database.dataSource(), node.runner::wake, config.nodeId());
        node.outbox.onCommit(events -> node.notifier.committed());
        node.runner.start();
        node.retention.start();
        if (config.jobs().enabled()) {
            node.jobEngine.start();
        }
        node.wiring.onStart().forEach(Runnable::run);
        node.serve();
        node.orgTelemetry.start();
        return node;
    }

    private void serve() {
        TopicOwnership ownership = new TopicOwnership();
        wiring.topicOwners().forEach(ownership::register);
        Identities identities = new Identities(database.dsl(), orgs, ownership, admin.token(),
                new Identities.TokenPolicy(Duration.ofDays(config.security().tokenMaxLifetimeDays()),
                        config.rateLimits().tokensPerOrg()));
        var limits = config.rateLimits();
        RateLimiter unauthenticated = new RateLimiter(redis, "unauthenticated", limits.unauthenticatedPerSecond());
        gateway = new Gateway(pubsub, identities, ownership, router, new TopicReplay(dispatchLog, router::topicsOf,
                config.gateway().replayScanLimit()),
                config.gateway(), orgTelemetry.gatewayTelemetry(new MicrometerGatewayTelemetry(telemetry.registry())),
                new Gateway.Limits(new RateLimiter(redis, "frames", limits.framesPerSecond()), unauthenticated,
                        limits.resumeFrameCost(), limits.socketsPerToken(), limits.socketsPerOrg()),
                redis, config.nodeId(), identities::deadTokens).start();
        AccessFilter.Limits restLimits = new AccessFilter.Limits(new RateLimiter(redis, "rest", limits.restPerSecond()),
                new RateLimiter(redis, "rest-org", limits.orgRestPerSecond()),
                unauthenticated);
        stallWatchdog = new StallWatchdog(config.stallWatch().afterMs(), Path.of(config.stallWatch().directory()),
                config.nodeId());
        ObservabilityRoutes observability = new ObservabilityRoutes(telemetry, Map.of(
                "postgresql", () -> database.isReachable(2), "redis", redis::isReachable));
        WebServerConfig.Builder builder = WebServer.builder()
                .host(config.httpHost()).port(config.httpPort())
                // the API reads at most 1 MiB of a body (Requests.text); this only stops a far larger one early
                .maxPayloadSize(8L * Requests.MAX_BODY_BYTES)
                .directHandlers(ProblemResponses.directHandlers())
                .connectionOptions(socket -> {
                    // Nagle's algorithm holds a small frame back until the previous one is acknowledged: a
                    // control room with little traffic would wait on it for every event
                    socket.tcpNoDelay(config.gateway().tcpNoDelay());
                    // a fixed, small kernel send buffer bounds memory per socket and surfaces a stalled
                    // client sooner; 0 keeps the operating system's auto-tuning
                    if (config.gateway().socketSendBuffer() > 0) {
                        socket.socketSendBufferSize(config.gateway().socketSendBuffer());
                    }
                })
                .mediaContext(MediaContext.builder().mediaSupportsDiscoverServices(false).registerDefaults(true)
                        .addMediaSupport(JacksonSupport.create(Json.mapper())).build())
                .routing(routing -> routing(routing, new AccessFilter(identities, restLimits), observability,
                        identities))
                .addRouting(gateway.routing());
        managementListener(builder, observability);
        server = builder.build().start();
        LOG.log(Level.INFO, "backend_started node=" + config.nodeId() + " port=" + server.port() + " management_port="
                + managementPort() + " db=" + config.dbUrl());
    }

    /** The platform's routes around the slices' (tenancy and access first, operations last). */
    private void routing(HttpRouting.Builder routing, AccessFilter access, ObservabilityRoutes observability,
                         Identities identities) {
        ProblemResponses.register(routing);
        routing.addFilter(stallWatchdog)
                .addFilter(access)
                .register("/", observability.publicRoutes(config.management().metricsToken()))
                .register("/api/session", new za.voelgoed.identity.SessionRoutes())
                .register("/api/orgs", new OrgRoutes(orgs))
                .register("/api/orgs/{orgId}", new IdentityRoutes(identities));
        wiring.routes().forEach(route -> routing.register(route.path(), route.service()));
        routing.register("/api/orgs/{orgId}/presence", new PresenceRoutes(gateway))
                .register("/api/orgs/{orgId}/dlq", new DeadLetterRoutes(deadLetters))
                .register("/api/orgs/{orgId}/queues", new QueueRoutes(jobs, outbox))
                .register("/api/orgs/{orgId}/telemetry", new TelemetryRoutes(orgTelemetry))
                .register("/api/admin/outbox", new OutboxAdminRoutes(new ConsumerBlocks(database.dsl())));
    }

    /** /metrics and /health on their own listener, loopback by default: metrics name every tenant. */
    private void managementListener(WebServerConfig.Builder builder, ObservabilityRoutes observability) {
        var management = config.management();
        if (management.port() < 0) {
            return;
        }
        builder.putSocket(MANAGEMENT, ListenerConfig.builder().host(management.host()).port(management.port())
                        .directHandlers(ProblemResponses.directHandlers()).build())
                .routing(MANAGEMENT, routing -> {
                    ProblemResponses.register(routing);
                    routing.register("/", observability.managementRoutes());
                });
    }

    /** Shows a token made on this start, once: only its digest is kept. */
    private static void announce(String token) {
        System.out.println("VOELGOED_ADMIN_TOKEN is not set and this database had no admin token: the system-admin"
                + " token is " + token + "\nIt is shown this once; rotate it with: java -jar backend.jar admin-token rotate");
    }

    public int port() {
        return server.port();
    }

    /** The management listener's port ({@code /metrics}); -1 when it is turned off. */
    public int managementPort() {
        return config.management().port() < 0 ? -1 : server.port(MANAGEMENT);
    }

    /** The configured admin token, or the one this start created; null when it was made by an earlier start. */
    public String adminToken() {
        return config.adminToken().orElse(admin.createdSecret().orElse(null));
    }

    /** What this node's slices stand on. */
    public Platform platform() {
        return platform;
    }

    public AppConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Redis redis() {
        return redis;
    }

    public EventTypeRegistry types() {
        return types;
    }

    public Outbox outbox() {
        return outbox;
    }

    public PubSub pubsub() {
        return pubsub;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public Jobs jobs() {
        return jobs;
    }

    public JobEngine jobEngine() {
        return jobEngine;
    }

    public Gateway gateway() {
        return gateway;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** The deployment's master key: keyed digests and sealed secrets derive from it. */
    public MasterKey masterKey() {
        return masterKey;
    }

    /** Stops serving and working, lets a dispatch pass in progress finish, then releases connections. */
    @Override
    public void close() {
        orgTelemetry.close();
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.stop();
        }
        jobEngine.close();
        wiring.closeables().forEach(BackendNode::closeQuietly);
        idempotency.close();
        if (stallWatchdog != null) {
            stallWatchdog.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        retention.close();
        runner.close();
        pubsub.close();
        redis.close();
        database.close();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "close_failed part=" + part.getClass().getSimpleName() + " error=" + e);
        }
    }
}
