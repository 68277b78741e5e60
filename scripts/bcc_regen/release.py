"""
Prepare a release: a dated CHANGELOG.md entry and the version bump.

    python -m bcc_regen.release [--version X.Y.Z] [--no-python-surface]

The entry lists the interface changes between the last git tag (or the first
commit, if there is no tag yet) and the spec snapshots in the working tree. The
version defaults to the one the diff suggests.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from bcc_regen.diff import DiffReport, Finding, Level
from bcc_regen.diff._cli import build_report
from bcc_regen.diff._sources import WORKTREE
from bcc_regen.errors import PipelineError
from bcc_regen.paths import REPO_ROOT

__all__ = ["changelog_entry", "last_release_ref", "main", "set_version"]

_HEADER = "# Changelog\n"
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_SECTIONS = (
    (Level.BREAKING, "Breaking changes"),
    (Level.WARNING, "Changes to check"),
    (Level.INFO, "Other changes"),
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    repo: Path = args.repo
    try:
        base = last_release_ref(repo)
        report = build_report(
            base, WORKTREE, repo=repo, python_surface=args.python_surface
        )
        version = args.version or report.suggested_version
        if version is None or not _VERSION.fullmatch(version):
            msg = (
                f"{version!r} is not a MAJOR.MINOR.PATCH version. Pass --version, "
                "or set [project] version in pyproject.toml."
            )
            raise PipelineError(msg)
        entry = changelog_entry(report, version=version, base=base, date=args.date)
        _prepend(repo / "CHANGELOG.md", entry)
        set_version(repo / "pyproject.toml", version)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    print(f"CHANGELOG.md and pyproject.toml now say {version} (was {base}).")
    return 0


def last_release_ref(repo: Path) -> str:
    """The newest tag reachable from HEAD, or the first commit if there is none."""
    described = _git(repo, "describe", "--tags", "--abbrev=0", check=False)
    if described:
        return described
    roots = _git(repo, "rev-list", "--max-parents=0", "HEAD", check=True)
    return roots.splitlines()[-1]


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


def _line(finding: Finding) -> str:
    http = finding.http.value if finding.http else "n/a"
    return f"- {finding.message} (HTTP: {http}; Python: {finding.python.value})"


def _prepend(changelog: Path, entry: str) -> None:
    current = changelog.read_text(encoding="utf-8") if changelog.exists() else _HEADER
    body = current.removeprefix(_HEADER).lstrip("\n")
    changelog.write_text(f"{_HEADER}\n{entry}\n{body}".rstrip() + "\n", "utf-8")


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


def _git(repo: Path, *args: str, check: bool) -> str:
    completed = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=False
    )
    if check and completed.returncode != 0:
        msg = f"git {' '.join(args)} failed: {completed.stderr.strip()}"
        raise PipelineError(msg)
    return completed.stdout.strip() if completed.returncode == 0 else ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bcc_regen.release",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", help="the new version (default: suggested)")
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
