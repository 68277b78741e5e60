"""Single-flight token fetching: many threads or tasks, one token request."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import bcc_api
import pytest
from bcc_core_api.api.persons import get_person

pytestmark = pytest.mark.node

UID = "00000000-0000-4000-8000-000000000007"
WORKERS = 64


def short_lived(token_server, settings):
    """The first token is renewed 1 s after it is fetched; later ones live long."""
    token_server.configure(expires_in=4)
    settings["leeway"] = 3
    return 1.1


def slow_long_lived(token_server):
    """Later tokens live an hour, and each token reply takes 200 ms."""
    token_server.configure(expires_in=3600, delay_ms=200)


def test_threads_at_token_expiry_cause_one_token_request(token_server, settings):
    wait = short_lived(token_server, settings)
    with bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=UID)
        first = bcc.session.current_token()
        time.sleep(wait)
        slow_long_lived(token_server)
        barrier = threading.Barrier(WORKERS)

        def worker(_: int) -> str:
            barrier.wait(timeout=10)
            return str(bcc.call(get_person, uid=UID).uid)

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(worker, range(WORKERS)))

        assert bcc.session.current_token() is not first
    assert results == [UID] * WORKERS
    assert token_server.count == 2  # the first token, then exactly one renewal


def test_tasks_at_token_expiry_cause_one_token_request(token_server, settings):
    wait = short_lived(token_server, settings)

    async def run() -> list[str]:
        async with bcc_api.connect_async(**settings) as bcc:
            await bcc.call(get_person, uid=UID)
            await asyncio.sleep(wait)
            slow_long_lived(token_server)
            people = await asyncio.gather(
                *(bcc.call(get_person, uid=UID) for _ in range(WORKERS))
            )
            return [str(person.uid) for person in people]

    assert asyncio.run(run()) == [UID] * WORKERS
    assert token_server.count == 2


def test_clients_built_per_call_in_threads_share_one_token(token_server, settings):
    """BUG-12, per-call construction: a new client per call still shares."""
    token_server.configure(delay_ms=200)
    barrier = threading.Barrier(32)

    def worker(_: int) -> str:
        barrier.wait(timeout=10)
        with bcc_api.connect(**settings) as bcc:
            return str(bcc.call(get_person, uid=UID).uid)

    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(worker, range(32)))

    assert results == [UID] * 32
    assert token_server.count == 1


def test_a_failed_fetch_does_not_strand_the_waiting_threads(token_server, settings):
    settings["retry"] = bcc_api.NO_RETRY
    token_server.configure(
        delay_ms=100, fail_next=[{"status": 500, "body": {"error": "server_error"}}]
    )
    barrier = threading.Barrier(16)

    with bcc_api.connect(**settings) as bcc:

        def worker(_: int) -> str:
            barrier.wait(timeout=10)
            try:
                return str(bcc.call(get_person, uid=UID).uid)
            except bcc_api.AuthError:
                return "auth error"

        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(worker, range(16)))

    assert results.count("auth error") == 1
    assert results.count(UID) == 15
    assert token_server.count == 2
