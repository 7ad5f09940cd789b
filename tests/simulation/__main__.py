"""`python -m tests.simulation --seed N` replays one seed; `--seeds A-B` runs a range (see runner/cli)."""

from tests.simulation.cli import main

raise SystemExit(main())
