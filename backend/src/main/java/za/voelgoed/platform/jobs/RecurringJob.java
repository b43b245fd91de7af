package za.voelgoed.platform.jobs;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A job enqueued on every tick of a cron schedule. Every node enqueues each tick under the unique key
 * {@code recurring:{name}:{tick}} in the template's organisation (keys are unique per organisation), so the
 * tick runs once per organisation however many nodes are up.
 */
public record RecurringJob(String name, CronSchedule schedule, ZoneId zone, JobRequest template) {

    public RecurringJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(template, "template");
    }

    public static RecurringJob of(String name, String cron, JobRequest template) {
        return new RecurringJob(name, CronSchedule.parse(cron), ZoneId.of("UTC"), template);
    }

    JobRequest forTick(java.time.Instant tick) {
        return new JobRequest(template.worker(), template.organizationId(), template.args(), null,
                template.priority(), "recurring:" + name + ":" + tick.getEpochSecond(), template.maxAttempts());
    }
}
