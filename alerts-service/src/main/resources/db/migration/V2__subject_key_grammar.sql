-- Subject keys follow the one grammar of contracts' SubjectKey: institution and city names as long as events
-- allow (512 characters, so a key of up to COUNTRY/ + 512), and institutions by their name key (trimmed,
-- whitespace runs folded to one space, lower-cased), the form metric-changes name them in.
ALTER TABLE alert_rule
    ALTER COLUMN subject_key TYPE varchar(520),
    ALTER COLUMN subject_ref TYPE varchar(540);

UPDATE alert_rule
SET subject_key = lower(regexp_replace(btrim(subject_key), '\s+', ' ', 'g')),
    subject_ref = 'INSTITUTION:' || lower(regexp_replace(btrim(subject_key), '\s+', ' ', 'g'))
WHERE subject_kind = 'INSTITUTION'
  AND subject_key <> lower(regexp_replace(btrim(subject_key), '\s+', ' ', 'g'));
