"""`python -m boschquiz`."""

from boschquiz.cli import main

raise SystemExit(main())
