"""Write a typed module of an API's OAuth2 scopes into its generated package."""

from __future__ import annotations

import re
from typing import Any

from bcc_regen.errors import PipelineError

__all__ = ["collect_scopes", "render_scopes_module"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def collect_scopes(
    openapi: dict[str, Any],
) -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, ...]]]:
    """
    Every scope the spec names, with its description, and each operation's scopes.

    Scopes that operations use without the security scheme defining them are
    included too, described as such: the server checks the names it checks.
    """
    described: dict[str, str] = {}
    schemes = openapi.get("components", {}).get("securitySchemes", {})
    for scheme in schemes.values():
        for flow in (scheme.get("flows") or {}).values():
            for name, text in (flow.get("scopes") or {}).items():
                described[name] = " ".join(str(text or "").split())

    default = openapi.get("security") or []
    operations: dict[tuple[str, str], tuple[str, ...]] = {}
    for path, item in openapi.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            names: list[str] = []
            for requirement in operation.get("security", default):
                for scopes in requirement.values():
                    names += [s for s in scopes if s not in names]
            operations[(method.upper(), path)] = tuple(names)
            for name in names:
                described.setdefault(
                    name, "Used by operations; not defined in the spec."
                )

    return dict(sorted(described.items())), operations


def render_scopes_module(openapi: dict[str, Any]) -> str:
    """The source of `scopes.py`: a `Scope` enum and the scopes of each operation."""
    described, operations = collect_scopes(openapi)
    title = openapi.get("info", {}).get("title", "the API")
    _check_member_names(described)

    lines = [
        f'"""OAuth2 scopes of {title}, written by the regeneration pipeline."""',
        "",
        "from collections.abc import Mapping",
        "from enum import StrEnum",
        "from types import MappingProxyType",
        "",
        '__all__ = ["OPERATION_SCOPES", "SCOPE_DESCRIPTIONS", "Scope"]',
        "",
        "",
        "class Scope(StrEnum):",
        '    """Every scope the spec names."""',
        "",
    ]
    lines += [f"    {_member(name)} = {name!r}" for name in described]
    if not described:
        lines.append("    pass")
    lines += [
        "",
        "",
        "SCOPE_DESCRIPTIONS: Mapping[Scope, str] = MappingProxyType(",
        "    {",
        *(f"        Scope.{_member(n)}: {text!r}," for n, text in described.items()),
        "    }",
        ")",
        '"""What each scope grants, as the spec describes it."""',
        "",
        "OPERATION_SCOPES: Mapping[tuple[str, str], tuple[Scope, ...]] = (",
        "    MappingProxyType(",
        "    {",
    ]
    for (method, path), names in operations.items():
        members = "".join(f"Scope.{_member(n)}, " for n in names)
        lines.append(f"        ({method!r}, {path!r}): ({members}),")
    lines += [
        "    }",
        "    )",
        ")",
        '"""The scopes each operation lists, keyed by (method, path template)."""',
        "",
    ]
    return "\n".join(lines)


def _check_member_names(scopes: dict[str, str]) -> None:
    """Two scopes whose names differ only in punctuation would share one member."""
    owners: dict[str, str] = {}
    for scope in scopes:
        other = owners.setdefault(_member(scope), scope)
        if other != scope:
            msg = (
                f"The scopes {other!r} and {scope!r} would both be Scope."
                f"{_member(scope)}. Rename one with the API's overlay."
            )
            raise PipelineError(msg)


def _member(scope: str) -> str:
    name = re.sub(r"[^0-9A-Za-z]+", "_", scope).strip("_").upper()
    return f"SCOPE_{name}" if not name or name[0].isdigit() else name
