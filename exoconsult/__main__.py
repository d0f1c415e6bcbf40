"""`python -m exoconsult` behaves exactly like the `exoconsult` command."""

from exoconsult.cli import main

raise SystemExit(main())
