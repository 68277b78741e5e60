"""
Apply an OpenAPI Overlay 1.0 document: the API's known corrections, kept as data.

Each action selects nodes with an RFC 9535 JSONPath `target` and either removes
them (`remove: true`) or merges `update` into them. Objects merge key by key,
recursively; any other value replaces what was there. An update aimed at an array
appends to it. Every action must say why it exists in `description`, and must
match something: an action that matches nothing means the spec moved on and the
correction needs a look, so it fails the run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonpath

from bcc_regen.documents import parse_document
from bcc_regen.errors import PipelineError

__all__ = ["apply_overlay", "load_overlay"]

_JSONPATH = jsonpath.JSONPathEnvironment(strict=True)


def load_overlay(path: Path) -> dict[str, Any] | None:
    """Read and check an overlay file; None when the API has none."""
    if not path.exists():
        return None

    overlay = parse_document(path.read_bytes(), source=str(path))
    if not str(overlay.get("overlay", "")).startswith("1."):
        msg = f"{path} is not an Overlay 1.x document (it needs `overlay: 1.0.0`)."
        raise PipelineError(msg)

    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        msg = f"{path} has no actions. Add some, or delete the file."
        raise PipelineError(msg)

    for number, action in enumerate(actions, start=1):
        _check_action(action, f"{path}, action {number}")
    return overlay


def _check_action(action: object, where: str) -> None:
    if not isinstance(action, dict) or not isinstance(action.get("target"), str):
        msg = f"{where} needs a JSONPath `target`."
        raise PipelineError(msg)
    if not str(action.get("description", "")).strip():
        msg = f"{where} ({action['target']}) needs a `description` giving its reason."
        raise PipelineError(msg)
    if ("update" in action) == bool(action.get("remove")):
        msg = f"{where} ({action['target']}) needs exactly one of `update` or `remove`."
        raise PipelineError(msg)
    try:
        _JSONPATH.compile(action["target"])
    except jsonpath.JSONPathError as exc:
        msg = f"{where}: target {action['target']!r} is not valid JSONPath ({exc})."
        raise PipelineError(msg) from None


def apply_overlay(
    document: dict[str, Any], overlay: dict[str, Any], *, name: str
) -> None:
    """Apply every action of `overlay` to `document`, in place and in order."""
    for number, action in enumerate(overlay["actions"], start=1):
        target = action["target"]
        matches = list(_JSONPATH.finditer(target, document))
        if not matches:
            msg = (
                f"Overlay {name}, action {number}: target {target} matches nothing in "
                "the spec. The API has changed; update or drop this action."
            )
            raise PipelineError(msg)

        if action.get("remove"):
            _remove_all(document, [match.parts for match in matches])
        else:
            for match in matches:
                _update(match.obj, action["update"], target)


def _remove_all(document: dict[str, Any], selected: list[tuple[Any, ...]]) -> None:
    """Remove every selected node; list items from the highest index down."""
    if any(not parts for parts in selected):
        msg = "An overlay action cannot remove the whole document."
        raise PipelineError(msg)

    doomed: dict[int, tuple[Any, set[Any]]] = {}
    for parts in selected:
        parent: Any = document
        for part in parts[:-1]:
            parent = parent[part]
        key = parts[-1]
        if isinstance(parent, list):
            key %= len(parent)  # a negative index names the same item
        doomed.setdefault(id(parent), (parent, set()))[1].add(key)

    for parent, keys in doomed.values():
        for key in sorted(keys, reverse=True) if isinstance(parent, list) else keys:
            del parent[key]


def _update(node: object, update: object, target: str) -> None:
    if isinstance(node, list):
        node.append(update)
    elif isinstance(node, dict) and isinstance(update, dict):
        _merge(node, update)
    else:
        msg = (
            f"Overlay target {target} selects a {type(node).__name__}; an update can "
            "only merge into an object or append to an array."
        )
        raise PipelineError(msg)


def _merge(node: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(node.get(key), dict) and isinstance(value, dict):
            _merge(node[key], value)
        else:
            node[key] = value
