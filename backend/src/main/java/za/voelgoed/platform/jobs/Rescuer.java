package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import za.voelgoed.shared.json.Json;

/**
 * Takes back the jobs of nodes that stopped heartbeating. The dead node's attempt counts, as a failed
 * one (Oban's Lifeline does the same): a job with attempts left runs again, a job on its last attempt goes
 * to the dead-letter queue through the same path as a job whose last attempt threw — so a job never runs
 * more often than its maximum.
 */
final class Rescuer {

    private static final System.Logger LOG = System.getLogger(Rescuer.class.getName());

    private final DSLContext dsl;
    private final DeadLetters deadLetters;
    private final JobTelemetry telemetry;
    private final String nodeId;

    Rescuer(DSLContext dsl, DeadLetters deadLetters, JobTelemetry telemetry, String nodeId) {
        this.dsl = dsl;
        this.deadLetters = deadLetters;
        this.telemetry = telemetry;
        this.nodeId = nodeId;
    }

    /** One pass; returns how many jobs went back to their queue (the caller wakes its producers for them). */
    int rescue(long nodeTimeoutMs) {
        NodeLiveness.Orphans orphans = NodeLiveness.rescue(dsl, nodeTimeoutMs);
        int buried = 0;
        for (NodeLiveness.LastAttempt last : orphans.lastAttempts()) {
            buried += bury(last) ? 1 : 0;
        }
        int rescued = orphans.retried().size() + buried;
        if (rescued > 0) {
            LOG.log(Level.WARNING, "jobs_rescued count=" + rescued + " retried=" + orphans.retried().size()
                    + " dead_lettered=" + buried + " by=" + nodeId);
            telemetry.rescued(rescued);
        }
        return orphans.retried().size();
    }

    /**
     * False when the claim no longer held the job: another node buried it first, or the node was only
     * stalled and finished it meanwhile. A failure here leaves the job executing under a node that is
     * gone, so the next pass finds it again.
     */
    private boolean bury(NodeLiveness.LastAttempt last) {
        Claim claim = last.claim();
        String node = last.node() == null ? "?" : last.node();
        JsonNode entry = Json.object().put("attempt", claim.attempt()).put("at", OffsetDateTime.now().toString())
                .put("error", "rescued: node " + node + " stopped heartbeating; no attempts left")
                .put("node", node);
        try {
            if (deadLetters.bury(claim, entry).isEmpty()) {
                return false;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job_rescue_bury_failed job=" + claim.jobId() + " error=\"" + e.getMessage() + "\"");
            return false;
        }
        // the attempt lasted, as far as anyone can tell, from its claim until the rescue
        telemetry.finished(claim, Duration.between(claim.attemptedAt(), OffsetDateTime.now()).abs(), "discarded");
        LOG.log(Level.WARNING, "job_discarded job=" + claim.jobId() + " worker=" + claim.worker()
                + " attempts=" + claim.attempt() + " error=\"rescued from node " + node + "\"");
        return true;
    }
}
