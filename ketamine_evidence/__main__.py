"""``python -m ketamine_evidence`` runs the command line."""

from ketamine_evidence.cli import main

raise SystemExit(main())
