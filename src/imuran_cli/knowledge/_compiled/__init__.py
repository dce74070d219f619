"""Knowledge data compiled from the TOML files (`python -m imuran_cli.knowledge --build`)."""
