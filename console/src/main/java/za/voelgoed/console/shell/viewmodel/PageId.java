package za.voelgoed.console.shell.viewmodel;

import java.util.Optional;

/** The console's pages, with the name {@code --page} takes and the title the navigation shows. */
public enum PageId {
    SALES("sales", "Live sales"),
    TELEMETRY("telemetry", "Telemetry"),
    DLQ("dlq", "Dead letters"),
    GATES("gates", "Gates"),
    CHECK_IN("check-in", "Check-in");

    private final String option;
    private final String title;

    PageId(String option, String title) {
        this.option = option;
        this.title = title;
    }

    public String option() {
        return option;
    }

    public String title() {
        return title;
    }

    public static Optional<PageId> fromOption(String text) {
        for (PageId id : values()) {
            if (id.option.equalsIgnoreCase(text)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
