-- Rule kinds besides THRESHOLD: CHANGE (the value against the same window `lookback` earlier), RANK (a place in a
-- ranking, or who holds first place) and COMPARE (the subject against `other`). Each kind's fields are columns of
-- its own, null for the other kinds. A RANK rule watching first place has no subject.
ALTER TABLE alert_rule
    ADD COLUMN kind             varchar(16)  NOT NULL DEFAULT 'THRESHOLD',
    ALTER COLUMN subject_kind   DROP NOT NULL,
    ALTER COLUMN subject_key    DROP NOT NULL,
    ALTER COLUMN subject_ref    DROP NOT NULL,
    -- THRESHOLD and COMPARE: ABOVE or BELOW; RANK with a subject: IN_TOP or OUT_OF_TOP.
    ALTER COLUMN condition      TYPE varchar(16),
    ALTER COLUMN condition      DROP NOT NULL,
    ALTER COLUMN threshold      DROP NOT NULL,
    ADD COLUMN lookback         varchar(32),
    ADD COLUMN direction        varchar(8),
    ADD COLUMN amount           double precision,
    ADD COLUMN amount_relative  boolean,
    ADD COLUMN recovery_amount  double precision,
    ADD COLUMN ranking_kind     varchar(32),
    ADD COLUMN top_places       integer,
    ADD COLUMN recovery_top     integer,
    ADD COLUMN other_kind       varchar(32),
    ADD COLUMN other_key        varchar(520),
    ADD COLUMN margin           double precision;
ALTER TABLE alert_rule ALTER COLUMN kind DROP DEFAULT;

-- Metric changes never name what RANK and COMPARE rules and rules on groups depend on: every change evaluates them.
CREATE INDEX alert_rule_every_change_idx ON alert_rule (id)
    WHERE kind IN ('RANK', 'COMPARE') OR subject_kind = 'GROUP';

-- The leader a RANK rule without subject watches (the first place at its first evaluation), and what the last
-- evaluation measured (JSON, as alert_transition.measurement).
ALTER TABLE rule_state
    ADD COLUMN reference_key    varchar(520),
    ADD COLUMN last_measurement text;

-- What the evaluation behind a transition measured (JSON: asOf, value, otherAsOf, otherValue, change, position,
-- leader, previousLeader).
ALTER TABLE alert_transition ADD COLUMN measurement text;
