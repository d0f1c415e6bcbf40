"""Entry point of the bundled command line (exoconsult-cli): doctor, verify, backup, restore, assess..."""

import sys

from exoconsult.cli import main

if __name__ == "__main__":
    sys.exit(main())
