-- E-mail as a delivery channel. A subscriber's address (at most one) receives alerts only once confirmed
-- through the link mailed to it; the link's token is kept only as its SHA-256 (hex), never in clear.
CREATE TABLE subscriber_email (
    subscriber_id            uuid PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    address                  varchar(254)  NOT NULL,
    confirmed_at             timestamptz,
    token_hash               varchar(64),
    token_expires_at         timestamptz,
    -- Digest interval in seconds; null: one message per transition.
    digest_seconds           bigint,
    last_digest_at           timestamptz
);
CREATE UNIQUE INDEX subscriber_email_token_idx ON subscriber_email (token_hash) WHERE token_hash IS NOT NULL;

-- Deliveries of both channels share the outbox, its claims, retries and log.
ALTER TABLE webhook_delivery ADD COLUMN channel varchar(16) NOT NULL DEFAULT 'WEBHOOK';
-- A digest: every delivery it lists carries the id of its lead delivery (the one claimed, retried and logged;
-- its id makes the Message-ID). Members wait with next_attempt_at NULL until the lead completes them.
ALTER TABLE webhook_delivery ADD COLUMN digest_id uuid;
-- Whether an e-mail was enqueued for a digest (decided once, at enqueue): only such rows, never tried and not yet
-- listed, may lead or join a digest; any other e-mail is always sent alone under its own Message-ID.
ALTER TABLE webhook_delivery ADD COLUMN digest boolean NOT NULL DEFAULT false;
CREATE INDEX webhook_delivery_digest_idx ON webhook_delivery (digest_id) WHERE digest_id IS NOT NULL;
CREATE INDEX webhook_delivery_email_pending_idx ON webhook_delivery (subscriber_id, created_at)
    WHERE status = 'PENDING' AND channel = 'EMAIL';
