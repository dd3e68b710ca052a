-- API keys of the gateway. Only a SHA-256 hash of each key is stored: keys are 256-bit random values,
-- so a fast hash is enough (no dictionary to attack) and a lookup is one indexed equality.
CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE api_key (
    id          BIGINT       PRIMARY KEY,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    prefix      VARCHAR(16)  NOT NULL,
    principal   VARCHAR(100) NOT NULL,
    roles       VARCHAR(100) NOT NULL,
    description VARCHAR(200),
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_key_principal_idx ON api_key (principal);
