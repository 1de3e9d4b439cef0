"""The operator's commands (`elchi ...`): parser, prompts, one module per command group."""
