-- One row per patent: the facts aggregates count by. A row with no filing_date is "parked"
-- (a grant or deal that arrived before its filing).
CREATE TABLE patent (
    patent_id        varchar(32)  PRIMARY KEY,
    filed_event_id   varchar(128),
    country          char(2),
    institution_raw  varchar(512),
    institution_key  varchar(512),
    institution_id   varchar(512),
    sector           varchar(16),
    city             varchar(512),
    city_key         varchar(512),
    filing_date      date,
    grant_date       date,
    first_deal_date  date,
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
-- Edge days of a window are counted from patents directly: these keep that an index-only range read.
CREATE INDEX patent_filing_date_idx ON patent (filing_date)
    INCLUDE (country, institution_id, sector, city_key, grant_date, first_deal_date)
    WHERE filing_date IS NOT NULL;
CREATE INDEX patent_institution_key_idx ON patent (institution_key);

-- Monthly ('M') and yearly ('Y') counters per subject. kind: 0 GLOBAL, 1 COUNTRY, 2 INSTITUTION,
-- 3 COUNTRY_SECTOR, 4 CITY (SubjectKind ordinal). period = first day of the month or year.
CREATE TABLE filing_counter (
    kind      smallint     NOT NULL,
    grain     char(1)      NOT NULL,
    subject   varchar(600) NOT NULL,
    period    date         NOT NULL,
    filings   bigint       NOT NULL DEFAULT 0,
    licensed  bigint       NOT NULL DEFAULT 0,
    granted   bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, grain, subject, period)
);
-- Rankings read every subject of one kind over a period range.
CREATE INDEX filing_counter_ranking_idx ON filing_counter (kind, grain, period)
    INCLUDE (subject, filings, licensed, granted);

-- Canonical institutions and the aliases that roll raw names up to them.
CREATE SEQUENCE institution_alias_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE institution (
    id            varchar(64)  PRIMARY KEY,
    display_name  varchar(512) NOT NULL,
    country       char(2),
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE TABLE institution_alias (
    id              bigint       PRIMARY KEY,
    institution_id  varchar(64)  NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    pattern         varchar(512) NOT NULL,
    pattern_key     varchar(512) NOT NULL UNIQUE,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX institution_alias_institution_idx ON institution_alias (institution_id);

-- Bumped by every alias change, so each instance knows when to reload its resolver.
CREATE TABLE alias_version (
    id       smallint PRIMARY KEY CHECK (id = 1),
    version  bigint   NOT NULL
);
INSERT INTO alias_version VALUES (1, 0);

-- Transactional outbox of metric-changes events, written in the batch's transaction.
CREATE TABLE metric_change_outbox (
    change_id     uuid         PRIMARY KEY,
    payload       text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX metric_change_outbox_pending_idx ON metric_change_outbox (created_at) WHERE published_at IS NULL;

-- Running totals for operators (events applied, dead-lettered, last applied).
CREATE TABLE ingest_progress (
    id                 smallint    PRIMARY KEY CHECK (id = 1),
    events_applied     bigint      NOT NULL,
    events_effective   bigint      NOT NULL,
    dead_lettered      bigint      NOT NULL,
    last_applied_at    timestamptz
);
INSERT INTO ingest_progress VALUES (1, 0, 0, 0, NULL);
