"""Allow ``python -m housingmatch``."""

from housingmatch.app import main

raise SystemExit(main())
