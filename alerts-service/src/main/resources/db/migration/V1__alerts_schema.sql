-- alerts-service schema. Every API-visible row carries its owner (the gateway principal); every
-- query filters by it. Ids are random UUIDs so they reveal nothing about other owners' objects.

CREATE TABLE subscriber (
    id                          uuid PRIMARY KEY,
    owner                       varchar(200)  NOT NULL,
    name                        varchar(200)  NOT NULL,
    webhook_url                 varchar(2048),
    webhook_enabled             boolean       NOT NULL,
    webhook_disabled_reason     varchar(500),
    webhook_disabled_at         timestamptz,
    -- First failure of the current failing streak; cleared by a success. Drives auto-disable.
    webhook_failing_since       timestamptz,
    -- Signing secrets (whsec_...): needed in clear to sign, never logged nor returned after creation.
    secret                      varchar(200)  NOT NULL,
    previous_secret             varchar(200),
    previous_secret_expires_at  timestamptz,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL
);
CREATE INDEX subscriber_owner_idx ON subscriber (owner, created_at, id);

CREATE TABLE alert_rule (
    id                  uuid PRIMARY KEY,
    owner               varchar(200)     NOT NULL,
    subscriber_id       uuid             NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    name                varchar(200)     NOT NULL,
    subject_kind        varchar(32)      NOT NULL,
    subject_key         varchar(300)     NOT NULL,
    -- kind:key, the form metric-changes subjects are matched against.
    subject_ref         varchar(340)     NOT NULL,
    metric              varchar(32)      NOT NULL,
    window_spec         varchar(64)      NOT NULL,
    condition           varchar(8)       NOT NULL,
    threshold           double precision NOT NULL,
    recovery_threshold  double precision,
    pending_seconds     bigint           NOT NULL,
    repeat_seconds      bigint,
    labels              jsonb            NOT NULL,
    -- Bumped on every update: an evaluation that fetched values for an older revision is discarded.
    revision            integer          NOT NULL,
    created_at          timestamptz      NOT NULL,
    updated_at          timestamptz      NOT NULL
);
CREATE INDEX alert_rule_owner_idx ON alert_rule (owner, created_at, id);
CREATE INDEX alert_rule_subject_idx ON alert_rule (subject_ref);
CREATE INDEX alert_rule_metric_idx ON alert_rule (metric);
CREATE INDEX alert_rule_subscriber_idx ON alert_rule (subscriber_id);

-- The durable state machine of one rule. Evaluations lock this row (SELECT ... FOR UPDATE), so two
-- instances never both transition, and compare states, so redelivered changes transition nothing.
CREATE TABLE rule_state (
    rule_id           uuid PRIMARY KEY REFERENCES alert_rule (id) ON DELETE CASCADE,
    state             varchar(16)      NOT NULL,
    state_since       timestamptz      NOT NULL,
    pending_since     timestamptz,
    last_value        double precision,
    -- When the value applied last was fetched: an older fetch arriving late is ignored.
    last_observed_at  timestamptz,
    last_evaluated_at timestamptz,
    last_notified_at  timestamptz,
    transition_count  bigint           NOT NULL
);

CREATE TABLE alert_transition (
    id             uuid PRIMARY KEY,
    rule_id        uuid             NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    subscriber_id  uuid             NOT NULL,
    seq            bigint           NOT NULL,
    kind           varchar(16)      NOT NULL,
    from_state     varchar(16)      NOT NULL,
    to_state       varchar(16)      NOT NULL,
    value          double precision,
    threshold      double precision NOT NULL,
    silenced_by    uuid,
    occurred_at    timestamptz      NOT NULL,
    -- Belt and braces: one row per step of a rule's state machine, even if the lock were bypassed.
    CONSTRAINT alert_transition_rule_seq_uq UNIQUE (rule_id, seq)
);

-- Transactional outbox: rows are written in the transaction of the transition they announce.
CREATE TABLE webhook_delivery (
    id                uuid PRIMARY KEY,
    subscriber_id     uuid          NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    rule_id           uuid          NOT NULL,
    transition_id     uuid          NOT NULL,
    event_type        varchar(64)   NOT NULL,
    -- The exact body, frozen at creation: every retry sends the same bytes under the same webhook-id.
    payload           text          NOT NULL,
    traceparent       varchar(64),
    status            varchar(16)   NOT NULL,
    attempts          integer       NOT NULL,
    -- Attempts in the current retry round; a manual redeliver starts a new round.
    schedule_step     integer       NOT NULL,
    -- When PENDING: when the next attempt is due. A claim pushes it forward by the lease, so a crash
    -- mid-send makes the row due again (a duplicate, with the same webhook-id).
    next_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(500),
    created_at        timestamptz   NOT NULL,
    completed_at      timestamptz
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscriber_idx ON webhook_delivery (subscriber_id, created_at, id);

CREATE TABLE delivery_attempt (
    id            uuid PRIMARY KEY,
    delivery_id   uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  timestamptz  NOT NULL,
    status_code   integer,
    latency_ms    bigint       NOT NULL,
    outcome       varchar(16)  NOT NULL,
    error         varchar(500)
);
CREATE INDEX delivery_attempt_delivery_idx ON delivery_attempt (delivery_id, attempted_at);

CREATE TABLE silence (
    id             uuid PRIMARY KEY,
    owner          varchar(200) NOT NULL,
    rule_id        uuid REFERENCES alert_rule (id) ON DELETE CASCADE,
    subscriber_id  uuid REFERENCES subscriber (id) ON DELETE CASCADE,
    matchers       jsonb        NOT NULL,
    starts_at      timestamptz  NOT NULL,
    ends_at        timestamptz  NOT NULL,
    comment        varchar(500),
    created_at     timestamptz  NOT NULL
);
CREATE INDEX silence_owner_idx ON silence (owner, ends_at);
