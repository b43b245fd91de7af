package za.voelgoed.seating;

/**
 * What one line of a show has for sale, as the seating slice keeps it: a seat category ({@link #CATEGORY}) or
 * a general-admission ticket type ({@link #TICKET_TYPE}), its price, its capacity, how many are held now and
 * how many are off public sale (blocked or allocated to a channel; seats only). Sold is not here: it is kept
 * by the sales counters in the sale's transaction.
 */
public record Stock(String kind, String code, long priceCents, String currency, int capacity, int held,
                    int offSale) {

    public static final String CATEGORY = "category";
    public static final String TICKET_TYPE = "ticket_type";
}
