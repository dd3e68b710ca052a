package io.nanopulse.alerts.config;

import io.nanopulse.alerts.domain.RetrySchedule;
import io.nanopulse.alerts.domain.WebhookUrlPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Every setting of alerts-service (the scheduler intervals are also read by {@code @Scheduled}). */
@ConfigMapping(prefix = "nanopulse.alerts")
public interface AlertsConfig {

    /** Base of the links put into notifications (the gateway's public API root). */
    @WithDefault("http://127.0.0.1:8080/api/v1")
    String publicBaseUrl();

    Evaluation evaluation();

    Webhook webhook();

    Delivery delivery();

    Stream stream();

    Backtest backtest();

    Email email();

    /** E-mail alerts (the SMTP relay itself is quarkus.mailer.*, derived from these and NANOPULSE_SMTP_*). */
    interface Email {
        /**
         * Whether e-mail is on: the SMTP relay's host (NANOPULSE_SMTP_HOST, which also sets quarkus.mailer.host); while
         * it is not set, addresses are refused and nothing is mailed.
         */
        Optional<String> smtpHost();

        /** The shortest digest interval a subscriber may ask for (the longest is one day). */
        @WithDefault("PT15M")
        Duration minDigest();

        /** How long a confirmation link works. */
        @WithDefault("48h")
        Duration confirmationValidity();

        /** How long one message may take to be accepted by the relay; past it, the attempt counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** The shortest time between two re-sends of a subscriber's confirmation link; a re-send sooner is answered 429. */
        @WithDefault("PT1M")
        Duration resendInterval();

        default boolean enabled() {
            return smtpHost().filter(h -> !h.isBlank()).isPresent();
        }
    }

    /** Rule backtests (POST /rules/backtest). */
    interface Backtest {
        /** Backtests one instance runs at once (each reads up to 366 dates of figures); one more is answered 429. */
        @WithDefault("4")
        int maxConcurrent();

        /** How long one backtest may read figures; past it, it stops and answers 503. */
        @WithDefault("20s")
        java.time.Duration timeout();
    }

    /** Live SSE streams, fed on every instance by a LISTEN on PostgreSQL. */
    interface Stream {
        /** Notifications held for one slow client; one more ends its stream (the client reconnects). */
        @WithDefault("1024")
        int bufferSize();

        /** First wait before the stream listener connects again after losing PostgreSQL; doubles each failure. */
        @WithDefault("1s")
        Duration reconnectBackoff();

        /** Longest wait between two connection attempts of the stream listener. */
        @WithDefault("15s")
        Duration maxReconnectBackoff();
    }

    interface Evaluation {
        /** Period of the full re-evaluation (a Quarkus scheduler "every" value, or "off"). */
        @WithDefault("60s")
        String interval();

        /** Delay of the first full re-evaluation after start. */
        @WithDefault("10s")
        String initialDelay();

        /** Longest wait between two attempts of a metric-changes batch while metrics-service is down. */
        @WithDefault("30s")
        Duration maxConsumerBackoff();

        /** Rules evaluated per metrics batch call (the figures API takes at most 1000 queries). */
        @WithDefault("500")
        int chunkSize();

        /**
         * Rules whose observations commit in one transaction. Their state rows stay locked until it commits, so a
         * change's evaluation of one of them waits for at most this many others (the periodic pass's too).
         */
        @WithDefault("50")
        int rulesPerTransaction();
    }

    interface Webhook {
        /**
         * Hosts (exactly as written in the URL: a name or an IP literal) allowed even though they resolve
         * to loopback/private addresses. Matching the written host, not resolved addresses, keeps a DNS
         * name pointing at an allowed address from being allowed implicitly.
         */
        Optional<Set<String>> allowHosts();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole request, response headers included. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** An endpoint failing without a single success for this long is disabled. */
        @WithDefault("P5D")
        Duration disableAfter();

        /** How long the previous secret keeps signing after a rotation. */
        @WithDefault("P1D")
        Duration secretRotationOverlap();

        /** Upper bound on a receiver's Retry-After, so a receiver cannot park deliveries forever. */
        @WithDefault("P1D")
        Duration maxRetryAfter();
    }

    interface Delivery {
        /** How often the relay looks for due retries (new deliveries are sent at once, not polled). */
        @WithDefault("5s")
        String pollInterval();

        /** Parallel webhook sends per instance. */
        @WithDefault("8")
        int concurrency();

        /** Deliveries claimed per round. */
        @WithDefault("32")
        int batchSize();

        /** A claimed delivery is due again after this if its sender dies mid-send. */
        @WithDefault("60s")
        Duration lease();

        Retry retry();
    }

    interface Retry {
        @WithDefault("5s")
        Duration initialInterval();

        @WithDefault("3")
        double multiplier();

        @WithDefault("12h")
        Duration maxInterval();

        @WithDefault("15")
        int maxAttempts();

        @WithDefault("0.2")
        double jitter();
    }

    default RetrySchedule retrySchedule() {
        Retry r = delivery().retry();
        return new RetrySchedule(r.initialInterval(), r.multiplier(), r.maxInterval(), r.maxAttempts(), r.jitter());
    }

    /** The SSRF policy for webhook URLs, resolving hosts through the system's DNS. */
    default WebhookUrlPolicy webhookUrlPolicy() {
        return new WebhookUrlPolicy(webhook().allowHosts().orElse(Set.of()), InetAddress::getAllByName);
    }
}
