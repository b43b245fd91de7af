package za.voelgoed.seating;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Problem;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.seating.model.InvalidSeatMapException;
import za.voelgoed.seating.model.SeatMap;
import za.voelgoed.seating.model.SeatingLimits;
import za.voelgoed.seating.model.SectionLayout;

/**
 * What a show sells, given when it is created: a reserved-seating map with a price per category and/or
 * general-admission ticket types. Validated as a whole (every problem reported at once), then written in
 * the caller's transaction.
 */
public final class SaleSetup {

    private static final String CODE = "[a-z][a-z0-9_]{0,29}";

    /** {@code seating} of the create-event body. */
    public record SeatingInput(List<SectionLayout> sections, List<CategoryPrice> categories) {
    }

    public record CategoryPrice(String code, Long priceCents) {
    }

    public record TicketTypeInput(String code, String name, Long priceCents, Integer capacity) {
    }

    /** The sale part of a create-event body; every field may be absent. */
    public record Input(SeatingInput seating, List<TicketTypeInput> ticketTypes, String currency, Integer holdSeconds,
                        Integer maxHoldSeconds) {
    }

    private SaleSetup() {
    }

    private static final String PRICE_RULE = "must be a whole number of cents from 0 to " + SeatingLimits.MAX_PRICE_CENTS;

    /** Checks the input; throws a 422 listing every problem. */
    public static void validate(Input input) {
        Validation check = new Validation();
        String currency = currency(input);
        check.require(currency.matches("[A-Z]{3}"), "currency", "must be an ISO 4217 code such as ZAR");
        int hold = holdSeconds(input);
        int max = maxHoldSeconds(input);
        check.require(hold >= 30 && hold <= 3600, "hold_seconds", "must be between 30 and 3600")
                .require(max >= hold && max <= 7200, "max_hold_seconds", "must be between hold_seconds and 7200");
        if (input.seating() != null) {
            checkSeating(input.seating(), check);
        }
        List<TicketTypeInput> types = input.ticketTypes() == null ? List.of() : input.ticketTypes();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            TicketTypeInput t = types.get(i);
            String at = "ticket_types[" + i + "]";
            check.require(t.code() != null && t.code().matches(CODE) && codes.add(t.code()), at + ".code",
                    "must be a unique lower-case code")
                    .text(t.name(), at + ".name", 1, 100)
                    .require(validPrice(t.priceCents()), at + ".price_cents", PRICE_RULE)
                    .require(t.capacity() != null && t.capacity() >= 1 && t.capacity() <= 1_000_000, at + ".capacity",
                            "must be between 1 and 1000000");
        }
        check.orThrow();
    }

    private static boolean validPrice(Long cents) {
        return cents != null && cents >= 0 && cents <= SeatingLimits.MAX_PRICE_CENTS;
    }

    private static void checkSeating(SeatingInput seating, Validation check) {
        List<CategoryPrice> categories = seating.categories() == null ? List.of() : seating.categories();
        for (int i = 0; i < categories.size(); i++) {
            check.require(validPrice(categories.get(i).priceCents()), "seating.categories[" + i + "].price_cents",
                    PRICE_RULE);
        }
        try {
            SeatMap map = SeatMap.of(seating.sections() == null ? List.of() : seating.sections());
            Map<String, Long> prices = prices(seating);
            for (String category : map.categories()) {
                check.require(prices.containsKey(category), "seating.categories",
                        "category '" + category + "' has no price");
            }
        } catch (InvalidSeatMapException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            e.violations().forEach(v -> errors.add(new Problem.FieldError(
                    v.field().startsWith("seating") ? v.field() : "seating." + v.field(), v.message())));
            throw ApiException.invalid(errors);
        }
    }

    private static Map<String, Long> prices(SeatingInput seating) {
        List<CategoryPrice> list = seating.categories() == null ? List.of() : seating.categories();
        return list.stream().filter(c -> c.code() != null && c.priceCents() != null && c.priceCents() >= 0)
                .collect(Collectors.toMap(CategoryPrice::code, CategoryPrice::priceCents, (a, b) -> a));
    }

    /** Writes the sale of a new show in its creating transaction. */
    public static void write(DSLContext tx, UUID eventId, Input input) {
        SaleSettings settings = new SaleSettings(holdSeconds(input), maxHoldSeconds(input), currency(input));
        List<SectionLayout> layout = input.seating() == null ? null : input.seating().sections();
        InventoryStore.insertSettings(tx, eventId, settings, layout);
        if (layout != null) {
            SeatMap map = SeatMap.of(layout);
            InventoryStore.insertSeats(tx, eventId, map);
            prices(input.seating()).forEach((code, cents) -> {
                if (map.categories().contains(code)) {
                    InventoryStore.insertPrice(tx, eventId, code, cents, settings.currency());
                }
            });
        }
        if (input.ticketTypes() != null) {
            input.ticketTypes().forEach(t -> InventoryStore.insertTicketType(tx, eventId, new TicketType(t.code(),
                    t.name().strip(), t.priceCents(), settings.currency(), t.capacity(), 0, 0)));
        }
    }

    private static String currency(Input input) {
        return input.currency() == null ? SaleSettings.DEFAULT.currency() : input.currency();
    }

    private static int holdSeconds(Input input) {
        return input.holdSeconds() == null ? SaleSettings.DEFAULT.holdSeconds() : input.holdSeconds();
    }

    private static int maxHoldSeconds(Input input) {
        return input.maxHoldSeconds() == null ? Math.max(SaleSettings.DEFAULT.maxHoldSeconds(), holdSeconds(input))
                : input.maxHoldSeconds();
    }
}
