"""Scope names: checking what callers ask for, and what operations need."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from bcc_core_api.scopes import OPERATION_SCOPES, Scope

from ._errors import ConfigurationError, UnknownScopeError

__all__ = ["operation_scopes", "resolve_scopes"]


def resolve_scopes(
    scopes: Iterable[Scope | str], *, allow_unknown: bool = False
) -> tuple[str, ...]:
    """
    Check *scopes* against the `Scope` enum and return them sorted, once each.

    Sorting makes the token request body and the token cache key the same
    whatever order the caller listed the scopes in.

    Raises:
        ConfigurationError: *scopes* is not a collection of scopes (`None`, a
            number, ...).
        UnknownScopeError: A scope is not declared by the API and
            *allow_unknown* is false.
    """
    if isinstance(scopes, str):
        scopes = scopes.split()
    if not isinstance(scopes, Iterable):
        msg = (
            f"scopes={scopes!r} is not a list of scopes. Pass the bcc_api.Scope "
            "members the app needs, such as scopes=[Scope.PERSONS_NAME_READ], or "
            "scopes=[] for a token without scopes."
        )
        raise ConfigurationError(msg)
    known = {scope.value for scope in Scope}
    result: set[str] = set()
    for scope in scopes:
        text = str(scope)
        if text not in known and not allow_unknown:
            close = _closest(text, known)
            guess = f" Closest known: {', '.join(close)}." if close else ""
            msg = (
                f"{text!r} is not a scope the API declares.{guess} Use a "
                "bcc_api.Scope member, or pass allow_unknown_scopes=True if the "
                "scope is new and deliberate."
            )
            raise UnknownScopeError(msg, scope=text, suggestions=close)
        result.add(text)
    return tuple(sorted(result))


def _closest(text: str, known: set[str]) -> tuple[str, ...]:
    """Up to three known scopes that look like *text*, ignoring case."""
    by_lower = {name.lower(): name for name in known}
    close = difflib.get_close_matches(text.lower(), by_lower, n=3, cutoff=0.5)
    return tuple(by_lower[name] for name in close)


@functools.cache
def _templates() -> tuple[tuple[str, re.Pattern[str], int, str], ...]:
    compiled = []
    for method, template in OPERATION_SCOPES:
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        literal = template.count("/") - template.count("{")
        compiled.append((method, re.compile(f"{pattern}/?"), literal, template))
    return tuple(compiled)


def operation_scopes(method: str, path: str) -> tuple[str, ...]:
    """
    The scopes that grant the operation behind *method* and concrete *path*.

    When several templates match (`/v2/persons/personID/{uid}` and
    `/v2/persons/{uid}`), the one with the most literal segments wins.
    """
    best: tuple[int, str] | None = None
    for op_method, pattern, literal, template in _templates():
        matches = op_method == method.upper() and pattern.fullmatch(path)
        if matches and (best is None or literal > best[0]):
            best = (literal, template)
    if best is None:
        return ()
    return tuple(OPERATION_SCOPES[(method.upper(), best[1])])
