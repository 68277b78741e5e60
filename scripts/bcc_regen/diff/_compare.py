"""Compare two OpenAPI 3 documents and list their classified interface changes."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bcc_regen.diff._model import Finding, Level
from bcc_regen.diff._rules import COMPONENT, REQUEST, RESPONSE, Context, classify
from bcc_regen.diff._schema import (
    Change,
    Document,
    Place,
    ref_name,
    schema_changes,
)

__all__ = ["compare_documents", "normalise_path"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE = re.compile(r"\{([^}]*)\}")


def normalise_path(path: str) -> str:
    """Blank out path parameter names, so `/persons/{id}` matches `/persons/{uid}`."""
    return _TEMPLATE.sub("{}", path)


@dataclass(frozen=True, kw_only=True)
class _Operation:
    method: str
    path: str
    node: dict[str, Any]
    parameters: tuple[dict[str, Any], ...]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    def in_location(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.parameters if p.get("in") == location]


@dataclass(frozen=True, kw_only=True)
class _Entry:
    """A place where an operation meets a schema: a parameter, body or response."""

    context: Context
    label: str
    schema: Any


def compare_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Finding]:
    """
    List the interface changes from one OpenAPI 3 document to another.

    Descriptions, summaries, examples and other wording are ignored, so a pair that
    differs only in text yields no finding.

    Args:
        old: The earlier document, already converted to OpenAPI 3.
        new: The later document, already converted to OpenAPI 3.

    Returns:
        Findings in a stable order: operations, then schemas, then scopes.
    """
    return _Comparison(Document(old), Document(new)).run()


@dataclass
class _Comparison:
    old: Document
    new: Document
    findings: list[Finding] = field(default_factory=list)

    def run(self) -> list[Finding]:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        self._operations(old_ops, new_ops)
        self._components(old_ops, new_ops)
        self._scheme_scopes()
        return self.findings

    def _add(
        self, kind: str, message: str, *, operation: str, required: bool = False
    ) -> None:
        http, python = classify(kind, required=required)
        self.findings.append(
            Finding(
                kind=kind,
                message=message,
                http=http,
                python=python,
                operations=(operation,),
            )
        )

    def _add_changes(
        self, changes: Iterable[Change], context: Context, operation: str
    ) -> None:
        for change in changes:
            http, python = classify(change.kind, context, required=change.required)
            finding = Finding(
                kind=change.kind,
                message=change.message,
                http=http,
                python=python,
                operations=(operation,),
            )
            self.findings.append(finding)

    # -- operations -------------------------------------------------------------

    def _operations(
        self,
        old_ops: dict[tuple[str, str], _Operation],
        new_ops: dict[tuple[str, str], _Operation],
    ) -> None:
        for key in sorted(old_ops.keys() | new_ops.keys(), key=_order):
            old_op, new_op = old_ops.get(key), new_ops.get(key)
            if old_op is None and new_op is not None:
                message = f"operation `{new_op.label}` was added"
                self._add("operation-added", message, operation=new_op.label)
            elif new_op is None and old_op is not None:
                message = f"operation `{old_op.label}` was removed"
                self._add("operation-removed", message, operation=old_op.label)
            elif old_op is not None and new_op is not None:
                self._operation(old_op, new_op)

    def _operation(self, old: _Operation, new: _Operation) -> None:
        self._parameters(old, new)
        self._request_body(old, new)
        self._responses(old, new)
        self._operation_scopes(old, new)

    def _parameters(self, old: _Operation, new: _Operation) -> None:
        renamed = self._path_renames(old, new)
        pairs, removed, added = _match_parameters(old, new, renamed)
        pairs += self._other_renames(old, new, removed, added)

        for param in removed:
            message = f"{_describe(param)} of `{new.label}` was removed"
            self._add("parameter-removed", message, operation=new.label)
        for param in added:
            required = bool(param.get("required"))
            adjective = "required" if required else "optional"
            message = f"{adjective} {_describe(param)} was added to `{new.label}`"
            self._add(
                "parameter-added", message, operation=new.label, required=required
            )
        for old_param, new_param in pairs:
            self._parameter(old_param, new_param, new.label)

    def _path_renames(self, old: _Operation, new: _Operation) -> dict[str, str]:
        old_names = _TEMPLATE.findall(old.path)
        new_names = _TEMPLATE.findall(new.path)
        renamed = {o: n for o, n in zip(old_names, new_names, strict=True) if o != n}
        for old_name, new_name in renamed.items():
            message = (
                f"path parameter `{old_name}` of `{new.label}` was renamed to "
                f"`{new_name}`"
            )
            self._add("path-parameter-renamed", message, operation=new.label)
        return renamed

    def _other_renames(
        self,
        old: _Operation,
        new: _Operation,
        removed: list[dict[str, Any]],
        added: list[dict[str, Any]],
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Pair a removed and an added parameter at the same place as a rename."""
        pairs = []
        for gone in list(removed):
            location = gone.get("in")
            if location == "path":
                continue  # renamed through the path template
            index = old.in_location(str(location)).index(gone)
            came = next(
                (
                    p
                    for p in added
                    if p.get("in") == location
                    and new.in_location(str(location)).index(p) == index
                ),
                None,
            )
            if came is None:
                continue
            message = (
                f"{_describe(gone)} of `{new.label}` was renamed to `{came['name']}`"
            )
            self._add("parameter-renamed", message, operation=new.label)
            removed.remove(gone)
            added.remove(came)
            pairs.append((gone, came))
        return pairs

    def _parameter(self, old: dict[str, Any], new: dict[str, Any], label: str) -> None:
        where = f"{_describe(new)} of `{label}`"
        if new.get("required") and not old.get("required"):
            self._add("parameter-required", f"{where} became required", operation=label)
        elif old.get("required") and not new.get("required"):
            self._add("parameter-optional", f"{where} became optional", operation=label)

        place = Place(where)
        changes = schema_changes(
            self.old, self.new, old.get("schema"), new.get("schema"), place
        )
        self._add_changes(changes, REQUEST, label)

    def _request_body(self, old: _Operation, new: _Operation) -> None:
        old_body = self.old.resolve(old.node.get("requestBody"))
        new_body = self.new.resolve(new.node.get("requestBody"))
        label, where = new.label, f"the request body of `{new.label}`"
        if not old_body and not new_body:
            return
        if not new_body:
            self._add("request-body-removed", f"{where} was removed", operation=label)
            return
        if not old_body:
            required = bool(new_body.get("required"))
            kind = "request-body-required" if required else "request-body-added"
            adjective = "required" if required else "optional"
            message = f"an {adjective} request body was added to `{label}`"
            self._add(kind, message, operation=label)
            return

        was_required, is_required = old_body.get("required"), new_body.get("required")
        if is_required and not was_required:
            message = f"{where} became required"
            self._add("request-body-required", message, operation=label)
        elif was_required and not is_required:
            message = f"{where} became optional"
            self._add("request-body-optional", message, operation=label)

        old_schema, new_schema = _body_schema(old_body), _body_schema(new_body)
        place = Place(where)
        changes = schema_changes(self.old, self.new, old_schema, new_schema, place)
        self._add_changes(changes, REQUEST, label)

    def _responses(self, old: _Operation, new: _Operation) -> None:
        old_responses = old.node.get("responses") or {}
        new_responses = new.node.get("responses") or {}
        label = new.label
        for status in old_responses:
            if status not in new_responses:
                message = f"the {status} response of `{label}` was removed"
                self._add("response-removed", message, operation=label)
        for status in new_responses:
            if status not in old_responses:
                message = f"a {status} response was added to `{label}`"
                self._add("response-added", message, operation=label)
                continue
            old_schema = _body_schema(self.old.resolve(old_responses[status]))
            new_schema = _body_schema(self.new.resolve(new_responses[status]))
            place = Place(f"the {status} response of `{label}`")
            changes = schema_changes(self.old, self.new, old_schema, new_schema, place)
            self._add_changes(changes, RESPONSE, label)

    def _operation_scopes(self, old: _Operation, new: _Operation) -> None:
        old_scopes = _required_scopes(self.old, old)
        new_scopes = _required_scopes(self.new, new)
        for scheme, scope in sorted(new_scopes - old_scopes):
            message = f"`{new.label}` now requires scope `{scope}` ({scheme})"
            self._add("operation-scope-added", message, operation=new.label)
        for scheme, scope in sorted(old_scopes - new_scopes):
            message = f"`{new.label}` no longer requires scope `{scope}` ({scheme})"
            self._add("operation-scope-removed", message, operation=new.label)

    # -- components -------------------------------------------------------------

    def _components(
        self,
        old_ops: dict[tuple[str, str], _Operation],
        new_ops: dict[tuple[str, str], _Operation],
    ) -> None:
        users = _schema_users(self.new, new_ops.values())
        old_users = _schema_users(self.old, old_ops.values())
        old_names, new_names = self.old.schemas, self.new.schemas

        for name in sorted(old_names.keys() & new_names.keys()):
            self._component(name, users)
        for name in sorted(old_names.keys() - new_names.keys()):
            former_users = tuple(_users_of(name, old_users))
            has_class = _has_class(self.old.resolve(old_names[name]))
            http, python = classify(
                "schema-removed", used=bool(former_users), has_class=has_class
            )
            self.findings.append(
                Finding(
                    kind="schema-removed",
                    message=f"schema `{name}` was removed",
                    http=http,
                    python=python,
                    schema=name,
                    operations=former_users,
                )
            )
        for name in sorted(new_names.keys() - old_names.keys()):
            message = f"schema `{name}` was added"
            self.findings.append(
                Finding(
                    kind="schema-added",
                    message=message,
                    http=Level.INFO,
                    python=Level.INFO,
                    schema=name,
                    operations=tuple(_users_of(name, users)),
                )
            )

    def _component(self, name: str, users: dict[tuple[str, str], list[str]]) -> None:
        """Compare one component once; attribute each change to all its users."""
        old, new = self.old.schemas[name], self.new.schemas[name]
        contexts: list[Context] = [c for c in (REQUEST, RESPONSE) if (name, c) in users]
        for change in schema_changes(self.old, self.new, old, new, Place(f"`{name}`")):
            grouped: dict[tuple[Level | None, Level], list[str]] = defaultdict(list)
            for context in contexts or [COMPONENT]:
                levels = classify(change.kind, context, required=change.required)
                grouped[levels] += users.get((name, context), [])
            for (http, python), operations in grouped.items():
                self.findings.append(
                    Finding(
                        kind=change.kind,
                        message=change.message,
                        http=http,
                        python=python,
                        schema=name,
                        operations=tuple(operations),
                    )
                )

    # -- security schemes ---------------------------------------------------------

    def _scheme_scopes(self) -> None:
        old, new = _scheme_scopes(self.old), _scheme_scopes(self.new)
        for scheme, scope in sorted(new - old):
            message = f"scope `{scope}` was added to security scheme `{scheme}`"
            self.findings.append(_scope_finding("scope-added", message))
        for scheme, scope in sorted(old - new):
            message = f"scope `{scope}` was removed from security scheme `{scheme}`"
            self.findings.append(_scope_finding("scope-removed", message))


def _scope_finding(kind: str, message: str) -> Finding:
    http, python = classify(kind)
    return Finding(kind=kind, message=message, http=http, python=python)


def _order(key: tuple[str, str]) -> tuple[str, int, str]:
    method, path = key
    rank = _METHODS.index(method.lower()) if method.lower() in _METHODS else 99
    return path, rank, method


def _operations(doc: Document) -> dict[tuple[str, str], _Operation]:
    """Every operation, keyed by method and path with parameter names blanked."""
    found: dict[tuple[str, str], _Operation] = {}
    for path, raw_item in (doc.data.get("paths") or {}).items():
        item = doc.resolve(raw_item)
        shared = _keyed_parameters(doc, item.get("parameters"))
        for method in _METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            own = _keyed_parameters(doc, node.get("parameters"))
            merged = {**shared, **own}  # an operation's own parameter wins
            found[(method.upper(), normalise_path(path))] = _Operation(
                method=method.upper(),
                path=path,
                node=node,
                parameters=tuple(merged.values()),
            )
    return found


def _keyed_parameters(doc: Document, raw: Any) -> dict[tuple[str, str], dict[str, Any]]:
    params = [doc.resolve(p) for p in raw or []]
    return {
        (str(p.get("in")), str(p.get("name"))): p
        for p in params
        if isinstance(p, dict) and "name" in p
    }


def _match_parameters(
    old: _Operation, new: _Operation, renamed: dict[str, str]
) -> tuple[
    list[tuple[dict[str, Any], dict[str, Any]]],
    list[dict[str, Any]],
    list[dict[str, Any]],
]:
    """Pair parameters by location and name (path names through `renamed`)."""
    new_by_key = {(p.get("in"), p.get("name")): p for p in new.parameters}
    pairs, removed = [], []
    for param in old.parameters:
        name = param.get("name")
        if param.get("in") == "path":
            name = renamed.get(str(name), name)
        match = new_by_key.pop((param.get("in"), name), None)
        if match is None:
            removed.append(param)
        else:
            pairs.append((param, match))
    return pairs, removed, list(new_by_key.values())


def _describe(param: dict[str, Any]) -> str:
    return f"{param.get('in')} parameter `{param.get('name')}`"


def _body_schema(node: Any) -> Any:
    """The schema of a body or response, preferring JSON media types."""
    if not isinstance(node, dict):
        return None
    content = node.get("content") or {}
    for media_type in ("application/json", *content):
        if media_type in content and "json" in media_type:
            return (content[media_type] or {}).get("schema")
    first = next(iter(content.values()), None)
    return first.get("schema") if isinstance(first, dict) else None


def _entries(doc: Document, op: _Operation) -> Iterator[_Entry]:
    for param in op.parameters:
        label = f"{param.get('in')} parameter {param.get('name')}"
        yield _Entry(context=REQUEST, label=label, schema=param.get("schema"))
    body = doc.resolve(op.node.get("requestBody"))
    if body:
        yield _Entry(context=REQUEST, label="request body", schema=_body_schema(body))
    for status, response in (op.node.get("responses") or {}).items():
        schema = _body_schema(doc.resolve(response))
        yield _Entry(context=RESPONSE, label=f"{status} response", schema=schema)


def _schema_users(
    doc: Document, operations: Iterable[_Operation]
) -> dict[tuple[str, str], list[str]]:
    """Map (component, context) to the operations that reach it, directly or not."""
    users: dict[tuple[str, str], list[str]] = defaultdict(list)
    for op in operations:
        for entry in _entries(doc, op):
            for name in sorted(_reachable(doc, entry.schema)):
                users[(name, entry.context)].append(f"{op.label} ({entry.label})")
    return users


def _users_of(name: str, users: dict[tuple[str, str], list[str]]) -> list[str]:
    found = users.get((name, REQUEST), []) + users.get((name, RESPONSE), [])
    return list(dict.fromkeys(found))


def _reachable(doc: Document, schema: Any) -> set[str]:
    """Names of all components a schema refers to, following references."""
    seen: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        name = ref_name(node)
        if name is not None:
            if name not in seen and name in doc.schemas:
                seen.add(name)
                stack.append(doc.schemas[name])
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return seen


def _has_class(schema: Any) -> bool:
    """Whether openapi-python-client makes a class (model or enum) for a schema."""
    if not isinstance(schema, dict):
        return False
    object_like = schema.get("type") == "object" or "properties" in schema
    return object_like or "enum" in schema or "allOf" in schema


def _scheme_scopes(doc: Document) -> set[tuple[str, str]]:
    schemes = (doc.data.get("components") or {}).get("securitySchemes") or {}
    scopes = set()
    for name, raw in schemes.items():
        scheme = doc.resolve(raw)
        for flow in (scheme.get("flows") or {}).values():
            scopes |= {(name, scope) for scope in (flow or {}).get("scopes") or {}}
    return scopes


def _required_scopes(doc: Document, op: _Operation) -> set[tuple[str, str]]:
    # Alternatives (a list of requirement objects) are merged: a scope counts as
    # required if any alternative names it. Good enough to notice a change.
    requirements = op.node.get("security", doc.data.get("security")) or []
    return {
        (scheme, scope)
        for requirement in requirements
        for scheme, scopes in (requirement or {}).items()
        for scope in scopes or []
    }
