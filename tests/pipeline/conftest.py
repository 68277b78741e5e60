"""Fixtures for the pipeline tests: a scratch workspace and a real explorer."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from bcc_regen.__main__ import main

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_SPEC = REPO_ROOT.parent / "shared" / "specs" / "core-api.swagger.json"
NODE_MODULES = REPO_ROOT / "tools" / "node" / "node_modules"
FIXTURE_API = REPO_ROOT / "tests" / "fixtures" / "fixture-api.yaml"

FIXTURE_CONFIG = """
[apis.fixture]
name = "Fixture documentation"
title = "BCC Fixture API"
package = "bcc_fixture_api"
"""


def needs_shared_spec() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip(f"the real Core API spec is not at {SHARED_SPEC}")


def tree_digest(*roots: Path) -> str:
    """One hash over every file's path and bytes below `roots`."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@attrs.define
class Workspace:
    """A scratch copy of spec/ and generated/, driven through the command line."""

    root: Path

    @property
    def spec(self) -> Path:
        return self.root / "spec"

    @property
    def generated(self) -> Path:
        return self.root / "generated"

    def digest(self) -> str:
        return tree_digest(self.spec, self.generated)

    def add_fixture_api(self, snapshot: Path | None = FIXTURE_API) -> None:
        with (self.spec / "apis.toml").open("a") as config:
            config.write(FIXTURE_CONFIG)
        (self.spec / "fixture").mkdir()
        if snapshot is not None:
            shutil.copy(snapshot, self.spec / "fixture" / "openapi.yaml")

    def run(self, *args: str, capsys: pytest.CaptureFixture[str]) -> Result:
        command, *rest = args
        if command == "regenerate":
            rest += ["--config", str(self.spec / "apis.toml")]
            rest += ["--generated", str(self.generated)]
        capsys.readouterr()
        code = main([command, *rest])
        out, err = capsys.readouterr()
        return Result(code=code, out=out, err=err)

    def python(self, code: str) -> str:
        """Run `code` in a fresh interpreter that imports from this workspace."""
        env = {**os.environ, "PYTHONPATH": str(self.generated)}
        completed = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )
        assert completed.returncode == 0, completed.stderr
        return completed.stdout


@attrs.frozen
class Result:
    code: int
    out: str
    err: str

    @property
    def error(self) -> str:
        """The error line, checked to be the only one."""
        lines = [line for line in self.err.splitlines() if line.startswith("error:")]
        assert len(lines) == 1, self.err
        return lines[0]


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """spec/ as committed (Core only) and generated/ as committed."""
    root = tmp_path / "repo"
    shutil.copytree(
        REPO_ROOT / "spec", root / "spec", ignore=shutil.ignore_patterns(".regen-*")
    )
    shutil.copytree(REPO_ROOT / "generated", root / "generated")
    return Workspace(root)


@pytest.fixture(scope="session")
def explorer() -> Iterator[str]:
    """
    A real swagger-ui-express explorer on 127.0.0.1 listing the Core API (the
    real published spec) and the fixture API; yields its origin.
    """
    needs_shared_spec()
    with node_server(
        REPO_ROOT / "tests" / "servers" / "explorer.js",
        str(SHARED_SPEC),
        str(FIXTURE_API),
    ) as port:
        yield f"http://127.0.0.1:{port}"


def node_server(script: Path, *args: str) -> _NodeServer:
    if not NODE_MODULES.is_dir():
        pytest.fail("Node tools missing: run `npm ci --prefix tools/node` (nox does).")
    return _NodeServer(script, args)


class _NodeServer:
    """Start a Node server script that prints `listening <port>`; stop it after."""

    def __init__(self, script: Path, args: tuple[str, ...]) -> None:
        self._command = ["node", str(script), *args]
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> int:
        env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
        self._process = subprocess.Popen(
            self._command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()  # the server says when it is ready
        match = re.match(r"listening (\d+)", line)
        if match is None:
            self.__exit__()
            pytest.fail(f"{self._command[1]} did not start: {line}")
        return int(match[1])

    def __exit__(self, *exc_info: object) -> None:
        assert self._process is not None
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
