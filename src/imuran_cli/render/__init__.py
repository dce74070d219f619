"""Output: ``json_out`` (the one JSON writer), ``plain`` (wrapped text), ``human`` (the
views), and the export formats. None imports rich."""
