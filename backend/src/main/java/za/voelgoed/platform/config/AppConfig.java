package za.voelgoed.platform.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the backend reads at start: {@code application.yaml} on the class path, overridden by
 * the {@code VOELGOED_*} environment variables of the operator contract (README "Configuration").
 */
public record AppConfig(
        String httpHost,
        int httpPort,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        String redisUrl,
        String redisPrefix,
        Optional<String> adminToken,
        String nodeId,
        OutboxSettings outbox,
        int subscriberQueue,
        int pubsubLingerMs,
        GatewaySettings gateway,
        RateLimits rateLimits,
        JobSettings jobs,
        long holdSweepIntervalMs,
        long driftCheckIntervalMs,
        InventoryTtl inventoryTtl,
        ProviderSettings paymentProvider,
        SecuritySettings security,
        ManagementSettings management,
        DbTimeouts dbTimeouts,
        StallWatch stallWatch) {

    /** Thread dumps when requests are in flight and none completes for {@code afterMs} (0: off), into {@code directory}. */
    public record StallWatch(int afterMs, String directory) {
    }

    /**
     * How long a show's Redis state lives: until {@code keepAfterEndHours} after the show ends, where a show
     * without an end time ends {@code defaultShowHours} after it starts.
     */
    public record InventoryTtl(int keepAfterEndHours, int defaultShowHours) {
    }

    /** Server-side ceilings of every pooled session: idle inside a transaction, and one statement (0: none). */
    public record DbTimeouts(int idleInTransactionMs, int statementMs) {
    }

    /**
     * Secrets and how long sensitive rows live: the master key (base64 of 32 bytes; else read from, or
     * created at, {@code masterKeyFile}), the longest an org token may live, how long an idempotent
     * answer is kept, and how long dead letters are kept once resolved and while still open.
     */
    public record SecuritySettings(Optional<String> masterKey, String masterKeyFile, int tokenMaxLifetimeDays,
                                   int idempotencyRetentionHours, int dlqResolvedRetentionDays,
                                   int dlqOpenRetentionDays) {
    }

    /**
     * The management listener ({@code /metrics}, {@code /health}): bound to loopback by default, port 0 picks a
     * free one, -1 turns it off. With {@code metricsToken} set, the public port also serves {@code /metrics} to a
     * scraper that sends it as a bearer token.
     */
    public record ManagementSettings(String host, int port, Optional<String> metricsToken) {
    }

    /** The card payment provider (the simulator in development and tests). */
    public record ProviderSettings(String url, int connectTimeoutMs, int requestTimeoutMs, int maxAttempts) {
    }

    /**
     * Quotas; 0 turns one off. Per second: REST requests and WebSocket frames per token, REST requests per
     * organisation, requests without a valid token per client address. Counts: live tokens per organisation,
     * open sockets per token and per organisation. A resume costs {@code resumeFrameCost} frames of its token.
     */
    public record RateLimits(int restPerSecond, int framesPerSecond, int orgRestPerSecond,
                             int unauthenticatedPerSecond, int tokensPerOrg, int socketsPerToken, int socketsPerOrg,
                             int resumeFrameCost) {
    }

    /**
     * Tuning of the after-commit dispatcher, and how many days events are kept in the outbox (0: for ever); the
     * retention must be longer than any client's reconnect gap (an older resume point means a rehydrate).
     */
    public record OutboxSettings(int batchSize, long pollIntervalMs, int consumerMaxAttempts, long consumerBackoffMs,
                                 int dispatchThreads, int retentionDays) {
    }

    /**
     * The job engine: whether this node runs workers, how many jobs of each queue kind it runs at once,
     * its timers (milliseconds) and how long finished jobs are kept.
     */
    public record JobSettings(boolean enabled, java.util.Map<String, Integer> concurrency, long pollIntervalMs,
                              long heartbeatMs, long nodeTimeoutMs, long backoffMs, long shutdownGraceMs,
                              int pruneAfterHours) {

        public int concurrencyOf(String kind) {
            return concurrency.getOrDefault(kind, 10);
        }
    }

    /** Limits and timers of the WebSocket gateway. */
    public record GatewaySettings(long heartbeatMs, long idleTimeoutMs, long authDeadlineMs, int maxSubscriptions,
                                  int maxFrameBytes, int sendQueue, int replayLimit,
                                  int socketSendBuffer, long writeTimeoutMs, int replayScanLimit, boolean tcpNoDelay) {
    }

    /** Loads the configuration with the process environment as overrides. */
    public static AppConfig load() {
        return load(System.getenv());
    }

    /** Loads the configuration with the given variables (same names as the environment) as overrides. */
    public static AppConfig load(Map<String, String> env) {
        Config yaml = Config.just(ConfigSources.classpath("application.yaml")).get("voelgoed");
        Lookup in = new Lookup(yaml, env);
        return new AppConfig(
                in.text("VOELGOED_HTTP_HOST", "http.host", "0.0.0.0"),
                in.integer("VOELGOED_HTTP_PORT", "http.port", 8080),
                in.text("VOELGOED_DB_URL", "db.url", "jdbc:postgresql://127.0.0.1:5432/voelgoed"),
                in.text("VOELGOED_DB_USER", "db.user", "postgres"),
                in.text("VOELGOED_DB_PASSWORD", "db.password", ""),
                in.integer("VOELGOED_DB_POOL_SIZE", "db.pool-size", 16),
                in.text("VOELGOED_REDIS_URL", "redis.url", "redis://127.0.0.1:6379/0"),
                in.text("VOELGOED_REDIS_PREFIX", "redis.prefix", "vg:"),
                Optional.of(in.text("VOELGOED_ADMIN_TOKEN", "admin-token", "")).filter(s -> !s.isBlank()),
                in.text("VOELGOED_NODE_ID", "node-id", "node-" + UUID.randomUUID().toString().substring(0, 8)),
                new OutboxSettings(
                        in.integer("VOELGOED_OUTBOX_BATCH_SIZE", "outbox.batch-size", 500),
                        in.integer("VOELGOED_OUTBOX_POLL_INTERVAL_MS", "outbox.poll-interval-ms", 500),
                        in.integer("VOELGOED_OUTBOX_CONSUMER_MAX_ATTEMPTS", "outbox.consumer-max-attempts", 6),
                        in.integer("VOELGOED_OUTBOX_CONSUMER_BACKOFF_MS", "outbox.consumer-backoff-ms", 1000),
                        in.integer("VOELGOED_OUTBOX_DISPATCH_THREADS", "outbox.dispatch-threads", 2),
                        in.integer("VOELGOED_OUTBOX_RETENTION_DAYS", "outbox.retention-days", 30)),
                in.integer("VOELGOED_PUBSUB_SUBSCRIBER_QUEUE", "pubsub.subscriber-queue", 4096),
                in.integer("VOELGOED_PUBSUB_LINGER_MS", "pubsub.linger-ms", 5),
                new GatewaySettings(
                        in.integer("VOELGOED_WS_HEARTBEAT_MS", "ws.heartbeat-ms", 15_000),
                        in.integer("VOELGOED_WS_IDLE_TIMEOUT_MS", "ws.idle-timeout-ms", 45_000),
                        in.integer("VOELGOED_WS_AUTH_DEADLINE_MS", "ws.auth-deadline-ms", 5_000),
                        in.integer("VOELGOED_WS_MAX_SUBSCRIPTIONS", "ws.max-subscriptions", 100),
                        in.integer("VOELGOED_WS_MAX_FRAME_BYTES", "ws.max-frame-bytes", 65_536),
                        in.integer("VOELGOED_WS_SEND_QUEUE", "ws.send-queue", 1_024),
                        in.integer("VOELGOED_WS_REPLAY_LIMIT", "ws.replay-limit", 5_000),
                        in.integer("VOELGOED_WS_SOCKET_SEND_BUFFER", "ws.socket-send-buffer", 0),
                        in.integer("VOELGOED_WS_WRITE_TIMEOUT_MS", "ws.write-timeout-ms", 10_000),
                        in.integer("VOELGOED_WS_REPLAY_SCAN_LIMIT", "ws.replay-scan-limit", 20_000),
                        in.bool("VOELGOED_TCP_NODELAY", "ws.tcp-nodelay", true)),
                new RateLimits(
                        in.integer("VOELGOED_RATE_LIMIT_REST_PER_SECOND", "rate-limit.rest-per-second", 200),
                        in.integer("VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "rate-limit.frames-per-second", 50),
                        in.integer("VOELGOED_RATE_LIMIT_ORG_REST_PER_SECOND", "rate-limit.org-rest-per-second", 1_000),
                        in.integer("VOELGOED_RATE_LIMIT_UNAUTHENTICATED_PER_SECOND",
                                "rate-limit.unauthenticated-per-second", 20),
                        in.integer("VOELGOED_LIMIT_TOKENS_PER_ORG", "rate-limit.tokens-per-org", 500),
                        in.integer("VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "rate-limit.sockets-per-token", 20),
                        in.integer("VOELGOED_LIMIT_SOCKETS_PER_ORG", "rate-limit.sockets-per-org", 5_000),
                        in.integer("VOELGOED_RATE_LIMIT_RESUME_FRAME_COST", "rate-limit.resume-frame-cost", 10)),
                jobs(in),
                in.integer("VOELGOED_HOLD_SWEEP_INTERVAL_MS", "seating.hold-sweep-interval-ms", 500),
                in.integer("VOELGOED_INVENTORY_DRIFT_INTERVAL_MS", "seating.drift-check-interval-ms", 30_000),
                new InventoryTtl(
                        in.integer("VOELGOED_INVENTORY_KEEP_AFTER_END_HOURS", "seating.keep-after-end-hours", 168),
                        in.integer("VOELGOED_SHOW_DEFAULT_HOURS", "seating.default-show-hours", 24)),
                new ProviderSettings(
                        in.text("VOELGOED_PAYMENTS_URL", "payments.url", "http://127.0.0.1:8089"),
                        in.integer("VOELGOED_PAYMENTS_CONNECT_TIMEOUT_MS", "payments.connect-timeout-ms", 1_000),
                        in.integer("VOELGOED_PAYMENTS_TIMEOUT_MS", "payments.timeout-ms", 5_000),
                        in.integer("VOELGOED_PAYMENTS_MAX_ATTEMPTS", "payments.max-attempts", 3)),
                new SecuritySettings(
                        Optional.of(in.text("VOELGOED_MASTER_KEY", "security.master-key", "")).filter(s -> !s.isBlank()),
                        in.text("VOELGOED_MASTER_KEY_FILE", "security.master-key-file",
                                System.getProperty("user.home") + "/.voelgoed/master.key"),
                        in.integer("VOELGOED_TOKEN_MAX_LIFETIME_DAYS", "security.token-max-lifetime-days", 90),
                        in.integer("VOELGOED_IDEMPOTENCY_RETENTION_HOURS", "security.idempotency-retention-hours", 24),
                        in.integer("VOELGOED_DLQ_RESOLVED_RETENTION_DAYS", "security.dlq-resolved-retention-days", 30),
                        in.integer("VOELGOED_DLQ_OPEN_RETENTION_DAYS", "security.dlq-open-retention-days", 90)),
                new ManagementSettings(
                        in.text("VOELGOED_MANAGEMENT_HOST", "management.host", "127.0.0.1"),
                        in.integer("VOELGOED_MANAGEMENT_PORT", "management.port", 9090),
                        Optional.of(in.text("VOELGOED_METRICS_TOKEN", "management.metrics-token", ""))
                                .filter(s -> !s.isBlank())),
                new DbTimeouts(
                        in.integer("VOELGOED_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "db.idle-in-transaction-timeout-ms", 60_000),
                        in.integer("VOELGOED_DB_STATEMENT_TIMEOUT_MS", "db.statement-timeout-ms", 30_000)),
                new StallWatch(
                        in.integer("VOELGOED_STALL_DUMP_AFTER_MS", "stall.dump-after-ms", 10_000),
                        in.text("VOELGOED_STALL_DUMP_DIR", "stall.dump-dir", System.getProperty("java.io.tmpdir"))));
    }

    private static JobSettings jobs(Lookup in) {
        Map<String, Integer> concurrency = new java.util.LinkedHashMap<>();
        Map.of("payments", 10, "notifications", 20, "scanning", 20, "reporting", 5, "integrations", 10)
                .forEach((kind, fallback) -> concurrency.put(kind, in.integer(
                        "VOELGOED_JOBS_CONCURRENCY_" + kind.toUpperCase(java.util.Locale.ROOT),
                        "jobs.concurrency." + kind, fallback)));
        return new JobSettings(
                Boolean.parseBoolean(in.text("VOELGOED_JOBS_ENABLED", "jobs.enabled", "true").strip()),
                Map.copyOf(concurrency),
                in.integer("VOELGOED_JOBS_POLL_INTERVAL_MS", "jobs.poll-interval-ms", 1_000),
                in.integer("VOELGOED_JOBS_HEARTBEAT_MS", "jobs.heartbeat-ms", 1_000),
                in.integer("VOELGOED_JOBS_NODE_TIMEOUT_MS", "jobs.node-timeout-ms", 15_000),
                in.integer("VOELGOED_JOBS_BACKOFF_MS", "jobs.backoff-ms", 1_000),
                in.integer("VOELGOED_JOBS_SHUTDOWN_GRACE_MS", "jobs.shutdown-grace-ms", 15_000),
                in.integer("VOELGOED_JOBS_PRUNE_AFTER_HOURS", "jobs.prune-after-hours", 168));
    }

    private record Lookup(Config yaml, Map<String, String> env) {
        String text(String envName, String key, String fallback) {
            String fromEnv = env.get(envName);
            if (fromEnv != null) {
                return fromEnv;
            }
            return yaml.get(key).asString().orElse(fallback);
        }

        boolean bool(String envName, String key, boolean fallback) {
            String value = text(envName, key, Boolean.toString(fallback)).strip();
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(envName + " must be true or false");
            }
            return Boolean.parseBoolean(value);
        }

        int integer(String envName, String key, int fallback) {
            String value = text(envName, key, Integer.toString(fallback));
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(envName + " must be an integer, got '" + value + "'", e);
            }
        }
    }
}
