package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Removes card data and personal addresses from an event's data before it is written anywhere
 * (seed section 12). Two nets: fields whose name says what they hold (card number, CVV, address...)
 * lose their whole value; any other string or number that holds a card number, however it is written
 * (see {@link CardNumbers}), has that number masked. Scrubbing returns a copy; the input is not changed.
 */
public final class PiiScrubber {

    public static final String REDACTED = "[redacted]";
    public static final String REDACTED_PAN = CardNumbers.MASK;

    /** Field names, lower case with separators removed, whose values are always dropped. */
    private static final Set<String> SENSITIVE_FIELDS = Set.of(
            "cardnumber", "pan", "ccnumber", "creditcard", "creditcardnumber", "card", "cardno",
            "cvv", "cvv2", "cvc", "cvc2", "cid", "securitycode", "cardsecuritycode",
            "expiry", "cardexpiry", "expirydate", "expmonth", "expyear", "expirationdate", "track1", "track2",
            "address", "streetaddress", "street", "addressline1", "addressline2", "billingaddress",
            "shippingaddress", "homeaddress", "postaladdress", "postalcode", "postcode", "zip", "zipcode",
            "idnumber", "nationalid", "passportnumber", "dateofbirth", "dob");

    public JsonNode scrub(JsonNode data) {
        if (data == null) {
            return null;
        }
        JsonNode copy = data.deepCopy();
        return scrubNode(copy);
    }

    /** True when a field of this name always has its value dropped. */
    public static boolean isSensitiveField(String name) {
        return SENSITIVE_FIELDS.contains(normalise(name));
    }

    private JsonNode scrubNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            scrubObject(object);
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrubNode(array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            return new TextNode(scrubText(node.asText()));
        }
        if (node.isIntegralNumber() && CardNumbers.isCardNumber(node.asText())) {
            return new TextNode(REDACTED_PAN);
        }
        return node;
    }

    private void scrubObject(ObjectNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isSensitiveField(field.getKey())) {
                field.setValue(new TextNode(REDACTED));
            } else {
                field.setValue(scrubNode(field.getValue()));
            }
        }
    }

    /**
     * Free text with every card number masked: what job and consumer errors, operators' reasons and
     * log lines go through before they are stored or written (they have no field names to go by).
     */
    public static String scrubText(String text) {
        return CardNumbers.mask(text);
    }

    /** The name's letters and digits, lower case: every field of every event passes here, so no regex. */
    private static String normalise(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
