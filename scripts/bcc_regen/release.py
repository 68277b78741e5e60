"""
Prepare a release: a dated CHANGELOG.md entry and the version bump.

    python -m bcc_regen.release [--version X.Y.Z] [--no-python-surface]

The entry lists the interface changes between the last git tag and the spec
snapshots in the working tree, and the version is the tag's version bumped as
the diff suggests (or `--version`). Without a tag, this is the first release: the
entry says so, lists the APIs, and keeps the version pyproject.toml has.

Running it again is safe. An entry for a version that has no tag yet is a draft
of the coming release: it is left alone when nothing changed, and rewritten
(not repeated) when the specs changed since it was written.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import re
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

from bcc_regen.config import load_apis
from bcc_regen.diff import DiffReport, Finding, Level
from bcc_regen.diff._cli import build_report
from bcc_regen.diff._sources import WORKTREE, Side
from bcc_regen.errors import PipelineError
from bcc_regen.paths import REPO_ROOT

__all__ = [
    "changelog_entry",
    "first_release_entry",
    "last_release_ref",
    "main",
    "set_version",
]

_HEADER = "# Changelog\n"
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_ENTRY_HEADING = re.compile(r"^## (\S+) \([^)\n]*\)\n", flags=re.MULTILINE)
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch"})
_SECTIONS = (
    (Level.BREAKING, "Breaking changes"),
    (Level.WARNING, "Changes to check"),
    (Level.INFO, "Other changes"),
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Entry:
    """A CHANGELOG.md entry: its version and where its text sits in the file."""

    version: str
    start: int
    end: int
    body: str  # everything after the heading line


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    repo: Path = args.repo
    changelog, pyproject = repo / "CHANGELOG.md", repo / "pyproject.toml"
    try:
        wanted = _checked(args.version, given=True)
        text = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
        current = _version_in(pyproject.read_text(encoding="utf-8"))
        base = last_release_ref(repo)

        if base is None:
            draft = _draft(text, repo, released=None)
            version = wanted or _first_version(current)
            entry = first_release_entry(repo, version=version, date=args.date)
        else:
            released = _released_version(repo, base, current)
            draft = _draft(text, repo, released=released)
            report = build_report(
                base, WORKTREE, repo=repo, python_surface=args.python_surface
            )
            report = dataclasses.replace(report, current_version=released)
            version = wanted or _next_version(report, current=current, draft=draft)
            entry = changelog_entry(report, version=version, base=base, date=args.date)
            for note in report.notes:
                print(f"warning: {note}", file=sys.stderr)

        message = _write(changelog, text, entry, version=version, draft=draft)
        if current != version:
            set_version(pyproject, version)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if base is None:
        print(
            f"{message} pyproject.toml says {version}. This is the first release "
            f"(no tag yet): commit both files, then tag the commit v{version}."
        )
    else:
        print(f"{message} pyproject.toml says {version} (last release: {base}).")
    return 0


def last_release_ref(repo: Path) -> str | None:
    """The newest tag reachable from HEAD; `None` before the first release."""
    return _git(repo, "describe", "--tags", "--abbrev=0") or None


def changelog_entry(
    report: DiffReport, *, version: str, base: str, date: datetime.date
) -> str:
    """A Markdown entry: heading, then the spec changes grouped by severity."""
    lines = [f"## {version} ({date.isoformat()})", ""]
    lines.append(f"Interface changes since `{base}`:")
    lines.append("")
    spec_findings = [f for api in report.apis for f in api.findings]
    if not spec_findings:
        lines += ["- No interface change.", ""]
    for level, title in _SECTIONS:
        chosen = [f for f in spec_findings if f.level is level]
        if chosen:
            lines += [f"### {title}", "", *(_line(f) for f in chosen), ""]

    surface = [f for api in report.apis for f in api.surface]
    if surface:
        lines += [
            f"The generated Python package has {len(surface)} incompatible "
            "changes; run `nox -s diff` for the list.",
            "",
        ]
    return "\n".join(lines)


def first_release_entry(repo: Path, *, version: str, date: datetime.date) -> str:
    """
    The entry of the first release: what it holds, since there is nothing before.

    Raises:
        PipelineError: A snapshot or the API list cannot be read.
    """
    lines = [f"## {version} ({date.isoformat()})", "", "First release."]
    config = repo / "spec" / "apis.toml"
    apis = load_apis(config) if config.is_file() else []
    if apis:
        lines += ["", "Packages generated from the API specs:", ""]
    side = Side.parse(WORKTREE, repo=repo)
    for api in apis:
        spec = side.load(api.key)
        for note in spec.notes:
            print(f"warning: {note}", file=sys.stderr)
        if spec.document is None:
            lines.append(f"- `{api.package}`: not generated yet (no snapshot).")
            continue
        title = (spec.document.get("info") or {}).get("title") or api.name
        count = sum(
            1
            for item in (spec.document.get("paths") or {}).values()
            for method in item or {}
            if method in _METHODS
        )
        lines.append(f"- `{api.package}`: {title}, {count} operations.")
    return "\n".join([*lines, ""])


def set_version(pyproject: Path, version: str) -> None:
    """
    Replace `version` in the `[project]` table, leaving the rest of the file as is.

    Raises:
        PipelineError: The table or its version line is missing.
    """
    text = pyproject.read_text(encoding="utf-8")
    table = re.search(r"^\[project\]\n(?:(?!^\[).*\n?)*", text, flags=re.MULTILINE)
    if table is None:
        msg = f"{pyproject} has no [project] table; add one with a version."
        raise PipelineError(msg)
    old = table.group(0)
    new, count = re.subn(
        r'^version\s*=\s*"[^"]*"', f'version = "{version}"', old, flags=re.MULTILINE
    )
    if count != 1:
        msg = f"{pyproject} has no version line in [project]; add `version = ...`."
        raise PipelineError(msg)
    pyproject.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(finding: Finding) -> str:
    http = finding.http.value if finding.http else "n/a"
    return f"- {finding.message} (HTTP: {http}; Python: {finding.python.value})"


def _checked(version: str | None, *, given: bool = False) -> str | None:
    """`version` if it is MAJOR.MINOR.PATCH (or None); raise if it is not."""
    if version is None or _VERSION.fullmatch(version):
        return version
    if given:
        msg = (
            f"--version {version!r} is not a MAJOR.MINOR.PATCH version. Pass three "
            "numbers, e.g. --version 1.0.0."
        )
    else:
        msg = (
            f"pyproject.toml says version {version!r}, which is not a "
            "MAJOR.MINOR.PATCH version. Fix [project] version, or pass --version."
        )
    raise PipelineError(msg)


def _first_version(current: str | None) -> str:
    version = _checked(current)
    if version is None:
        msg = (
            "pyproject.toml has no [project] version for the first release. Add "
            "one (e.g. 0.1.0), or pass --version."
        )
        raise PipelineError(msg)
    return version


def _version_in(pyproject_text: str) -> str | None:
    try:
        data = tomllib.loads(pyproject_text)
    except tomllib.TOMLDecodeError:
        return None
    version = data.get("project", {}).get("version")
    return str(version) if version else None


def _released_version(repo: Path, base: str, current: str | None) -> str:
    """The version released at tag `base`: its pyproject.toml's, else its name's."""
    at_tag = _git(repo, "show", f"{base}:pyproject.toml")
    version = _version_in(at_tag) or base.removeprefix("v")
    if _VERSION.fullmatch(version):
        return version
    if current is not None and _VERSION.fullmatch(current):
        return current
    msg = (
        f"Cannot tell the version released at tag {base!r}: neither its "
        "pyproject.toml nor its name holds MAJOR.MINOR.PATCH. Pass --version."
    )
    raise PipelineError(msg)


def _next_version(
    report: DiffReport, *, current: str | None, draft: _Entry | None
) -> str:
    """
    The release's version: the tag's, bumped as the diff suggests.

    A version that pyproject.toml was raised to by hand, past that, is kept; one
    raised by an earlier run (the draft entry has it) is not, so the bump happens
    once however often this runs.
    """
    suggested = report.suggested_version
    if suggested is None:
        msg = "The last release has no version to bump. Pass --version."
        raise PipelineError(msg)
    if current is None or (draft is not None and draft.version == current):
        return suggested
    return current if _newer(current, suggested) else suggested


def _draft(text: str, repo: Path, *, released: str | None) -> _Entry | None:
    """The newest entry if it is for a release not made yet (no tag has it)."""
    headings = list(_ENTRY_HEADING.finditer(text))
    if not headings:
        return None
    version = headings[0].group(1)
    tags = set(_git(repo, "tag", "--list").splitlines())
    if {version, f"v{version}"} & tags:
        return None
    if released is not None and not _newer(version, released):
        return None  # an old entry that was simply never tagged
    start = headings[0].start()
    end = headings[1].start() if len(headings) > 1 else len(text)
    body = text[headings[0].end() : end]
    return _Entry(version=version, start=start, end=end, body=body)


def _write(
    changelog: Path, text: str, entry: str, *, version: str, draft: _Entry | None
) -> str:
    """Add `entry` to the changelog, or replace the draft; say what was done."""
    if draft is not None:
        body = entry.split("\n", 1)[1]
        if draft.version == version and draft.body.strip() == body.strip():
            return f"CHANGELOG.md already has the {version} entry for these specs."
        new = f"{text[: draft.start]}{entry}\n{text[draft.end :]}"
        changelog.write_text(new.rstrip() + "\n", encoding="utf-8")
        return (
            f"CHANGELOG.md: the unreleased {draft.version} entry is replaced by "
            f"the {version} entry for the current specs."
        )

    rest = (text or _HEADER).removeprefix(_HEADER).lstrip("\n")
    changelog.write_text(f"{_HEADER}\n{entry}\n{rest}".rstrip() + "\n", "utf-8")
    return f"CHANGELOG.md has a new {version} entry."


def _newer(version: str, other: str) -> bool:
    """Whether MAJOR.MINOR.PATCH `version` is above `other` (False if not both)."""
    if not (_VERSION.fullmatch(version) and _VERSION.fullmatch(other)):
        return False
    first, second = (tuple(int(p) for p in v.split(".")) for v in (version, other))
    return first > second


def _git(repo: Path, *args: str) -> str:
    """Run git; its output, or "" if it fails (no tag yet, no such file)."""
    completed = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() if completed.returncode == 0 else ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bcc_regen.release",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", help="the new version (default: the suggested one)"
    )
    parser.add_argument(
        "--no-python-surface",
        dest="python_surface",
        action="store_false",
        help="skip comparing the generated Python packages",
    )
    parser.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=datetime.datetime.now(tz=datetime.UTC).date(),
        help=argparse.SUPPRESS,
    )
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    sys.exit(main())
