package za.voelgoed.console.dlq.viewmodel;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import za.voelgoed.console.api.DeadLetters;

/** A dry run's answer, waiting for the confirm. */
public record DryRunPlan(DeadLetterDeskViewModel.Action action, DeadLetterDeskViewModel.Scope scope, List<UUID> ids,
                         DeadLetters.Filter filter, String reason, int wouldRun, int wouldSkip,
                         Map<String, Long> skippedByCode) {

    /** "Replay 12 dead letters; 2 would be skipped: already_done 2." */
    public String summary() {
        String verb = action == DeadLetterDeskViewModel.Action.REPLAY ? "Replay" : "Discard";
        String what = wouldRun == 1 ? "1 dead letter" : wouldRun + " dead letters";
        String scopeText = switch (scope) {
            case ONE -> "";
            case SELECTED -> " of the " + (wouldRun + wouldSkip) + " selected";
            case MATCHING -> " matching the filter";
        };
        String skipped = wouldSkip == 0 ? "none would be skipped"
                : wouldSkip + " would be skipped: " + skippedByCode.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return verb + " " + what + scopeText + "; " + skipped + ".";
    }
}
