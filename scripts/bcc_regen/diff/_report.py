"""Render a diff report as Markdown (PR bodies, release notes) or JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from bcc_regen.diff._model import ApiDiff, DiffReport, Finding, Level, worst

__all__ = ["render_json", "render_markdown"]

_REASON_LIMIT = 400
_LEVEL_TEXT = {
    Level.BREAKING: "**breaking**",
    Level.WARNING: "warning",
    Level.INFO: "info",
}


def render_json(report: DiffReport) -> str:
    """The report as JSON, for tools; every finding lists all operations it hits."""
    data = {
        "current_version": report.current_version,
        "suggested_version": report.suggested_version,
        "bump": report.bump,
        "breaking": report.has_breaking,
        "apis": [_api_json(api) for api in report.apis],
    }
    return json.dumps(data, indent=2) + "\n"


def _api_json(api: ApiDiff) -> dict[str, object]:
    return {
        "key": api.key,
        "old": api.old_source,
        "new": api.new_source,
        "old_overlay": api.old_overlay,
        "new_overlay": api.new_overlay,
        "notes": list(api.notes),
        "findings": [_finding_json(f) for f in api.findings],
        "python_surface_checked": api.surface_checked,
        "python_surface_error": api.surface_error,
        "python_surface": [_finding_json(f) for f in api.surface],
    }


def _finding_json(finding: Finding) -> dict[str, object]:
    return {
        "kind": finding.kind,
        "message": finding.message,
        "http": finding.http.value if finding.http else None,
        "python": finding.python.value,
        "level": finding.level.value,
        "schema": finding.schema,
        "operations": list(finding.operations),
    }


def render_markdown(report: DiffReport, *, title: str = "API changes") -> str:
    """
    The report as Markdown: a summary, then per API the changes by operation, by
    schema and in the Python package, and last the suggested version.
    """
    lines = [f"# {title}", "", _summary(report.findings), ""]
    if report.notes:
        count = len(report.notes)
        noun = "note below needs" if count == 1 else "notes below need"
        lines += [f"**{count} {noun} a look.**", ""]
    for api in report.apis:
        lines += _api_markdown(api)
    lines += ["", *_version_markdown(report)]
    return "\n".join(lines).rstrip() + "\n"


def _summary(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    if not findings:
        return "No interface change: HTTP clients and Python callers are unaffected."
    http = _count(f.http for f in findings)
    python = _count(f.python for f in findings)
    return f"{len(findings)} changes. HTTP clients: {http}. Python callers: {python}."


def _count(levels: Iterable[Level | None]) -> str:
    tally: dict[Level, int] = defaultdict(int)
    for level in levels:
        if level is not None:
            tally[level] += 1
    parts = [f"{tally[lv]} {lv.value}" for lv in reversed(Level) if tally[lv]]
    return ", ".join(parts) or "none"


def _api_markdown(api: ApiDiff) -> list[str]:
    lines = [
        f"## `{api.key}`",
        "",
        f"From {_side(api.old_source, api.old_overlay)} to "
        f"{_side(api.new_source, api.new_overlay)}.",
        "",
    ]
    for note in api.notes:
        lines += [f"> **Check:** {note}", ""]
    operation_level = [f for f in api.findings if f.schema is None]
    schema_level = [f for f in api.findings if f.schema is not None]
    if not api.findings:
        lines += ["No interface change in the spec.", ""]
    if operation_level:
        lines += ["### Operations and security", "", *_table(operation_level), ""]
    if schema_level:
        lines += ["### Schemas", ""]
        lines += ["Each change is listed once, with the operations that use it.", ""]
        lines += [*_table(schema_level, users=True), ""]
        lines += ["### Operations affected through schemas", ""]
        lines += [*_affected(schema_level), ""]
    lines += _surface_markdown(api)
    return lines


def _side(source: str, overlay: str | None) -> str:
    if overlay is None:
        return f"`{source}`"
    return f"`{source}` (corrected by `{overlay}`)"


def _table(findings: list[Finding], *, users: bool = False) -> list[str]:
    header = "| Change | HTTP clients | Python callers |"
    rule = "| --- | --- | --- |"
    if users:
        header, rule = header + " Used by |", rule + " --- |"
    rows = [header, rule]
    for finding in _by_severity(findings):
        http = _LEVEL_TEXT[finding.http] if finding.http else "n/a"
        row = f"| {_cell(finding.message)} | {http} | {_LEVEL_TEXT[finding.python]} |"
        if users:
            row += f" {_cell(', '.join(finding.operations) or 'no operation')} |"
        rows.append(row)
    return rows


def _affected(findings: list[Finding]) -> list[str]:
    """One line per operation: which changed schemas reach it, and how badly."""
    by_operation: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for user in finding.operations:
            by_operation[user.split(" (")[0]].append(finding)
    if not by_operation:
        return ["None: no operation uses the changed schemas."]

    lines = []
    for operation, hits in sorted(by_operation.items()):
        schemas = ", ".join(f"`{s}`" for s in sorted({f.schema or "" for f in hits}))
        http = worst(*(f.http for f in hits))
        python = worst(*(f.python for f in hits))
        lines.append(
            f"- `{operation}`: {schemas} (HTTP {http.value if http else 'n/a'}, "
            f"Python {python.value if python else 'n/a'})"
        )
    return lines


def _surface_markdown(api: ApiDiff) -> list[str]:
    if api.surface_error is not None:
        reason = api.surface_error
        if len(reason) > _REASON_LIMIT:
            reason = reason[:_REASON_LIMIT].rstrip() + " … (the JSON report has it all)"
        return [f"The generated Python packages could not be compared: {reason}", ""]
    if not api.surface_checked:
        return [
            "The generated Python package was not compared (`--no-python-surface`).",
            "",
        ]
    lines = ["### Generated Python package", ""]
    if not api.surface:
        return [*lines, "No breaking change found in the generated package.", ""]
    lines.append("Found by comparing the generated code of both sides:")
    lines.append("")
    lines += [
        f"- {_LEVEL_TEXT[f.python]}: {f.message}" for f in _by_severity(api.surface)
    ]
    return [*lines, ""]


def _version_markdown(report: DiffReport) -> list[str]:
    lines = ["## Suggested version", ""]
    reason = {
        "major": "a breaking change for HTTP clients or Python callers",
        "minor": "additions only",
        "patch": "no breaking change and no addition",
    }[report.bump]
    current, suggested = report.current_version, report.suggested_version
    if current is None or suggested is None:
        return [*lines, f"A **{report.bump}** release ({reason})."]
    lines.append(f"`{current}` → `{suggested}` (**{report.bump}**: {reason}).")
    if current.startswith("0.") and report.bump == "major":
        lines += [
            "",
            "While the version is 0.x, semver would also allow a minor bump for a "
            "breaking change; this project keeps it simple and bumps the major.",
        ]
    return lines


def _by_severity(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -f.level.rank)  # stable within a level


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
