package za.voelgoed.platform.jobs.cli;

import java.util.List;
import java.util.UUID;

/**
 * What a replay or discard acts on. The bulk routes take exactly one of ids and filter, and a single
 * id has a route of its own, so the three cases are kept apart rather than as nullable fields.
 */
sealed interface Selection {

    record One(UUID id) implements Selection {
    }

    record Ids(List<UUID> ids) implements Selection {

        public Ids {
            ids = List.copyOf(ids);
        }
    }

    record Matching(DlqFilter filter) implements Selection {
    }
}
