package io.nanopulse.alerts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plain e-mail address (RFC 5322 addr-spec in its dot-atom form, ASCII): no display name, no comments, no quoted
 * local part, no line breaks, at most 254 characters. The domain has at least one dot (no local mailboxes such
 * as {@code root@localhost}) and is kept lower-case.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")+"); // at least one dot

    private EmailAddress() {
    }

    /** The address to store, or IllegalArgumentException with the reason it is refused. */
    public static String parse(String raw) {
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("must not contain line breaks or control characters");
        }
        String a = raw.strip();
        if (a.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at > 64 || at == a.length() - 1 || !LOCAL.matcher(a.substring(0, at)).matches()
                || !DOMAIN.matcher(a.substring(at + 1)).matches()) {
            throw new IllegalArgumentException("must be a plain address such as name@example.org"
                    + " (no display name, no angle brackets, ASCII only)");
        }
        return a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
