"""Cases for advisors: the model, the status workflow, the audit log, notes, privacy."""
