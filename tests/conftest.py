"""Fixtures that start local servers: an OAuth2 token server and a fake Core API."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers.fake_core import FakeCore

REPO_ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO_ROOT / "tools" / "node" / "node_modules"
TOKEN_LAUNCHER = REPO_ROOT / "tests" / "servers" / "oauth2_server.mjs"

TEST_CLIENT_ID = "bcc-test-client"
# A fresh secret per run, so a search of captured logs for it means something.
TEST_CLIENT_SECRET = "s3cret-" + secrets.token_urlsafe(24)
TEST_AUDIENCE = "api.bcc.test"


class TokenServer:
    """A running oauth2-mock-server (through the launcher) and its controls."""

    def __init__(self, url: str, process: subprocess.Popen[str]) -> None:
        self.url = url
        self.token_url = f"{url}/oauth/token"
        self.process = process

    def _control(self, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 -- loopback http only
            f"{self.url}/__control/{path}",
            data=data,
            method="GET" if data is None else "POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as reply:  # noqa: S310
            return json.loads(reply.read())

    def requests(self) -> list[dict[str, Any]]:
        """Every token request so far: grant_type, audience, scope, ..."""
        return list(self._control("requests")["requests"])

    @property
    def count(self) -> int:
        return int(self._control("requests")["count"])

    def configure(
        self,
        *,
        expires_in: int | None = None,
        delay_ms: int | None = None,
        fail_next: list[dict[str, Any]] | None = None,
    ) -> None:
        body = {"expires_in": expires_in, "delay_ms": delay_ms, "fail_next": fail_next}
        self._control("config", {k: v for k, v in body.items() if v is not None})

    def reset(self) -> None:
        self._control("reset", {})


@pytest.fixture(scope="session")
def token_server_process() -> Iterator[TokenServer]:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "oauth2-mock-server").is_dir():
        pytest.skip("node and tools/node/node_modules (npm ci) are needed")
    process = subprocess.Popen(
        [
            node,
            str(TOKEN_LAUNCHER),
            "--port=0",
            f"--client-id={TEST_CLIENT_ID}",
            f"--client-secret={TEST_CLIENT_SECRET}",
            f"--audience={TEST_AUDIENCE}",
            f"--node-modules={NODE_MODULES}",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"the token server did not start (exit {process.wait(5)})")
        yield TokenServer(json.loads(line)["url"], process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def token_server(token_server_process: TokenServer) -> TokenServer:
    """The session's token server, with its record and settings cleared."""
    token_server_process.reset()
    return token_server_process


@pytest.fixture
def fake_core() -> Iterator[FakeCore]:
    """A fake Core API with 1,000 persons, accepting tokens for TEST_AUDIENCE."""
    with FakeCore(audience=TEST_AUDIENCE, persons=1000) as server:
        yield server
