package za.voelgoed.platform.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers (PANs) in free text however they were typed, and masks each whole number.
 *
 * <p>A digit is any Unicode decimal digit ({@code ４}, {@code ٤}, {@code 4} alike). Digits form groups
 * (maximal runs); two groups join when one to {@value #MAX_GAP} separator characters lie between them
 * (spaces of every width, dashes, dots, slashes, underscores and their full-width forms, invisible
 * format characters). A card number is any run of joined groups with 13–19 digits in all that passes
 * the Luhn check; every such run is masked, so a number before or after the card
 * ({@code 4111 1111 1111 1111 2026}) neither hides it nor is swallowed whole.
 *
 * <p>What keeps ordinary numbers out: groups of one or two digits never join (dates, times, versions,
 * amounts like {@code 1 234,56}); colons, commas and line breaks never separate (times, lists,
 * separate lines); a UUID is never touched. One- and two-digit groups would also hide a card typed
 * digit by digit ({@code 4 1 1 1 …}), so single digits one separator apart are first read as one group.
 * The work is linear in the text: no regular expression backtracks over digits, and each group starts
 * at most {@code 19 / 3} Luhn checks of at most 19 digits.
 */
public final class CardNumbers {

    public static final String MASK = "[redacted-pan]";

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    /** The most separator characters between two groups of one number ({@code "4111 - 1111"}). */
    static final int MAX_GAP = 3;
    /** Shorter groups are dates, times and counts, not parts of a card number. */
    static final int MIN_GROUP = 3;

    /** Fixed lengths only, so matching cannot backtrack beyond 36 characters from each start. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Separators beyond spaces, dashes and connectors, after full-width forms are folded to ASCII. */
    private static final String MARKS = "./\\\u00B7\u2022\u2219\u2024\u2027\u30FB\uFF65\u3002\uFF61\u2044\u2215";

    /**
     * A run of digits: its place in the text and in the digit buffer; {@code spelled} when it is one
     * digit, or single digits merged ({@code 4 1 1 1}).
     */
    private record Group(int start, int end, int firstDigit, int digitCount, boolean spelled) {
    }

    private CardNumbers() {
    }

    /** The text with every card number replaced by {@link #MASK}; the same instance when there is none. */
    public static String mask(String text) {
        if (text == null || text.length() < MIN_DIGITS || !mayHoldOne(text)) {
            return text;
        }
        return maskAll(text);
    }

    /** {@link #mask} without its quick look first (tests compare the two). */
    static String maskAll(String text) {
        int[] digits = new int[text.length()];
        List<Group> groups = spelledOut(text, groups(text, digits, protectedRanges(text)));
        boolean[] masked = cardGroups(text, groups, digits);
        return replace(text, groups, masked);
    }

    /**
     * False when the text cannot hold a card number: no stretch of it made only of digits and separators has
     * {@value #MIN_DIGITS} digits, and a card number is such a stretch. One pass without allocating, so the
     * identifiers, timestamps and names that make up most event data cost no more than a look (ADR 0027).
     */
    static boolean mayHoldOne(String text) {
        int digitsInStretch = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.digit(cp, 10) >= 0) {
                if (++digitsInStretch >= MIN_DIGITS) {
                    return true;
                }
            } else if (!isSeparatorFast(cp)) {
                digitsInStretch = 0;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** {@link #isSeparator}, answered without a Unicode lookup for the ASCII letters and digits of most text. */
    private static boolean isSeparatorFast(int cp) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == ':' || cp == ',' || cp == '"') {
            return false;
        }
        return isSeparator(cp);
    }

    /** True when the whole text is one card number, however separated. */
    public static boolean isCardNumber(String text) {
        return text != null && !text.isBlank() && MASK.equals(mask(text.strip()));
    }

    /** The Luhn check over {@code count} digit values from {@code from}. */
    static boolean luhnValid(int[] digits, int from, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int d = digits[from + count - 1 - i];
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The maximal digit runs, their values written to {@code digits}; runs inside a UUID are left out. */
    private static List<Group> groups(String text, int[] digits, boolean[] shielded) {
        List<Group> groups = new ArrayList<>();
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.digit(cp, 10) < 0) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int first = count;
            boolean inUuid = false;
            while (i < text.length() && Character.digit(text.codePointAt(i), 10) >= 0) {
                cp = text.codePointAt(i);
                digits[count++] = Character.digit(cp, 10);
                inUuid |= shielded[i];
                i += Character.charCount(cp);
            }
            if (!inUuid) {
                groups.add(new Group(start, i, first, count - first, count - first == 1));
            }
        }
        return groups;
    }

    private static boolean[] protectedRanges(String text) {
        boolean[] shielded = new boolean[text.length()];
        Matcher uuid = UUID_TEXT.matcher(text);
        while (uuid.find()) {
            Arrays.fill(shielded, uuid.start(), uuid.end(), true);
        }
        return shielded;
    }

    /** Merges single digits one separator apart ({@code 4 1 1 1 …}) into one group. */
    private static List<Group> spelledOut(String text, List<Group> groups) {
        List<Group> merged = new ArrayList<>(groups.size());
        for (Group g : groups) {
            Group last = merged.isEmpty() ? null : merged.getLast();
            if (g.spelled() && last != null && last.spelled() && gapLength(text, last, g) == 1) {
                merged.set(merged.size() - 1, new Group(last.start(), g.end(), last.firstDigit(),
                        last.digitCount() + 1, true));
            } else {
                merged.add(g);
            }
        }
        return merged;
    }

    /** Marks every group that is part of a Luhn-valid run of 13–19 digits of joined groups. */
    private static boolean[] cardGroups(String text, List<Group> groups, int[] digits) {
        boolean[] masked = new boolean[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).digitCount() < MIN_GROUP) {
                continue;
            }
            int total = 0;
            for (int j = i; j < groups.size() && (j == i || joined(text, groups.get(j - 1), groups.get(j))); j++) {
                total += groups.get(j).digitCount();
                if (total > MAX_DIGITS) {
                    break;
                }
                if (total >= MIN_DIGITS && luhnValid(digits, groups.get(i).firstDigit(), total)) {
                    Arrays.fill(masked, i, j + 1, true);
                }
            }
        }
        return masked;
    }

    /** Two groups of one number: both long enough, and only a few separators between them. */
    private static boolean joined(String text, Group left, Group right) {
        int gap = gapLength(text, left, right);
        return left.digitCount() >= MIN_GROUP && right.digitCount() >= MIN_GROUP && gap >= 1 && gap <= MAX_GAP;
    }

    /** Separator characters between two groups, or -1 when anything else lies between them. */
    private static int gapLength(String text, Group left, Group right) {
        int count = 0;
        for (int i = left.end(); i < right.start(); ) {
            int cp = text.codePointAt(i);
            if (!isSeparator(cp) || ++count > MAX_GAP) {
                return -1;
            }
            i += Character.charCount(cp);
        }
        return count;
    }

    /**
     * Whether a character may stand between two groups of one card number. Line breaks may not: they
     * end a log line or a list item, and what follows is another value.
     */
    static boolean isSeparator(int cp) {
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return false;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.DASH_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.FORMAT) {
            return true;
        }
        int folded = cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
        return MARKS.indexOf(folded) >= 0;
    }

    private static String replace(String text, List<Group> groups, boolean[] masked) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < groups.size(); i++) {
            if (!masked[i] || (i > 0 && masked[i - 1] && joined(text, groups.get(i - 1), groups.get(i)))) {
                continue;
            }
            int last = i;
            while (last + 1 < groups.size() && masked[last + 1] && joined(text, groups.get(last), groups.get(last + 1))) {
                last++;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, groups.get(i).start()).append(MASK);
            copied = groups.get(last).end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
