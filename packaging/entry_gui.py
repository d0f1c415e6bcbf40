"""Entry point of the bundled application window (ExoConsult / ExoConsult.exe): the same as `exoconsult`."""

import sys

from exoconsult.cli import main

if __name__ == "__main__":
    sys.exit(main())
