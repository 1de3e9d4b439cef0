"""Broadcast delivery: outbox, rate limiter, sender and worker. No telegram.ext in here."""
