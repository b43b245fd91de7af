package za.voelgoed.ticketing;

/** Body of {@code POST /api/orgs/{org_id}/orders}. Card data goes to the provider and is never stored. */
public record CheckoutRequest(String holdId, Customer customer, String couponCode, Card payment) {

    public record Customer(String name, String email) {
    }

    public record Card(String cardNumber, String expiry, String cvv) {
    }
}
