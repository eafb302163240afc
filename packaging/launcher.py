"""Entry point of the frozen program."""

from crm_desktop.cli.main import main

raise SystemExit(main())
