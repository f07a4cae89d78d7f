"""Start CDSS Desk from a source checkout: ``python main.py [--workspace PATH] [COMMAND ...]``."""

from __future__ import annotations

import sys

from cdss.cli import main

if __name__ == "__main__":
    sys.exit(main())
