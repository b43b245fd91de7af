package za.voelgoed.seating;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A general-admission ticket type of a show, with its counters (prices in integer cents). */
public record TicketType(String code, String name, long priceCents, String currency, int capacity, int held,
                         int sold) {

    @JsonProperty("remaining")
    public int remaining() {
        return capacity - held - sold;
    }
}
