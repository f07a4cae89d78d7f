"""Decision support in the workflow: patient context from the record, prescribing checks with override memory,
re-checks after new lab values, and alert statistics. No Qt here."""
