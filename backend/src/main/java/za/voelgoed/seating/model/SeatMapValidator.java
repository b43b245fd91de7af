package za.voelgoed.seating.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Walks a whole layout and collects every violation, so an organiser can fix them all in one go. */
final class SeatMapValidator {

    private static final String ROOT = "seating.sections";
    private static final Pattern CATEGORY = Pattern.compile(SeatingLimits.CATEGORY_PATTERN);

    private final List<SeatMapViolation> violations = new ArrayList<>();
    private int totalSeats;

    private SeatMapValidator() {
    }

    static List<SeatMapViolation> violationsOf(List<SectionLayout> sections) {
        SeatMapValidator validator = new SeatMapValidator();
        validator.sections(sections);
        return List.copyOf(validator.violations);
    }

    private void sections(List<SectionLayout> sections) {
        if (sections == null || sections.isEmpty()) {
            add(ROOT, "must have at least one section");
            return;
        }
        Map<String, String> sectionPathsByName = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            section(sections.get(i), ROOT + "[" + i + "]", sectionPathsByName);
        }
        if (totalSeats > SeatingLimits.MAX_SEATS) {
            add(ROOT, "must hold at most " + SeatingLimits.MAX_SEATS + " seats in total, not " + totalSeats);
        }
    }

    private void section(SectionLayout section, String path, Map<String, String> sectionPathsByName) {
        if (section == null) {
            add(path, "is required");
            return;
        }
        name(section.name(), path + ".name", SeatNames.sectionNameProblem(section.name()), sectionPathsByName);
        List<RowLayout> rows = section.rows();
        if (rows == null || rows.isEmpty()) {
            add(path + ".rows", "must have at least one row");
            return;
        }
        Map<String, String> rowPathsByLabel = new HashMap<>();
        for (int j = 0; j < rows.size(); j++) {
            row(rows.get(j), path + ".rows[" + j + "]", rowPathsByLabel);
        }
    }

    private void row(RowLayout row, String path, Map<String, String> rowPathsByLabel) {
        if (row == null) {
            add(path, "is required");
            return;
        }
        name(row.label(), path + ".label", SeatNames.rowLabelProblem(row.label()), rowPathsByLabel);
        if (row.seats() < 1 || row.seats() > SeatingLimits.MAX_SEATS_PER_ROW) {
            add(path + ".seats", "must be between 1 and " + SeatingLimits.MAX_SEATS_PER_ROW);
        } else {
            totalSeats += row.seats();
        }
        if (row.category() == null) {
            add(path + ".category", "is required");
        } else if (!CATEGORY.matcher(row.category()).matches()) {
            add(path + ".category", "must match " + SeatingLimits.CATEGORY_PATTERN);
        }
    }

    // Uniqueness is exact (case-sensitive) because seat ids are compared exactly.
    private void name(String name, String path, Optional<String> problem, Map<String, String> pathsByName) {
        if (problem.isPresent()) {
            add(path, problem.get());
            return;
        }
        String firstPath = pathsByName.putIfAbsent(name, path);
        if (firstPath != null) {
            add(path, "must be unique, already used by " + firstPath);
        }
    }

    private void add(String field, String message) {
        violations.add(new SeatMapViolation(field, message));
    }
}
