"""Reading spec documents: JSON or YAML, Swagger 2.0 or OpenAPI 3."""

from __future__ import annotations

import json
from typing import Any

import yaml

from bcc_regen.errors import PipelineError

__all__ = ["looks_like_html", "parse_document", "spec_format"]


def looks_like_html(data: bytes) -> bool:
    """Tell whether a reply is an HTML page: an error, login or explorer page."""
    head = data[:1024].lstrip().lower()
    if not head.startswith(b"<"):
        return False
    return any(tag in head for tag in (b"<!doctype html", b"<html", b"<head", b"<body"))


def parse_document(data: bytes, *, source: str) -> dict[str, Any]:
    """
    Parse a spec document given as JSON or YAML.

    Raises:
        PipelineError: The bytes are HTML, not UTF-8, not JSON or YAML, or not a
            mapping at the top level.
    """
    if looks_like_html(data):
        msg = (
            f"{source} returned an HTML page where a spec was expected. "
            "Check the URL: it should point at the JSON or YAML spec, or at the "
            "explorer page so the spec can be discovered."
        )
        raise PipelineError(msg)

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        msg = f"{source} is not UTF-8 text, so it cannot be a spec. Check the source."
        raise PipelineError(msg) from None

    if not text.strip():
        msg = f"{source} is empty. Check the source, or pull it again."
        raise PipelineError(msg)

    try:
        document = _load(text, source)
    except RecursionError:
        msg = f"{source} is nested too deeply to be a spec. Check the source."
        raise PipelineError(msg) from None
    if document is None:
        msg = f"{source} holds nothing but comments. Check the source."
        raise PipelineError(msg)
    if not isinstance(document, dict):
        msg = (
            f"{source} holds a {type(document).__name__}, not a spec object. "
            "Check that the source is an OpenAPI or Swagger document."
        )
        raise PipelineError(msg)

    _check_size(document, source)
    return document


# Far above any real spec (the Core API's has about 30,000 nodes), far below
# what a YAML alias bomb expands to.
MAX_NODES = 2_000_000


def _check_size(document: object, source: str) -> None:
    """Refuse documents that expand beyond MAX_NODES, or refer to themselves."""
    pending, seen = [document], 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > MAX_NODES:
            msg = (
                f"{source} expands to more than {MAX_NODES:,} values (YAML aliases "
                "that repeat or contain themselves?). Check the source."
            )
            raise PipelineError(msg)
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)


def _load(text: str, source: str) -> object:
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            truncated = exc.pos >= len(text.rstrip()) - 1
            hint = (
                "The download may be truncated; pull it again."
                if truncated
                else ("Fix the document, or pull it again.")
            )
            msg = (
                f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg}). {hint}"
            )
            raise PipelineError(msg) from None

    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 -- a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        msg = (
            f"{source} is not valid JSON or YAML{where}. Fix the document or pull "
            "it again."
        )
        raise PipelineError(msg) from None


def _no_constant(name: str) -> object:
    """JSON has no NaN or Infinity; Python's parser accepts them unless told."""
    msg = f"{name} is not JSON"
    raise json.JSONDecodeError(msg, name, 0)


class _Loader(yaml.SafeLoader):
    """
    A safe YAML loader for specs: timestamps and dates stay the strings they are,
    and mapping keys are the strings they were written as (`200:` is the
    response code "200", as in JSON, not the integer 200).
    """

    def construct_mapping(
        self, node: yaml.MappingNode, deep: bool = False
    ) -> dict[object, object]:
        node.value = [(_as_string(key), value) for key, value in node.value]
        return super().construct_mapping(node, deep=deep)


def _as_string(key: yaml.Node) -> yaml.Node:
    if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
        return yaml.ScalarNode("tag:yaml.org,2002:str", key.value, key.start_mark)
    return key


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def spec_format(document: dict[str, Any], *, source: str) -> str:
    """
    Name the document's format: `swagger-2.0`, `openapi-3.0` or `openapi-3.1`.

    Raises:
        PipelineError: The document declares neither `swagger` nor `openapi`, or
            a version this pipeline does not handle.
    """
    swagger = document.get("swagger")
    openapi = document.get("openapi")
    if swagger is not None:
        if str(swagger) == "2.0":
            return "swagger-2.0"
        msg = f"{source} declares swagger {swagger!r}; only Swagger 2.0 is supported."
        raise PipelineError(msg)
    if isinstance(openapi, str):
        for version in ("3.0", "3.1"):
            if openapi == version or openapi.startswith(f"{version}."):
                return f"openapi-{version}"
        msg = f"{source} declares openapi {openapi!r}; only 3.0 and 3.1 are supported."
        raise PipelineError(msg)
    msg = (
        f"{source} has neither a 'swagger' nor an 'openapi' version field, so it is "
        "not an API spec. Check the source."
    )
    raise PipelineError(msg)
