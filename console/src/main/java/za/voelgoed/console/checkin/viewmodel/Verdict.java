package za.voelgoed.console.checkin.viewmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import za.voelgoed.console.api.Scanning;

/**
 * What the desk shows for one scan: a tone (the colour), a headline read from across the desk, the server's reason
 * and the ticket. Every result the backend has or is getting (ADR 0022, issue 15) has its words; an unknown one is
 * shown amber with its name, so a newer backend never leaves the desk blank.
 */
public record Verdict(Tone tone, String headline, String detail, String ticket, Instant at) {

    /** The colour of an answer: green admits, red refuses, amber asks the person at the desk to look. */
    public enum Tone {
        ADMITTED, REFUSED, CHECK, PROBLEM
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static Verdict of(Scanning.ScanAnswer answer, Instant at, ZoneId zone) {
        String result = answer.result() == null ? "" : answer.result();
        String ticket = ticket(answer.ticket());
        String reason = answer.reason() == null ? "" : answer.reason();
        return switch (result) {
            case "ok" -> new Verdict(Tone.ADMITTED, "Admitted", "Welcome in.", ticket, at);
            case "already_redeemed" -> new Verdict(Tone.REFUSED, "Already admitted",
                    firstAdmission(answer.firstAdmitted(), zone, reason)
                            + (Boolean.TRUE.equals(answer.conflict()) ? " (recorded as a double admission)" : ""),
                    ticket, at);
            case "invalid" -> new Verdict(Tone.REFUSED, "Not a ticket", orDefault(reason,
                    "The code is not a ticket of this organisation."), ticket, at);
            case "revoked" -> new Verdict(Tone.REFUSED, "Ticket voided", orDefault(reason, "The ticket was voided."),
                    ticket, at);
            case "refunded" -> new Verdict(Tone.REFUSED, "Order refunded", orDefault(reason,
                    "The ticket's order was refunded."), ticket, at);
            case "unpaid" -> new Verdict(Tone.REFUSED, "Not paid", orDefault(reason,
                    "The order's payment could not be captured."), ticket, at);
            case "blocked" -> new Verdict(Tone.REFUSED, "Ticket blocked", orDefault(reason, "The ticket is blocked."),
                    ticket, at);
            case "wrong_event" -> new Verdict(Tone.CHECK, "Another show", orDefault(reason,
                    "The ticket is for another show."), ticket, at);
            case "product_not_allowed" -> new Verdict(Tone.CHECK, "Not at this desk", orDefault(reason,
                    "This desk does not admit the ticket's type."), ticket, at);
            case "not_yet_valid" -> new Verdict(Tone.CHECK, "Doors not open yet", orDefault(reason,
                    "The show's doors have not opened."), ticket, at);
            case "not_inside" -> new Verdict(Tone.CHECK, "Not inside", orDefault(reason,
                    "The ticket is not inside."), ticket, at);
            default -> new Verdict(Tone.CHECK, "Refused: " + result.replace('_', ' '), reason, ticket, at);
        };
    }

    /** A scan that got no answer: the sentence says why (backend down, token refused…). */
    public static Verdict problem(String sentence, Instant at) {
        return new Verdict(Tone.PROBLEM, "No answer", sentence, "", at);
    }

    /** "ga · seat 12", or empty without a ticket. */
    static String ticket(Scanning.Ticket t) {
        if (t == null) {
            return "";
        }
        String type = t.ticketType() == null ? "ticket" : t.ticketType();
        return t.seatIndex() == null ? type : type + " · seat " + t.seatIndex();
    }

    private static String firstAdmission(Scanning.FirstAdmitted first, ZoneId zone, String reason) {
        if (first == null || first.at() == null) {
            return orDefault(reason, "The ticket was already admitted.");
        }
        String where = first.gate() == null || first.gate().isBlank() ? "" : " at " + first.gate();
        return "First admitted at " + TIME.format(first.at().atZone(zone)) + where + ".";
    }

    private static String orDefault(String reason, String fallback) {
        if (reason == null || reason.isBlank()) {
            return fallback;
        }
        String s = Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
