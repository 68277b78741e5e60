"""Walking one schema pair and naming what changed, without judging it yet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Change", "Document", "Place", "schema_changes", "signature"]

SCHEMA_REF = "#/components/schemas/"


class Document:
    """An OpenAPI 3 document with local `$ref` lookup."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        components = data.get("components") or {}
        self.schemas: dict[str, Any] = dict(components.get("schemas") or {})

    def resolve(self, node: Any) -> Any:
        """Follow local `$ref`s until a real object; unknown targets give `{}`."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/"):
                return {}
            seen.add(ref)
            node = self._pointer(ref)
        return node

    def schema(self, node: Any) -> Any:
        """Return a schema with its component `$ref` (if any) resolved."""
        return self.resolve(node) if ref_name(node) else node

    def _pointer(self, ref: str) -> Any:
        target: Any = self.data
        for raw in ref[2:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                return {}
            target = target[part]
        return target


def ref_name(node: Any) -> str | None:
    """The component name a schema `$ref` points at, or `None`."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            return ref.removeprefix(SCHEMA_REF).replace("~1", "/").replace("~0", "~")
    return None


@dataclass(frozen=True)
class Place:
    """Where in a schema a change sits: a base phrase plus a property path."""

    base: str
    props: tuple[str, ...] = ()

    def child(self, name: str) -> Place:
        return Place(self.base, (*self.props, name))

    def items(self) -> Place:
        return Place(self.base, (*self.props, "[]"))

    def __str__(self) -> str:
        if self.props[:1] == ("[]",):
            return str(Place(f"the items of {self.base}", self.props[1:]))
        if not self.props:
            return self.base
        path = "".join(p if p == "[]" else f".{p}" for p in self.props).lstrip(".")
        return f"property `{path}` of {self.base}"


@dataclass(frozen=True, kw_only=True)
class Change:
    """A change found by the walk; `required` qualifies added/removed properties."""

    kind: str
    message: str
    required: bool = False


def signature(node: Any) -> str:
    """A short type name for a schema, e.g. `string(date-time)` or `array[Person]`."""
    name = ref_name(node)
    if name is not None:
        return name
    if not isinstance(node, dict):
        return "any"
    for combiner in ("oneOf", "anyOf"):
        if combiner in node:
            members = sorted(signature(m) for m in node[combiner] or [])
            return f"{combiner}[{', '.join(members)}]"

    kind = _type(node)
    if kind == "array":
        return f"array[{signature(node.get('items'))}]"
    text = f"{kind}({node['format']})" if node.get("format") else kind
    return f"{text} enum" if "enum" in node else text


def _outer(node: Any) -> str:
    """The signature without array items, which are compared on their own."""
    if isinstance(node, dict) and ref_name(node) is None and _type(node) == "array":
        return "array" + (" enum" if "enum" in node else "")
    return signature(node)


def _type(node: dict[str, Any]) -> str:
    declared = node.get("type")
    if isinstance(declared, list):  # OpenAPI 3.1: ["string", "null"]
        declared = "|".join(sorted(t for t in declared if t != "null")) or "null"
    if declared:
        return str(declared)
    if "properties" in node or "additionalProperties" in node or "allOf" in node:
        return "object"
    return "any"


def _nullable(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    declared = node.get("type")
    return bool(node.get("nullable")) or (
        isinstance(declared, list) and "null" in declared
    )


def schema_changes(
    doc_old: Document, doc_new: Document, old: Any, new: Any, place: Place
) -> Iterator[Change]:
    """
    Yield the changes between two schemas, stopping at component `$ref`s.

    A `$ref` to the same component on both sides is not entered: components are
    compared once each, and their changes attributed to every user.
    """
    old, new = _merge_all_of(doc_old, old), _merge_all_of(doc_new, new)
    old_name, new_name = ref_name(old), ref_name(new)
    if old_name is not None or new_name is not None:
        if old_name == new_name:
            return
        if _shape(doc_old, old) == _shape(doc_new, new):
            yield _replaced(place, old, new)
        else:
            yield _retyped(place, old, new)
        return

    if _outer(old) != _outer(new):
        yield _retyped(place, old, new)
        return
    if not isinstance(old, dict) or not isinstance(new, dict):
        return  # no schema on either side, or `true`/`false` schemas

    yield from _nullability(old, new, place)
    yield from _enum_values(old, new, place)
    yield from _properties(doc_old, doc_new, old, new, place)
    if _type(old) == "array":
        items_old, items_new = old.get("items"), new.get("items")
        yield from schema_changes(doc_old, doc_new, items_old, items_new, place.items())


def _retyped(place: Place, old: Any, new: Any) -> Change:
    message = f"{place} changed type from `{signature(old)}` to `{signature(new)}`"
    return Change(kind="type-changed", message=message)


def _replaced(place: Place, old: Any, new: Any) -> Change:
    message = (
        f"`{signature(old)}` was replaced by `{signature(new)}` in {place}, "
        "with the same shape"
    )
    return Change(kind="schema-replaced", message=message)


# Keys that carry wording or tooling hints, not the shape of the data.
_WORDING = frozenset(
    {"description", "summary", "title", "example", "examples", "externalDocs"}
)


def _shape(doc: Document, node: Any, seen: frozenset[str] = frozenset()) -> Any:
    """A schema with every `$ref` inlined and wording dropped, for equality."""
    name = ref_name(node)
    if name is not None:
        if name in seen:
            return {"$cycle": name}
        return _shape(doc, doc.resolve(node), seen | {name})
    if isinstance(node, dict):
        return {
            key: _shape(doc, value, seen)
            for key, value in node.items()
            if key not in _WORDING and not key.startswith("x-")
        }
    if isinstance(node, list):
        return [_shape(doc, item, seen) for item in node]
    return node


def _nullability(old: Any, new: Any, place: Place) -> Iterator[Change]:
    if _nullable(old) and not _nullable(new):
        yield Change(kind="nullable-removed", message=f"{place} is no longer nullable")
    elif _nullable(new) and not _nullable(old):
        yield Change(kind="nullable-added", message=f"{place} became nullable")


def _enum_values(
    old: dict[str, Any], new: dict[str, Any], place: Place
) -> Iterator[Change]:
    if "enum" not in old or "enum" not in new:
        return
    old_values = [v for v in old["enum"] or [] if v is not None]
    new_values = [v for v in new["enum"] or [] if v is not None]
    for value in new_values:
        if value not in old_values:
            message = f"enum value `{value}` added to {place}"
            yield Change(kind="enum-value-added", message=message)
    for value in old_values:
        if value not in new_values:
            message = f"enum value `{value}` removed from {place}"
            yield Change(kind="enum-value-removed", message=message)


def _properties(
    doc_old: Document,
    doc_new: Document,
    old: dict[str, Any],
    new: dict[str, Any],
    place: Place,
) -> Iterator[Change]:
    old_props: dict[str, Any] = old.get("properties") or {}
    new_props: dict[str, Any] = new.get("properties") or {}
    old_required = set(old.get("required") or [])
    new_required = set(new.get("required") or [])

    for name in old_props:
        if name not in new_props:
            message = f"{place.child(name)} was removed"
            required = name in old_required
            yield Change(kind="property-removed", message=message, required=required)
    for name in new_props:
        if name not in old_props:
            adjective = "required" if name in new_required else "optional"
            message = f"{adjective} {place.child(name)} was added"
            required = name in new_required
            yield Change(kind="property-added", message=message, required=required)

    for name in (n for n in old_props if n in new_props):
        if name in old_required and name not in new_required:
            message = f"{place.child(name)} became optional"
            yield Change(kind="property-optional", message=message)
        elif name in new_required and name not in old_required:
            message = f"{place.child(name)} became required"
            yield Change(kind="property-required", message=message)
        yield from schema_changes(
            doc_old, doc_new, old_props[name], new_props[name], place.child(name)
        )


def _merge_all_of(doc: Document, node: Any, seen: frozenset[str] = frozenset()) -> Any:
    """
    Flatten `allOf` into one object schema, as the generator does for models.

    Parts that are component `$ref`s are inlined, so a change in a base schema
    shows up both on the base and on every schema built from it; the generated
    classes copy the base's attributes, so both really change. `seen` holds the
    components already being inlined, so a cycle of `allOf`s ends.
    """
    if not isinstance(node, dict) or not node.get("allOf"):
        return node
    parts = node["allOf"]
    if len(parts) == 1 and ref_name(parts[0]) and "properties" not in node:
        return parts[0]  # `allOf: [$ref]` only wraps a reference to add a description
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    merged.setdefault("type", "object")
    properties: dict[str, Any] = dict(merged.get("properties") or {})
    required: list[str] = list(merged.get("required") or [])
    for part in parts:
        name = ref_name(part)
        if name in seen:
            continue
        inner = seen | {name} if name else seen
        resolved = doc.schema(_merge_all_of(doc, doc.schema(part), inner))
        if not isinstance(resolved, dict):
            continue
        properties.update(resolved.get("properties") or {})
        required += [r for r in resolved.get("required") or [] if r not in required]
        for key in ("enum", "nullable", "format"):
            if key in resolved:
                merged.setdefault(key, resolved[key])
    merged["properties"], merged["required"] = properties, required
    return merged
