"""`python -m nndesk` and the `nndesk` command: both end up in `nndesk.cli.main`."""

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the `nndesk` command line (no arguments: the window)."""
    from nndesk.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
