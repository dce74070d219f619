"""Run as ``python -m imuran_cli``."""

from imuran_cli.cli import main

if __name__ == "__main__":
    main()
