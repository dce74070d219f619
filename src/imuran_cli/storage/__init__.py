"""Where files live and how the profile is read and written. Never prints."""
