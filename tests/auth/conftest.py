"""Fixtures for the bcc_api tests: settings pointing at the local servers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import bcc_api
import pytest
from bcc_core_api.models import Gender, MaritalStatus, PersonWrite
from conftest import (
    TEST_AUDIENCE,
    TEST_CLIENT_ID,
    TEST_CLIENT_SECRET,
    TokenServer,
)
from servers.fake_core import FakeCore


def new_person(**fields: Any) -> PersonWrite:
    """A complete body for creating a person."""
    return PersonWrite(
        first_name="Ada",
        last_name="Lovelace",
        display_name="Ada Lovelace",
        gender=Gender.FEMALE,
        marital_status=MaritalStatus.SINGLE,
        **fields,
    )


BCC_VARIABLES = (
    "BCC_ENVIRONMENT",
    "BCC_CLIENT_ID",
    "BCC_CLIENT_SECRET",
    "BCC_TOKEN_URL",
    "BCC_API_URL",
    "BCC_AUDIENCE",
)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No BCC_* variables from the outside, and no token left from another test."""
    for name in BCC_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    bcc_api.clear_token_cache()
    yield
    bcc_api.clear_token_cache()


@pytest.fixture
def local_env(token_server: TokenServer, fake_core: FakeCore) -> bcc_api.Environment:
    return bcc_api.Environment(
        name="local",
        token_url=token_server.token_url,
        api_url=fake_core.url,
        audience=TEST_AUDIENCE,
    )


@pytest.fixture
def settings(local_env: bcc_api.Environment) -> dict[str, Any]:
    """Keyword arguments for connect()/connect_async() against the local servers."""
    return {
        "environment": local_env,
        "client_id": TEST_CLIENT_ID,
        "client_secret": TEST_CLIENT_SECRET,
        "scopes": [bcc_api.Scope.PERSONS_NAME_READ],
        "use_env": False,
        "retry": bcc_api.RetryPolicy(backoff=0.01, max_backoff=0.05),
    }


class SilentServer:
    """
    A TCP server on 127.0.0.1 that accepts connections and never answers: a
    token endpoint that hangs. It counts the connections it accepted.
    """

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.connections = 0

    @property
    def token_url(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}/oauth/token"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
                self._held.append(connection)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        with self._lock:
            for connection in self._held:
                connection.close()
        self._socket.close()


@pytest.fixture
def silent_token_server() -> Iterator[SilentServer]:
    with SilentServer() as server:
        yield server


@pytest.fixture
def hanging_settings(
    settings: dict[str, Any], silent_token_server: SilentServer, fake_core: FakeCore
) -> dict[str, Any]:
    """`settings` with a token endpoint that never answers, 0.5 s timeout, no retry."""
    settings["environment"] = bcc_api.Environment(
        name="local",
        token_url=silent_token_server.token_url,
        api_url=fake_core.url,
        audience=TEST_AUDIENCE,
    )
    settings["timeout"] = 0.5
    settings["retry"] = bcc_api.NO_RETRY
    return settings
