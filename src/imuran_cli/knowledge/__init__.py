"""The medical content, as TOML data shipped in the package, and its loaders.

Each knowledge file has a module here with its records (``imuran_cli.record.Record``)
and a ``load_*`` function that builds them without pydantic (``_data.build``). The
files are validated by pydantic in the tests and by ``python -m imuran_cli.knowledge
--check`` (``_check``). The commands read each file from its compiled module
(``_compiled/``, written by ``python -m imuran_cli.knowledge --build``; ``_build``).
Every fact carries a ``source`` id listed in ``sources.toml``.
"""
