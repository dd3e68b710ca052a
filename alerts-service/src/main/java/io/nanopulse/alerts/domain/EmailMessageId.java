package io.nanopulse.alerts.domain;

import java.util.UUID;

/**
 * The Message-ID of an e-mail delivery, derived from its delivery id (a digest's from its lead's), so a retry or a
 * resend carries the same one and mail clients show the message once.
 */
public final class EmailMessageId {
    public static final String DOMAIN = "nanopulse";

    private EmailMessageId() {
    }

    /** Without angle brackets: {@code id@nanopulse}. */
    public static String of(UUID deliveryId) {
        return deliveryId + "@" + DOMAIN;
    }

    /** The header value: {@code <id@nanopulse>}. */
    public static String header(UUID deliveryId) {
        return "<" + of(deliveryId) + ">";
    }
}
