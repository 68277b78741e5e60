"""The values a spec diff produces: levels, audiences, findings and reports."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = [
    "ADDITION_KINDS",
    "ApiDiff",
    "DiffReport",
    "Finding",
    "Level",
    "bump_version",
    "worst",
]


class Level(enum.Enum):
    """How much a change hurts one audience; ordered from harmless to breaking."""

    INFO = "info"
    WARNING = "warning"
    BREAKING = "breaking"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Level.INFO: 0, Level.WARNING: 1, Level.BREAKING: 2}


def worst(*levels: Level | None) -> Level | None:
    """Return the most severe of the given levels, ignoring `None`."""
    present = [level for level in levels if level is not None]
    return max(present, key=lambda level: level.rank) if present else None


# Kinds that add something without taking anything away; they make a release minor.
ADDITION_KINDS = frozenset(
    {
        "api-added",
        "operation-added",
        "parameter-added",
        "property-added",
        "enum-value-added",
        "schema-added",
        "scope-added",
    }
)


@dataclass(frozen=True, kw_only=True)
class Finding:
    """
    One interface change, classified for HTTP clients and for Python callers.

    Attributes:
        kind: Stable machine name, e.g. `parameter-renamed`.
        message: One sentence for people, with names in backticks.
        http: Level for code that calls the API over HTTP; `None` when the change
            exists only in the generated Python package.
        python: Level for code that calls the generated Python package.
        schema: The component schema the change lives in, or `None` for changes
            inside an operation or at the document level.
        operations: Every operation affected (`GET /persons/{uid}`), each with
            where it meets the change; a schema change names all its users.
    """

    kind: str
    message: str
    http: Level | None
    python: Level
    schema: str | None = None
    operations: tuple[str, ...] = ()

    @property
    def level(self) -> Level:
        """The worse of the two audiences' levels."""
        return worst(self.http, self.python) or Level.INFO

    @property
    def is_breaking(self) -> bool:
        return self.level is Level.BREAKING


@dataclass(frozen=True, kw_only=True)
class ApiDiff:
    """
    The findings for one API, spec-level and (optionally) Python-surface ones.

    `surface_error` says why the generated packages could not be compared, e.g.
    because an old spec no longer passes today's generator. `old_overlay` and
    `new_overlay` name the overlay each side was corrected with, and `notes` hold
    what the maintainer must look at, such as an overlay that no longer applies.
    """

    key: str
    old_source: str
    new_source: str
    findings: tuple[Finding, ...] = ()
    surface: tuple[Finding, ...] = ()
    surface_checked: bool = False
    surface_error: str | None = None
    old_overlay: str | None = None
    new_overlay: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + self.surface


@dataclass(frozen=True, kw_only=True)
class DiffReport:
    """A whole diff run: every API compared plus the version advice."""

    apis: tuple[ApiDiff, ...]
    current_version: str | None = None

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for api in self.apis for f in api.all_findings)

    @property
    def has_breaking(self) -> bool:
        return any(f.is_breaking for f in self.findings)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the maintainer must look at, over every API."""
        return tuple(note for api in self.apis for note in api.notes)

    @property
    def bump(self) -> str:
        """`major`, `minor` or `patch`, from the findings."""
        if self.has_breaking:
            return "major"
        if any(f.kind in ADDITION_KINDS for f in self.findings):
            return "minor"
        return "patch"

    @property
    def suggested_version(self) -> str | None:
        if self.current_version is None:
            return None
        return bump_version(self.current_version, self.bump)


def bump_version(version: str, bump: str) -> str:
    """
    Apply a semver bump to `MAJOR.MINOR.PATCH`; pre-release or local parts drop.

    Raises:
        ValueError: The version does not start with three dot-separated numbers.
    """
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", version)
    if match is None:
        msg = f"Version {version!r} is not MAJOR.MINOR.PATCH; fix [project] version."
        raise ValueError(msg)

    major, minor, patch = (int(p) for p in match.groups())
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
