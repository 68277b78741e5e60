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
    """
    The first token is renewed 1.5 s after it is fetched (half its lifetime);
    later ones live long.
    """
    token_server.configure(expires_in=3)
    settings["leeway"] = 2
    return 1.6


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
    """
    BUG-12: the one renewal fails once, then the endpoint works again. No
    deadlock, and either every waiting thread gets the same auth error, or the
    ones that came later succeed with one more token request.
    """
    settings["retry"] = bcc_api.NO_RETRY
    token_server.configure(
        delay_ms=300, fail_next=[{"status": 500, "body": {"error": "server_error"}}]
    )
    barrier = threading.Barrier(16)

    with bcc_api.connect(**settings) as bcc:

        def worker(_: int) -> str:
            barrier.wait(timeout=10)
            try:
                return str(bcc.call(get_person, uid=UID).uid)
            except bcc_api.AuthError as error:
                return str(error)

        with ThreadPoolExecutor(max_workers=16) as pool:
            futures = [pool.submit(worker, i) for i in range(16)]
            results = [future.result(timeout=30) for future in futures]

    errors = [result for result in results if result != UID]
    assert len(set(errors)) == 1
    assert "HTTP 500 (server_error)" in errors[0]
    assert token_server.count == (1 if len(errors) == 16 else 2)


def test_threads_waiting_on_a_hanging_token_endpoint_fail_together(
    hanging_settings, silent_token_server
):
    """
    The first thread's request times out; the five that waited behind it get
    its error at once instead of each asking and timing out in turn.
    """
    barrier = threading.Barrier(6)

    with bcc_api.connect(**hanging_settings) as bcc:

        def worker(_: int) -> tuple[str, float]:
            barrier.wait(timeout=10)
            started = time.monotonic()
            with pytest.raises(bcc_api.AuthError) as caught:
                bcc.call(get_person, uid=UID)
            return str(caught.value), time.monotonic() - started

        with ThreadPoolExecutor(max_workers=6) as pool:
            outcomes = list(pool.map(worker, range(6)))

    assert silent_token_server.connections == 1
    assert max(elapsed for _, elapsed in outcomes) < 1.5  # one timeout, not six
    assert len({message for message, _ in outcomes}) == 1


def test_tasks_waiting_on_a_hanging_token_endpoint_fail_together(
    hanging_settings, silent_token_server
):
    async def run() -> tuple[list[BaseException], float]:
        async with bcc_api.connect_async(**hanging_settings) as bcc:
            started = time.monotonic()
            outcomes = await asyncio.gather(
                *(bcc.call(get_person, uid=UID) for _ in range(6)),
                return_exceptions=True,
            )
            return outcomes, time.monotonic() - started

    outcomes, elapsed = asyncio.run(run())

    assert all(isinstance(outcome, bcc_api.AuthError) for outcome in outcomes)
    assert len({str(outcome) for outcome in outcomes}) == 1
    assert silent_token_server.connections == 1
    assert elapsed < 1.5


def test_a_failure_before_a_caller_started_waiting_is_not_handed_to_it(
    hanging_settings, silent_token_server
):
    """Only callers that waited on a failed request share its error."""
    with bcc_api.connect(**hanging_settings) as bcc:
        for _ in range(2):
            with pytest.raises(bcc_api.AuthError):
                bcc.call(get_person, uid=UID)

    assert silent_token_server.connections == 2
