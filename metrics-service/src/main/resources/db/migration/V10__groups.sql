-- Named sets of countries or of institutions (subjects of kind GROUP: figures are the sums over the members).
-- member_kind is the SubjectKind ordinal of every member: 1 COUNTRY, 2 INSTITUTION. owner is the principal that
-- may change the group; NULL for a shared group (changed by admins only). Names are unique across all owners.
CREATE TABLE subject_group (
    name         varchar(63)  PRIMARY KEY,
    member_kind  smallint     NOT NULL CHECK (member_kind IN (1, 2)),
    owner        varchar(200),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX subject_group_owner_idx ON subject_group (owner);

-- A group's members, by the subject key figures use (a country code or an institution id).
CREATE TABLE subject_group_member (
    group_name  varchar(63)  NOT NULL REFERENCES subject_group (name) ON DELETE CASCADE,
    member_key  varchar(512) NOT NULL,
    PRIMARY KEY (group_name, member_key)
);
