"""The medical content, as TOML data shipped in the package, and its loaders.

Each knowledge file has a module here with pydantic models and a ``load_*`` function.
Every fact carries a ``source`` id listed in ``sources.toml``.
"""
