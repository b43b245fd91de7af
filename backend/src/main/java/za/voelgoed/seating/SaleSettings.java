package za.voelgoed.seating;

/** How a show sells: hold length, the cap extensions may reach, and its currency. */
public record SaleSettings(int holdSeconds, int maxHoldSeconds, String currency) {

    public static final SaleSettings DEFAULT = new SaleSettings(600, 1800, "ZAR");
}
