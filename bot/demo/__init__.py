"""The no-token demo: the real bot against the sandbox, with a person (or a script) chatting."""
