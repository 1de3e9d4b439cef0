"""Advisories: the content model, files, validation, rendering and exports (no Telegram)."""
