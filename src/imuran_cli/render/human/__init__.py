"""One human renderer per result type. Words and symbols carry the meaning, never colour alone."""
