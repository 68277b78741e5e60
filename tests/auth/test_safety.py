"""Secrets stay out of logs, reprs, messages and tracebacks; one HTTP stack."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
import traceback

import bcc_api
import pytest
from bcc_core_api.api.persons import find_persons, get_person
from conftest import TEST_CLIENT_SECRET
from servers.fake_core import Fault

pytestmark = pytest.mark.node

UID = "00000000-0000-4000-8000-000000000003"


@pytest.fixture
def everything_logged():
    """Capture every record of every logger at DEBUG, whatever propagates."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Keep(level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    loggers = [root] + [
        logging.getLogger(name) for name in ("httpx", "httpcore", "authlib", "bcc_api")
    ]
    saved = [(lg, lg.level) for lg in loggers]
    root.addHandler(handler)
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        root.removeHandler(handler)
        for lg, level in saved:
            lg.setLevel(level)


def test_no_secret_or_token_in_any_log_of_a_full_run(
    settings, token_server, fake_core, everything_logged
):
    token_server.configure(expires_in=3)  # renewed after half of it, 1.5 s
    settings["leeway"] = 2
    settings["retry"] = bcc_api.RetryPolicy(backoff=0.01)
    fake_core.add_fault(Fault(method="GET", status=503, times=1))
    seen_tokens = []

    with bcc_api.connect(**settings) as bcc:
        list(bcc.iterate(find_persons, page_size=400))
        seen_tokens.append(bcc.session.current_token().value)
        time.sleep(1.6)
        bcc.call(get_person, uid=UID)
        seen_tokens.append(bcc.session.current_token().value)
        fake_core.revoke_seen_tokens()
        bcc.call(get_person, uid=UID)
        seen_tokens.append(bcc.session.current_token().value)
        with pytest.raises(bcc_api.NotFound):
            bcc.call(get_person, uid="nope")

    async def run_async():
        async with bcc_api.connect_async(**settings) as bcc:
            await bcc.call(get_person, uid=UID)

    asyncio.run(run_async())
    settings["client_secret"] = TEST_CLIENT_SECRET + "-wrong"
    bcc_api.clear_token_cache()
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.AuthError):
        bcc.call(get_person, uid=UID)

    text = "\n".join(everything_logged)
    assert token_server.count >= 4
    assert "httpcore" in text  # DEBUG records of the lower layers were captured
    assert "obtained an access token" in text
    assert TEST_CLIENT_SECRET not in text
    for token in seen_tokens:
        assert token not in text
        assert token.split(".")[2] not in text  # not even the signature part


def test_reprs_hide_the_secret_and_the_token(settings, token_server, fake_core):
    with bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=UID)
        token = bcc.session.current_token()
        shown = [
            repr(bcc),
            repr(bcc.session),
            repr(bcc.session.token),
            str(bcc.session.token),
            repr(token),
            repr(bcc.session.config),
            repr(bcc.session.headers),
        ]

    for text in shown:
        assert TEST_CLIENT_SECRET not in text
        assert token.value not in text


def test_messages_and_tracebacks_hide_the_secret(settings, token_server, fake_core):
    settings["client_secret"] = TEST_CLIENT_SECRET + "-wrong"
    token_server.configure(
        fail_next=[
            {
                "status": 400,
                "body": {
                    "error": "invalid_request",
                    "error_description": f"bad {settings['client_secret']}",
                },
            }
        ]
    )

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.AuthError) as e:
        bcc.call(get_person, uid=UID)

    text = "".join(traceback.format_exception(e.value))
    assert "[redacted]" in str(e.value)
    assert TEST_CLIENT_SECRET not in text


def test_importing_the_package_raises_no_warning_and_uses_httpx():
    code = (
        "import sys, bcc_api, httpx\n"
        "assert 'authlib.integrations.httpx_client' not in sys.modules\n"
        "assert 'httpx2' not in sys.modules\n"
        "from bcc_api._session import SyncSession, AsyncSession\n"
        "assert issubclass(SyncSession, httpx.Client)\n"
        "assert issubclass(AsyncSession, httpx.AsyncClient)\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
