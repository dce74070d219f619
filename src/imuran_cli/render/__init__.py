"""Output. ``plain`` and ``json_out`` are light; ``console`` and ``human`` import rich."""
