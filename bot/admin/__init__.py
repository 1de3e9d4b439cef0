"""The admin side: roles, audit, halting and pushing advisories (no telegram.ext here)."""
