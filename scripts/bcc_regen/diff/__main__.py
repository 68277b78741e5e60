"""`python -m bcc_regen.diff`: see `bcc_regen.diff._cli`."""

from __future__ import annotations

import sys

from bcc_regen.diff._cli import main

sys.exit(main())
