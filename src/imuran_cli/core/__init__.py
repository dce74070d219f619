"""Pure domain rules. Nothing here reads files, the environment or the clock."""
