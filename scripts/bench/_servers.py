"""
The local peers of the benchmarks and the soak, each on 127.0.0.1 only.

- the token server: `tests/servers/oauth2_server.mjs` (oauth2-mock-server) in a
  Node subprocess, with its control endpoints for expiry, delays and counts;
- the fake Core API (`tests/servers/fake_core.py`, through `bench._fake`),
  either in a subprocess, so that its CPU time does not compete with the client
  for one interpreter lock (benchmarks), or in this process, where its state
  can be inspected (soak).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import selectors
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import attrs
import bcc_api
import httpx

__all__ = [
    "AUDIENCE",
    "CLIENT_ID",
    "REPO_ROOT",
    "Peers",
    "SetupError",
    "TokenServer",
    "fake_core_process",
    "local_peers",
    "token_server",
    "tool_env",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVERS = REPO_ROOT / "tests" / "servers"
NODE_MODULES = REPO_ROOT / "tools" / "node" / "node_modules"
AUDIENCE = "api.bench.test"
CLIENT_ID = "bench-client"
START_TIMEOUT = 30.0
CONTROL_TIMEOUT = 10.0


def tool_env(**extra: str) -> dict[str, str]:
    """
    The environment for child interpreters and tools: this interpreter's
    scripts first on PATH, the pipeline and the test servers importable.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]])
    paths = [str(REPO_ROOT / "scripts"), str(SERVERS), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    return env | extra


class SetupError(RuntimeError):
    """A local server could not be started; the message says what is missing."""


@attrs.define(kw_only=True)
class TokenServer:
    """A running oauth2-mock-server launcher and its control endpoints."""

    url: str
    client_secret: str = attrs.field(repr=False)
    _http: httpx.Client = attrs.field(factory=lambda: httpx.Client(trust_env=False))

    @property
    def token_url(self) -> str:
        return f"{self.url}/oauth/token"

    def _control(
        self, path: str, body: dict[str, typing.Any] | None = None
    ) -> typing.Any:
        url = f"{self.url}/__control/{path}"
        if body is None:
            reply = self._http.get(url, timeout=CONTROL_TIMEOUT)
        else:
            reply = self._http.post(url, json=body, timeout=CONTROL_TIMEOUT)
        reply.raise_for_status()
        return reply.json()

    def count(self) -> int:
        """Token requests received since the last reset."""
        return int(self._control("requests")["count"])

    def configure(
        self, *, expires_in: int | None = None, delay_ms: int | None = None
    ) -> None:
        """Set the lifetime of later tokens and the delay of token replies."""
        body = {"expires_in": expires_in, "delay_ms": delay_ms}
        self._control("config", {k: v for k, v in body.items() if v is not None})

    def reset(self) -> None:
        """Forget the recorded requests and the configuration."""
        self._control("reset", {})

    def close(self) -> None:
        self._http.close()


def _first_line(process: subprocess.Popen[str], what: str) -> str:
    """The first line the server prints (its URL), or a SetupError."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=START_TIMEOUT)
    line = process.stdout.readline() if ready else ""
    if not line:
        code = process.poll()
        state = f"exited with {code}" if code is not None else "printed nothing"
        msg = f"The {what} did not start ({state} within {START_TIMEOUT:.0f} s)."
        raise SetupError(msg)
    return str(json.loads(line)["url"])


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
    if process.stdout is not None:
        process.stdout.close()


@contextlib.contextmanager
def token_server() -> Iterator[TokenServer]:
    """Start the oauth2-mock-server launcher with a fresh client secret."""
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "oauth2-mock-server").is_dir():
        msg = (
            "The token server needs node and the pinned Node tools; run "
            "`npm ci --prefix tools/node` (nox -s bench does it for you)."
        )
        raise SetupError(msg)
    client_secret = "bench-" + secrets.token_urlsafe(24)
    process = subprocess.Popen(
        [
            node,
            str(SERVERS / "oauth2_server.mjs"),
            "--port=0",
            f"--client-id={CLIENT_ID}",
            f"--client-secret={client_secret}",
            f"--audience={AUDIENCE}",
            f"--node-modules={NODE_MODULES}",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        server = TokenServer(
            url=_first_line(process, "token server"), client_secret=client_secret
        )
        try:
            yield server
        finally:
            server.close()
    finally:
        _stop(process)


@contextlib.contextmanager
def fake_core_process(*, persons: int) -> Iterator[str]:
    """Run the fake Core API in its own interpreter; yield its URL."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench._fake",
            f"--audience={AUDIENCE}",
            f"--persons={persons}",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=tool_env(),
    )
    try:
        yield _first_line(process, "fake Core API")
    finally:
        _stop(process)


@attrs.frozen(kw_only=True)
class Peers:
    """Where the token server and the API are, and how to connect to them."""

    tokens: TokenServer
    api_url: str

    def api_control(self, path: str, body: typing.Any) -> None:
        """POST to one of the fake API's control endpoints (`faults`, `reset`)."""
        with httpx.Client(trust_env=False) as http:
            reply = http.post(
                f"{self.api_url}/__control/{path}", json=body, timeout=CONTROL_TIMEOUT
            )
        reply.raise_for_status()

    @property
    def environment(self) -> bcc_api.Environment:
        return bcc_api.Environment(
            name="bench",
            token_url=self.tokens.token_url,
            api_url=self.api_url,
            audience=AUDIENCE,
        )

    def connect_kwargs(self, *scopes: bcc_api.Scope) -> dict[str, typing.Any]:
        """Keyword arguments of `bcc_api.connect()` for these peers."""
        return {
            "environment": self.environment,
            "client_id": CLIENT_ID,
            "client_secret": self.tokens.client_secret,
            "scopes": scopes or (bcc_api.Scope.PERSONS_READ,),
            "use_env": False,
        }

    def raw_token(self, *scopes: bcc_api.Scope) -> str:
        """A bearer token fetched without the package, for the raw baselines."""
        scope = " ".join(scopes or (bcc_api.Scope.PERSONS_READ,))
        with httpx.Client(trust_env=False) as http:
            reply = http.post(
                self.tokens.token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": CLIENT_ID,
                    "client_secret": self.tokens.client_secret,
                    "audience": AUDIENCE,
                    "scope": scope,
                },
                timeout=CONTROL_TIMEOUT,
            )
        reply.raise_for_status()
        return str(reply.json()["access_token"])


@contextlib.contextmanager
def local_peers(*, persons: int) -> Iterator[Peers]:
    """A token server and a fake Core API subprocess, both stopped on exit."""
    with token_server() as tokens, fake_core_process(persons=persons) as api_url:
        yield Peers(tokens=tokens, api_url=api_url)
