"""Checks a spec must pass before anything is generated from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bcc_regen.errors import PipelineError

__all__ = ["ValidationProcess", "check_references", "validate_spec"]


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
    if ref == "#":
        msg = (
            f"{source} has a reference to the whole document ('#'), which is not "
            "a schema. Fix the spec or correct it with the API's overlay."
        )
        raise PipelineError(msg)
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
    # Imported here: the validator takes a quarter of a second to import, and
    # the pipeline's main process mostly leaves validation to ValidationProcess.
    from openapi_spec_validator import validate  # noqa: PLC0415
    from openapi_spec_validator.validation.exceptions import (  # noqa: PLC0415
        OpenAPIValidationError,
    )

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


class ValidationProcess:
    """
    `validate_spec` in a process of its own, so it runs on another core while
    the generator works; `wait()` raises its `PipelineError`, if any.
    """

    def __init__(self, document: dict[str, Any], *, folder: Path, source: str):
        path = folder / f"validate-{id(self)}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        scripts = str(Path(__file__).resolve().parents[1])
        paths = [scripts, os.environ.get("PYTHONPATH", "")]
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bcc_regen.validate", str(path), source],
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait(self) -> None:
        _, message = self._process.communicate()
        if self._process.returncode != 0:
            raise PipelineError(message.strip() or "The spec validator crashed.")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


def _main(path: str, source: str) -> int:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        validate_spec(document, source=source)
    except PipelineError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:3]))
