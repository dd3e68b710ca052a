-- A batch appends its counter deltas here (COPY into a table without indexes: no row locks, no B-tree work)
-- instead of upserting filing_counter itself; a fold job moves them into filing_counter in its own
-- transaction, on the other core, summed over every batch since the last fold. Readers sum both tables in
-- one statement, and a fold deletes the rows it adds in the same transaction, so every figure is exact at
-- all times. The table stays small: folds follow batches closely and vacuum it after each run.
CREATE TABLE counter_delta (
    kind      smallint     NOT NULL,
    grain     char(1)      NOT NULL,
    subject   varchar(600) NOT NULL,
    period    date         NOT NULL,
    -- A batch's delta fits an integer, and sum(integer) adds in bigint (sum(bigint) would add in numeric).
    filings   integer      NOT NULL,
    licensed  integer      NOT NULL,
    granted   integer      NOT NULL
);
