"""`python -m tui` runs the samefact command line."""

from tui.cli import main

raise SystemExit(main())
