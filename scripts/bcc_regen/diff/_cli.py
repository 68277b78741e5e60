"""
Compare the API specs of two versions and classify every interface change.

    python -m bcc_regen.diff OLD NEW [--api KEY] [--format markdown|json]
        [--output FILE] [--fail-on breaking] [--no-python-surface]

OLD and NEW are each a git ref (a release tag or a commit: the snapshots in
spec/<key>/ at that ref), WORKTREE (the snapshots on disk), a local spec file, or
an http(s) URL of a spec. Each side is corrected by its API's overlay first: the
one at that ref, the one on disk, or for a file or URL given with --api, the one
on disk.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bcc_regen.config import ApiConfig, load_apis
from bcc_regen.diff._compare import compare_documents
from bcc_regen.diff._model import ApiDiff, DiffReport, Finding
from bcc_regen.diff._report import render_json, render_markdown
from bcc_regen.diff._rules import classify
from bcc_regen.diff._sources import Side
from bcc_regen.diff._surface import python_surface
from bcc_regen.errors import PipelineError
from bcc_regen.paths import REPO_ROOT
from bcc_regen.pipeline import select_apis

__all__ = ["build_report", "main"]

# Package name used to generate a spec that is not one of the configured APIs.
_ANONYMOUS_PACKAGE = "bcc_diff_client"


@dataclass(frozen=True, kw_only=True)
class _Target:
    key: str
    package: str
    allowed_skips: Mapping[str, str] = field(default_factory=dict)
    configured: bool = False  # listed in spec/apis.toml, so it may have an overlay


def main(argv: Sequence[str] | None = None) -> int:
    """Run the diff; exit 1 on breaking changes if `--fail-on breaking`, 2 on error."""
    args = _parser().parse_args(argv)
    try:
        report = build_report(
            args.old,
            args.new,
            repo=args.repo,
            api=args.api,
            python_surface=args.python_surface,
        )
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if args.format == "json":
        text = render_json(report)
    else:
        text = render_markdown(report, title=f"API changes: {args.old} → {args.new}")
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            print(
                f"error: cannot write the report to {args.output} ({reason}). "
                "Pass an --output path in a folder you can write to.",
                file=sys.stderr,
            )
            return 2
    for note in report.notes:
        print(f"warning: {note}", file=sys.stderr)

    if args.fail_on == "breaking" and report.has_breaking:
        print("error: the specs differ by breaking changes.", file=sys.stderr)
        return 1
    return 0


def build_report(
    old: str,
    new: str,
    *,
    repo: Path = REPO_ROOT,
    api: str | None = None,
    python_surface: bool = True,
) -> DiffReport:
    """
    Compare two sides for every API they hold (or the one named `api`).

    Raises:
        PipelineError: A side cannot be read or converted, or the APIs to compare
            cannot be told.
    """
    old_side, new_side = Side.parse(old, repo=repo), Side.parse(new, repo=repo)
    targets = _targets(old_side, new_side, repo, api)
    diffs = tuple(
        _diff_api(old_side, new_side, target, surface=python_surface)
        for target in targets
    )
    return DiffReport(
        apis=tuple(d for d in diffs if d is not None),
        current_version=_current_version(repo),
    )


def _targets(old: Side, new: Side, repo: Path, api: str | None) -> list[_Target]:
    config = repo / "spec" / "apis.toml"
    configured: list[ApiConfig] = load_apis(config) if config.is_file() else []
    if api is not None and configured:
        chosen = select_apis(configured, api)
    elif api is not None:
        return [_Target(key=api, package=_ANONYMOUS_PACKAGE)]
    elif old.in_repo or new.in_repo:
        chosen = configured
    else:
        return [_Target(key="spec", package=_ANONYMOUS_PACKAGE)]

    if not chosen:
        msg = f"{config} lists no API to compare. Add one, or compare two files."
        raise PipelineError(msg)
    if len(chosen) > 1 and not (old.in_repo and new.in_repo):
        msg = "A spec file or URL holds one API; say which with --api KEY."
        raise PipelineError(msg)
    return [
        _Target(
            key=a.key,
            package=a.package,
            allowed_skips=a.allowed_skips,
            configured=True,
        )
        for a in chosen
    ]


def _diff_api(
    old: Side, new: Side, target: _Target, *, surface: bool
) -> ApiDiff | None:
    old_spec = old.load(target.key, overlay=target.configured)
    new_spec = new.load(target.key, overlay=target.configured)
    old_doc, new_doc = old_spec.document, new_spec.document
    if old_doc is None and new_doc is None:
        return None
    sides = ApiDiff(
        key=target.key,
        old_source=old_spec.source,
        new_source=new_spec.source,
        old_overlay=old_spec.overlay,
        new_overlay=new_spec.overlay,
        notes=old_spec.notes + new_spec.notes,
    )
    if old_doc is None or new_doc is None:
        kind = "api-added" if old_doc is None else "api-removed"
        verb = "added" if old_doc is None else "removed"
        http, python = classify(kind)
        message = f"API `{target.key}` was {verb}"
        finding = Finding(kind=kind, message=message, http=http, python=python)
        return replace(sides, findings=(finding,))

    findings = compare_documents(old_doc, new_doc)
    surface_findings: list[Finding] = []
    surface_error = None
    if surface:
        try:
            surface_findings = python_surface(
                old_doc,
                new_doc,
                package=target.package,
                allowed_skips=target.allowed_skips,
            )
        except PipelineError as exc:
            # The spec findings still stand; say why the packages were not compared.
            surface_error = str(exc)
    return replace(
        sides,
        findings=tuple(findings),
        surface=tuple(surface_findings),
        surface_checked=surface and surface_error is None,
        surface_error=surface_error,
    )


def _current_version(repo: Path) -> str | None:
    try:
        data = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    version = data.get("project", {}).get("version")
    return str(version) if version else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bcc_regen.diff",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", help="git ref, WORKTREE, spec file or URL")
    parser.add_argument("new", help="git ref, WORKTREE, spec file or URL")
    parser.add_argument("--api", help="only this API (key or explorer name)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--output", type=Path, help="write here instead of stdout")
    parser.add_argument(
        "--fail-on",
        choices=("breaking",),
        help="exit 1 if any change is breaking for HTTP clients or Python callers",
    )
    parser.add_argument(
        "--no-python-surface",
        dest="python_surface",
        action="store_false",
        help="skip generating and comparing the Python packages (faster)",
    )
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser
