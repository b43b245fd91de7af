package za.voelgoed.shared.event;

/** One field of an event's data: its name, its JSON shape, and whether every event must carry it. */
public record FieldSpec(String name, FieldType type, boolean required) {

    public FieldSpec {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new InvalidEventException("field name '" + name + "' must be snake_case");
        }
        if (type == null) {
            throw new InvalidEventException("field '" + name + "' needs a type");
        }
    }

    public static FieldSpec required(String name, FieldType type) {
        return new FieldSpec(name, type, true);
    }

    public static FieldSpec optional(String name, FieldType type) {
        return new FieldSpec(name, type, false);
    }
}
