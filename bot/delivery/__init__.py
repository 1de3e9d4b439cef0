"""Broadcast delivery: the one sending budget, outbox, sender and worker. No telegram here."""
