package za.voelgoed.shared.event;

import java.util.ArrayList;
import java.util.List;

/**
 * The versioning rule of the seed (section 10): a newer version of an event type may only add. Every
 * field of the older version keeps its name, type and whether it is required (an optional field that
 * became required could not be upcast; a required one that became optional would reach older
 * consumers missing), and the domain and resource type stay, so a consumer written for the older
 * version reads the newer one by ignoring what it does not know.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /** What the newer schema breaks relative to the older one; empty when it is purely additive. */
    public static List<String> breakingChanges(EventSchema older, EventSchema newer) {
        List<String> problems = new ArrayList<>();
        if (!older.type().name().equals(newer.type().name())) {
            problems.add("cannot compare " + older.type() + " with " + newer.type());
            return problems;
        }
        if (!older.domain().equals(newer.domain())) {
            problems.add(newer.type() + " changes the domain from " + older.domain() + " to " + newer.domain());
        }
        if (!older.resourceType().equals(newer.resourceType())) {
            problems.add(newer.type() + " changes the resource type from " + older.resourceType()
                    + " to " + newer.resourceType());
        }
        for (FieldSpec old : older.fields().values()) {
            newer.field(old.name()).ifPresentOrElse(
                    now -> compareField(newer.type(), old, now, problems),
                    () -> problems.add(newer.type() + " removes field '" + old.name() + "' of " + older.type()));
        }
        return problems;
    }

    private static void compareField(EventTypeName type, FieldSpec old, FieldSpec now, List<String> problems) {
        if (old.type() != now.type()) {
            problems.add(type + " changes field '" + old.name() + "' from " + old.type() + " to " + now.type());
        }
        if (!old.required() && now.required()) {
            problems.add(type + " makes optional field '" + old.name() + "' required");
        }
        if (old.required() && !now.required()) {
            problems.add(type + " makes required field '" + old.name() + "' optional");
        }
    }
}
