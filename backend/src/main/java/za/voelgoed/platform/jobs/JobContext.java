package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.jooq.DSLContext;

/** What a worker sees of the job it performs, and the way to apply its effect once. */
public final class JobContext {

    /** Work done in the effect's transaction. */
    @FunctionalInterface
    public interface Effect {
        void apply(DSLContext tx) throws Exception;
    }

    private final Claim claim;
    private final DSLContext dsl;

    JobContext(Claim claim, DSLContext dsl) {
        this.claim = claim;
        this.dsl = dsl;
    }

    public long jobId() {
        return claim.jobId();
    }

    public JsonNode args() {
        return claim.args();
    }

    public UUID organizationId() {
        return claim.organizationId();
    }

    public int attempt() {
        return claim.attempt();
    }

    public Claim claim() {
        return claim;
    }

    /**
     * Runs {@code effect} in a transaction that also records this job's effect key, unless the key is
     * already recorded — then nothing runs. A job run twice (a rescue after a crash, a replay) applies its
     * effect once. Returns whether the effect ran now.
     */
    public boolean effect(Effect effect) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (!JobStore.recordEffect(tx, claim.effectKey(), claim.jobId())) {
                return false;
            }
            effect.apply(tx);
            return true;
        });
    }
}
