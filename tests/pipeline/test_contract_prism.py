"""
Contract test: the generated Core client calls every read operation against
Prism, an independent mock server that validates each request against the
committed snapshot and answers with data generated from it.

Prism's generator cannot follow the reference cycles of the Core spec (Person
holds Affiliations that hold the Person, and so on): past a few levels it writes
empty objects that break the spec's own rules, and it logs that as a violation.
So Prism serves the snapshot with the properties that close a cycle removed.
Nothing else changes: every operation, parameter and schema is as committed, and
the test fails if Prism reports any request or response that breaks the spec.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import bcc_core_api.api
import pytest
from bcc_core_api import AuthenticatedClient
from bcc_core_api.scopes import OPERATION_SCOPES

from .conftest import NODE_MODULES, REPO_ROOT

UID = "0b0c3a52-64c9-4b5e-9a57-7ab9f6f3b2a1"


def _without_cycles(spec: dict) -> tuple[dict, list[str]]:
    """Remove each property whose reference closes a cycle; name the removed ones."""
    definitions = spec["definitions"]
    removed: list[str] = []
    finished: set[str] = set()

    def targets(schema: dict) -> Iterator[str]:
        for part in (schema, schema.get("items", {}), *schema.get("allOf", [])):
            ref = part.get("$ref", "")
            if ref.startswith("#/definitions/"):
                yield ref.removeprefix("#/definitions/")

    def visit(name: str, stack: list[str]) -> None:
        stack.append(name)
        properties = definitions[name].get("properties", {})
        for prop, schema in list(properties.items()):
            for target in targets(schema):
                if target in stack:
                    del properties[prop]
                    removed.append(f"{name}.{prop}")
                elif target not in finished:
                    visit(target, stack)
        stack.pop()
        finished.add(name)

    for name in sorted(definitions):
        if name not in finished:
            visit(name, [])
    return spec, removed


@pytest.fixture(scope="module")
def prism(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    if not NODE_MODULES.is_dir():
        pytest.fail("Node tools missing: run `npm ci --prefix tools/node` (nox does).")
    snapshot = json.loads((REPO_ROOT / "spec" / "core" / "swagger.json").read_text())
    served, removed = _without_cycles(snapshot)
    assert removed, "the Core spec has reference cycles; the cut should find them"
    folder = tmp_path_factory.mktemp("prism")
    spec_path = folder / "core.json"
    spec_path.write_text(json.dumps(served))
    log_path = folder / "prism.log"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                str(NODE_MODULES / ".bin" / "prism"),
                "mock",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                str(spec_path),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_listening(log_path, process)
        yield f"http://127.0.0.1:{port}", log_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_listening(log_path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if "Prism is listening" in log_path.read_text():
            return
        if process.poll() is not None:
            pytest.fail(f"Prism exited: {log_path.read_text()[-2000:]}")
        time.sleep(0.2)
    pytest.fail("Prism did not start within 60 s")


def _read_operations() -> list[ModuleType]:
    modules = []
    for info in pkgutil.walk_packages(bcc_core_api.api.__path__, "bcc_core_api.api."):
        module = importlib.import_module(info.name)
        if info.ispkg:
            continue
        takes_body = "body" in inspect.signature(module._get_kwargs).parameters
        if not takes_body:
            kwargs = module._get_kwargs(
                **{name: UID for name in _path_parameters(module)}
            )
            if kwargs["method"] == "get":
                modules.append(module)
    return modules


def _path_parameters(module: ModuleType) -> list[str]:
    signature = inspect.signature(module.sync_detailed)
    return [
        name
        for name, p in signature.parameters.items()
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]


READS = _read_operations()


def test_the_core_client_has_every_read_operation():
    reads_in_spec = [key for key in OPERATION_SCOPES if key[0] == "GET"]

    assert len(READS) == len(reads_in_spec) == 21


@pytest.mark.parametrize("operation", READS, ids=lambda m: m.__name__.rsplit(".")[-1])
def test_every_read_operation_round_trips_through_prism(prism, operation):
    base_url, _ = prism
    client = AuthenticatedClient(base_url=base_url, token="contract-test-token")
    arguments = {name: UID for name in _path_parameters(operation)}

    with client:
        response = operation.sync_detailed(**arguments, client=client)

    assert response.status_code == 200, response.content[:500]
    assert response.parsed is not None
    assert type(response.parsed).__name__.startswith("Wrapped")
    data = response.parsed.data
    assert data is not None
    if isinstance(data, list):
        assert all(
            type(item).__module__.startswith("bcc_core_api.models") for item in data
        )


def test_prism_saw_no_request_or_response_break_the_spec(prism):
    _, log_path = prism
    for operation in READS:
        client = AuthenticatedClient(base_url=prism[0], token="contract-test-token")
        with client:
            operation.sync_detailed(
                **{n: UID for n in _path_parameters(operation)}, client=client
            )

    violations = [
        line
        for line in log_path.read_text().splitlines()
        if re.search(r"Violation|\berror\b", line)
    ]
    assert violations == []
