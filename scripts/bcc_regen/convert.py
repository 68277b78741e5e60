"""
Bring any supported spec to OpenAPI 3, plus the fixes every API gets.

Swagger 2.0 goes through swagger2openapi, the converter most of the OpenAPI world
uses, pinned in `tools/node/package-lock.json`; OpenAPI 3.0 and 3.1 pass through.
Then come the normalisations below. They are generic, unlike an API's overlay: each
repairs a shape that conversion or Go servers produce in any API.
"""

from __future__ import annotations

import copy
import json
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bcc_regen.documents import spec_format
from bcc_regen.errors import PipelineError
from bcc_regen.paths import node_tool

__all__ = ["Conversion", "normalise", "to_openapi3"]

_CONVERTER_TIMEOUT = 120


def to_openapi3(
    document: dict[str, Any], *, source: str = "the spec"
) -> dict[str, Any]:
    """Return `document` as normalised OpenAPI 3, converting Swagger 2.0 first."""
    with Conversion(document, source=source) as conversion:
        return conversion.result()


class Conversion:
    """
    A conversion running in the background: swagger2openapi is a Node process,
    so the pipeline validates the input spec while it works.

    Use it as a context manager; leaving the block stops an unfinished converter.
    """

    def __init__(self, document: dict[str, Any], *, source: str) -> None:
        self._source = source
        self._process: subprocess.Popen[str] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        if spec_format(document, source=source) != "swagger-2.0":
            self._converted: dict[str, Any] | None = copy.deepcopy(document)
            return

        self._converted = None
        converter = node_tool("swagger2openapi")
        self._folder = tempfile.TemporaryDirectory(prefix="bcc-convert-")
        given = Path(self._folder.name, "swagger.json")
        given.write_text(json.dumps(document), encoding="utf-8")
        self._result = Path(self._folder.name, "openapi.json")
        self._process = subprocess.Popen(
            [
                str(converter),
                *("--warnOnly", str(given), "--outfile", str(self._result)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def __enter__(self) -> Conversion:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        if self._folder is not None:
            self._folder.cleanup()

    def result(self) -> dict[str, Any]:
        """Wait for the converter; return the normalised OpenAPI 3 document."""
        if self._converted is None:
            self._converted = self._wait()
        normalise(self._converted)
        return self._converted

    def _wait(self) -> dict[str, Any]:
        assert self._process is not None
        try:
            out, err = self._process.communicate(timeout=_CONVERTER_TIMEOUT)
        except subprocess.TimeoutExpired:
            msg = f"swagger2openapi took over {_CONVERTER_TIMEOUT}s on {self._source}."
            raise PipelineError(msg) from None

        if self._process.returncode < 0:
            msg = (
                f"swagger2openapi was stopped by signal {-self._process.returncode} "
                f"while converting {self._source}. Run again."
            )
            raise PipelineError(msg)
        if self._process.returncode != 0 or not self._result.exists():
            msg = (
                f"swagger2openapi could not convert {self._source}: "
                f"{_first_line(err or out)}. Fix the spec, or correct it with the "
                "API's overlay."
            )
            raise PipelineError(msg)
        converted: dict[str, Any] = json.loads(self._result.read_text("utf-8"))
        return converted


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no output"


def normalise(document: dict[str, Any]) -> None:
    """
    Apply the generic normalisations, in place.

    1. A response or request body whose only media type is `*/*` is declared as
       `application/json`. swagger2openapi writes `*/*` for operations without
       `produces`, and openapi-python-client drops the typed body of such
       responses. Every BCC API speaks JSON.
    2. Date and date-time properties are never required. Go servers send `""`,
       `null` or the zero time for unknown dates, so a present key says nothing;
       the generated models read an empty value as absent.
    """
    for content in _bodies(document):
        if list(content) == ["*/*"]:
            content["application/json"] = content.pop("*/*")

    for schema in _schemas(document):
        required = schema.get("required")
        properties = schema.get("properties")
        if not isinstance(required, list) or not isinstance(properties, dict):
            continue
        kept = [name for name in required if not _is_date(properties.get(name))]
        if kept:
            schema["required"] = kept
        else:
            del schema["required"]


def _is_date(schema: object) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("format") in {"date", "date-time"}:
        return True
    variants = schema.get("anyOf") or schema.get("oneOf") or []
    return any(_is_date(variant) for variant in variants)


def _bodies(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    components = document.get("components", {})
    holders: list[object] = list(components.get("responses", {}).values())
    holders += components.get("requestBodies", {}).values()
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict):
                holders.append(operation.get("requestBody"))
                holders += (operation.get("responses") or {}).values()
    for holder in holders:
        if isinstance(holder, dict) and isinstance(holder.get("content"), dict):
            yield holder["content"]


def _schemas(node: object) -> Iterator[dict[str, Any]]:
    """Every object with `properties`, anywhere in the document."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node
        for value in node.values():
            yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)
