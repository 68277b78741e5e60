"""
Spec diff: classify the interface changes between two versions of an API.

Each change is judged for two audiences, HTTP clients and Python callers of the
generated package, as breaking, warning or info. `python -m bcc_regen.diff` is
the command line; `compare_documents` is the engine.
"""

from __future__ import annotations

from bcc_regen.diff._compare import compare_documents, normalise_path
from bcc_regen.diff._model import ApiDiff, DiffReport, Finding, Level, bump_version
from bcc_regen.diff._report import render_json, render_markdown
from bcc_regen.diff._rules import RESPONSE_ENUM_ADDED_PYTHON
from bcc_regen.diff._surface import compare_packages

__all__ = [
    "RESPONSE_ENUM_ADDED_PYTHON",
    "ApiDiff",
    "DiffReport",
    "Finding",
    "Level",
    "bump_version",
    "compare_documents",
    "compare_packages",
    "normalise_path",
    "render_json",
    "render_markdown",
]
