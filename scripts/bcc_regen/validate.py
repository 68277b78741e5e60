"""Checks a spec must pass before anything is generated from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from bcc_regen.errors import PipelineError

__all__ = ["check_references", "validate_spec"]


def check_references(document: dict[str, Any], *, source: str) -> None:
    """
    Check every `$ref`: it must be local, point at something, and not be part of
    a loop of pure aliases (schema A is only a reference to B, and B only to A).

    Recursive schemas, such as a Person holding Affiliations that point back at
    the Person, are legitimate and pass: only a loop that never reaches a real
    definition is an error.
    """
    for ref in sorted(set(_refs(document))):
        _resolve(document, ref, source)

    for ref in sorted(set(_refs(document))):
        chain = [ref]
        node = _resolve(document, ref, source)
        while isinstance(node, dict) and set(node) == {"$ref"}:
            following = node["$ref"]
            if following in chain:
                loop = " -> ".join([*chain[chain.index(following) :], following])
                msg = (
                    f"{source} defines references that only point at each other "
                    f"({loop}), so they never describe any data. Fix the spec or "
                    "correct it with the API's overlay."
                )
                raise PipelineError(msg)
            chain.append(following)
            node = _resolve(document, following, source)


def _refs(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve(document: dict[str, Any], ref: str, source: str) -> object:
    if not ref.startswith("#/"):
        msg = (
            f"{source} has the reference {ref!r} to another document; only "
            "references within the spec are supported. Bundle the spec first."
        )
        raise PipelineError(msg)

    node: object = document
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            msg = (
                f"{source} has a reference to {ref}, which does not exist. "
                "Fix the spec or correct it with the API's overlay."
            )
            raise PipelineError(msg)
    return node


def validate_spec(document: dict[str, Any], *, source: str) -> None:
    """Validate against the Swagger 2.0 or OpenAPI 3.x schema."""
    try:
        validate(document)
    except OpenAPIValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "the top level"
        message = str(exc.message).splitlines()[0][:300]
        msg = (
            f"{source} is not a valid spec: at {where}, {message}. Fix the spec or "
            "correct it with the API's overlay."
        )
        raise PipelineError(msg) from None
