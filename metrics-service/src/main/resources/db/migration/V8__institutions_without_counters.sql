-- Institutions keep no counters: their figures are summed from the patent rows (patent_institution_date_idx for
-- one holder, the filing-date index for rankings). Their yearly counters were about half of the rows every fold
-- upserted. Deltas not folded yet are dropped with them: they only ever added to these counters.
DELETE FROM counter_delta WHERE kind = 2;
DELETE FROM filing_counter WHERE kind = 2;
