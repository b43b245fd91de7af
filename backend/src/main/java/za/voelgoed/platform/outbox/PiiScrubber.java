package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes card data and personal addresses from an event's data before it is written anywhere
 * (seed section 12). Two nets: fields whose name says what they hold (card number, CVV, address...)
 * lose their whole value; any other string or number that contains a Luhn-valid 13–19 digit run is
 * treated as a card number and masked. Scrubbing returns a copy; the input is not changed.
 */
public final class PiiScrubber {

    public static final String REDACTED = "[redacted]";
    public static final String REDACTED_PAN = "[redacted-pan]";

    /** Field names, lower case with separators removed, whose values are always dropped. */
    private static final Set<String> SENSITIVE_FIELDS = Set.of(
            "cardnumber", "pan", "ccnumber", "creditcard", "creditcardnumber", "card", "cardno",
            "cvv", "cvv2", "cvc", "cvc2", "cid", "securitycode", "cardsecuritycode",
            "expiry", "cardexpiry", "expirydate", "expmonth", "expyear", "expirationdate", "track1", "track2",
            "address", "streetaddress", "street", "addressline1", "addressline2", "billingaddress",
            "shippingaddress", "homeaddress", "postaladdress", "postalcode", "postcode", "zip", "zipcode",
            "idnumber", "nationalid", "passportnumber", "dateofbirth", "dob");

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
            return new TextNode(maskCardNumbers(node.asText()));
        }
        if (node.isIntegralNumber() && looksLikeCardNumber(node.asText())) {
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

    static String maskCardNumbers(String text) {
        if (UUID_TEXT.matcher(text).matches()) {
            return text;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = looksLikeCardNumber(m.group()) ? REDACTED_PAN : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean looksLikeCardNumber(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        return digits.length() >= 13 && digits.length() <= 19 && digits.chars().allMatch(Character::isDigit)
                && luhnValid(digits);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
