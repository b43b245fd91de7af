package za.voelgoed.paysim;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider's operations behind the HTTP plumbing: parse, check, change the ledger, answer. A POST's
 * refusal comes back as a {@link Response} rather than an exception, so the idempotency store keeps it
 * like any other answer; a GET's refusal is thrown.
 */
final class PaymentApi {

    private static final Pattern ONE = Pattern.compile("/v1/authorizations/([A-Za-z0-9_]+)");
    private static final Pattern ACTION = Pattern.compile("/v1/authorizations/([A-Za-z0-9_]+)/(capture|refunds|void)");
    private static final int MAX_REFERENCE = 255;

    private final Authorizations ledger;
    private final Chaos chaos;
    private final Clock clock;

    PaymentApi(Authorizations ledger, Chaos chaos, Clock clock) {
        this.ledger = ledger;
        this.chaos = chaos;
        this.clock = clock;
    }

    Response post(String path, byte[] body) {
        try {
            if (path.equals("/v1/authorizations")) {
                return authorize(JsonBody.parse(body));
            }
            Matcher action = ACTION.matcher(path);
            if (!action.matches()) {
                throw SimulatorException.notFound("not_found", "no such operation: POST " + path);
            }
            String id = action.group(1);
            JsonBody request = JsonBody.parse(body);
            return switch (action.group(2)) {
                case "capture" -> Response.json(200, ledger.capture(id, request.amount("amount_cents")));
                case "refunds" -> Response.json(201, ledger.refund(id, request.amount("amount_cents")));
                default -> Response.json(200, ledger.voidAuthorization(id));
            };
        } catch (SimulatorException e) {
            return e.toResponse();
        }
    }

    Response get(String path, Map<String, String> query) {
        if (path.equals("/v1/ledger")) {
            return Response.json(200, ledger.page(since(query.get("since")), query.get("after"), limit(query)));
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            return Response.json(200, ledger.get(one.group(1)));
        }
        throw SimulatorException.notFound("not_found", "no such resource: GET " + path);
    }

    private Response authorize(JsonBody body) {
        long amount = body.requiredAmount("amount_cents");
        String currency = body.text("currency", "invalid_currency");
        String cardNumber = body.text("card_number", "invalid_card_number");
        String reference = body.text("reference", "invalid_reference");
        CardChecks.checkCurrency(currency);
        CardChecks.checkCardNumber(cardNumber);
        CardChecks.checkExpiry(body.text("expiry", "invalid_expiry"), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        CardChecks.checkCvv(body.text("cvv", "invalid_cvv"));
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw SimulatorException.invalid("invalid_reference", "reference must be at most 255 characters");
        }
        String declineCode = switch (TestCards.of(cardNumber).orElse(null)) {
            case DECLINED -> "card_declined";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            case PROCESSOR_DOWN -> throw SimulatorException.unavailable("processor_unavailable",
                    "the card network did not answer; nothing was authorised");
            case null -> chaos.declines() ? "card_declined" : null;
        };
        String last4 = cardNumber.substring(cardNumber.length() - 4);
        return Response.json(201, ledger.open(amount, currency, last4, reference, declineCode));
    }

    private static Instant since(String raw) {
        try {
            return raw == null ? null : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw SimulatorException.badRequest("invalid_query", "since must be an ISO-8601 instant");
        }
    }

    private static int limit(Map<String, String> query) {
        try {
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SimulatorException.badRequest("invalid_query", "limit must be 1 to 1000");
    }
}
