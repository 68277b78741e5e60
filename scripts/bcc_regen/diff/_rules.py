"""
How much each kind of spec change hurts HTTP clients and Python callers.

A change is judged in the context where a schema is met: in a *request* the client
writes the data (removing an accepted value hurts, adding one does not); in a
*response* the client reads it (a field that may now be missing hurts, a new field
does not). Python callers see the generated package: attrs models whose constructor
arguments and attribute types follow the schema, and endpoint functions whose
arguments follow the parameters.
"""

from __future__ import annotations

from typing import Final, Literal

from bcc_regen.diff._model import Level, worst

__all__ = [
    "COMPONENT",
    "REQUEST",
    "RESPONSE",
    "RESPONSE_ENUM_ADDED_PYTHON",
    "Context",
    "classify",
]

Context = Literal["request", "response", "component"]
REQUEST: Final = "request"
RESPONSE: Final = "response"
# A component schema that no operation uses: HTTP clients never meet it, but the
# generated package still has a class for it.
COMPONENT: Final = "component"

# A new enum value in a response, for Python callers. The pipeline adds a
# `_missing_` hook to every generated enum, so an older release parses an unknown
# value instead of raising; only code that matches the enum exhaustively misses the
# new member. Set this to Level.BREAKING if generated enums become closed again.
RESPONSE_ENUM_ADDED_PYTHON: Level = Level.WARNING

_I, _W, _B = Level.INFO, Level.WARNING, Level.BREAKING

# (kind, context) -> (HTTP level, Python level). Kinds whose level depends on more
# than the context are decided in `classify`.
_TABLE: dict[tuple[str, str], tuple[Level, Level]] = {
    # Clients send fewer values than allowed: fine. A value they send is refused.
    ("enum-value-added", REQUEST): (_I, _I),
    ("enum-value-removed", REQUEST): (_B, _B),
    # A value clients never see again breaks no parser, but the generated enum
    # loses the member, so Python code naming it fails with AttributeError.
    ("enum-value-removed", RESPONSE): (_I, _B),
    # Optional in a request: clients that still send it are fine.
    ("property-optional", REQUEST): (_I, _I),
    # BUG-16: a response field that may be missing. HTTP clients that relied on it
    # may break; the generated attribute becomes `X | Unset`, which breaks typed
    # code and string operations at run time.
    ("property-optional", RESPONSE): (_W, _B),
    ("property-required", REQUEST): (_B, _B),
    ("property-required", RESPONSE): (_I, _I),
    ("property-removed", REQUEST): (_W, _B),
    ("property-added", RESPONSE): (_I, _I),
    ("nullable-added", REQUEST): (_I, _I),
    ("nullable-added", RESPONSE): (_W, _B),
    ("nullable-removed", REQUEST): (_B, _B),
    ("nullable-removed", RESPONSE): (_I, _I),
    ("type-changed", REQUEST): (_B, _B),
    ("type-changed", RESPONSE): (_B, _B),
}

# Kinds whose level depends on whether the parameter or property is required.
_BY_REQUIRED: dict[tuple[str, str], dict[bool, tuple[Level | None, Level]]] = {
    ("parameter-added", REQUEST): {True: (_B, _B), False: (_I, _I)},
    ("property-added", REQUEST): {True: (_B, _B), False: (_I, _I)},
    # A response field that was always there hurts more than an optional one.
    ("property-removed", RESPONSE): {True: (_B, _B), False: (_W, _B)},
}

_FIXED: dict[str, tuple[Level | None, Level]] = {
    "api-added": (_I, _I),
    "api-removed": (_B, _B),
    "operation-added": (_I, _I),
    "operation-removed": (_B, _B),
    # A path parameter's name never travels over HTTP, but it is the keyword
    # argument of every generated endpoint function.
    "path-parameter-renamed": (_I, _B),
    "parameter-renamed": (_B, _B),
    # Another schema with the same shape: the same JSON, a different class.
    "schema-replaced": (_I, _B),
    "parameter-removed": (_W, _B),
    "parameter-optional": (_I, _I),
    "parameter-required": (_B, _B),
    "request-body-added": (_I, _I),
    "request-body-required": (_B, _B),
    "request-body-optional": (_I, _I),
    "request-body-removed": (_W, _B),
    # A new status code widens the generated functions' return type.
    "response-added": (_I, _W),
    "response-removed": (_W, _W),
    "schema-added": (_I, _I),
    # Scopes are not part of the generated package; tokens are.
    "scope-added": (_I, _I),
    "scope-removed": (_B, _I),
    "operation-scope-added": (_B, _I),
    "operation-scope-removed": (_I, _I),
}


def classify(
    kind: str,
    context: Context = REQUEST,
    *,
    required: bool = False,
    used: bool = True,
    has_class: bool = True,
) -> tuple[Level | None, Level]:
    """
    Return the (HTTP, Python) levels of one change.

    Args:
        kind: The finding kind, e.g. `property-optional`.
        context: Where the schema is met; `component` for an unused component.
        required: For added parameters and properties: added as required; for
            removed properties: was required.
        used: For removed schemas: some operation of the old spec used it.
        has_class: For removed schemas: the generator made a class for it.
    """
    if kind in _FIXED:
        return _FIXED[kind]
    if kind == "schema-removed":
        return (_W if used else _I, _B if has_class else _I)
    if kind == "enum-value-added" and context == RESPONSE:
        return (_I, RESPONSE_ENUM_ADDED_PYTHON)
    if context == COMPONENT:
        return _unused_component(kind, required=required)
    by_required = _BY_REQUIRED.get((kind, context))
    return by_required[required] if by_required else _TABLE[(kind, context)]


def _unused_component(kind: str, *, required: bool) -> tuple[Level | None, Level]:
    # Nobody sends or receives it over HTTP; for Python, take the worse of the two
    # ways the class could be used.
    as_request = classify(kind, REQUEST, required=required)[1]
    as_response = classify(kind, RESPONSE, required=required)[1]
    return Level.INFO, worst(as_request, as_response) or Level.INFO
