"""Fixtures for the bcc_api tests: settings pointing at the local servers."""

from __future__ import annotations

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
