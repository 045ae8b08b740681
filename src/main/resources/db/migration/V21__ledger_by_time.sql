-- The caps read the sent ledger once per delivery run, over the past hour or day, through
-- sent_ledger_time. The index by address was kept up to date at every mail's commit, one
-- scattered entry per recipient, for lookups that now scan a day's rows at most.
drop index sent_ledger_address;
