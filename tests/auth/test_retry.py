"""Retries of idempotent requests; POST is never retried."""

from __future__ import annotations

import asyncio
import logging
import time

import bcc_api
import httpx
import pytest
from bcc_core_api.api.persons import create_persons, get_person
from servers.fake_core import Fault

from .conftest import new_person

pytestmark = pytest.mark.node

UID = "00000000-0000-4000-8000-000000000002"
FAST = bcc_api.RetryPolicy(attempts=6, backoff=0.01, max_backoff=0.05)


def test_a_503_storm_on_gets_is_absorbed(settings, fake_core, caplog):
    settings["retry"] = FAST
    fake_core.add_fault(Fault(method="GET", status=503, times=4))

    with (
        caplog.at_level(logging.WARNING, logger="bcc_api"),
        bcc_api.connect(**settings) as bcc,
    ):
        person = bcc.call(get_person, uid=UID)

    assert str(person.uid) == UID
    assert fake_core.count("GET", "/v2/persons/{uid}") == 5
    retries = [r.getMessage() for r in caplog.records if r.name == "bcc_api.retry"]
    assert len(retries) == 4
    assert all(f"GET /v2/persons/{UID} after HTTP 503" in m for m in retries)
    assert all(" s" in m.split(" in ")[-1] for m in retries)


def test_a_post_is_sent_exactly_once_in_a_503_storm(settings, fake_core):
    settings["retry"] = FAST
    settings["scopes"] = [bcc_api.Scope.PERSONS_WRITE]
    fake_core.add_fault(Fault(status=503, times=None))

    with (
        bcc_api.connect(**settings) as bcc,
        pytest.raises(bcc_api.ServerError) as caught,
    ):
        bcc.call(create_persons, body=new_person())

    assert caught.value.status == 503
    assert caught.value.method == "POST"
    assert fake_core.stats()["posts"] == 1


def test_a_post_is_sent_exactly_once_in_a_503_storm_async(settings, fake_core):
    settings["retry"] = FAST
    settings["scopes"] = [bcc_api.Scope.PERSONS_WRITE]
    fake_core.add_fault(Fault(status=503, times=None))

    async def run():
        async with bcc_api.connect_async(**settings) as bcc:
            with pytest.raises(bcc_api.ServerError):
                await bcc.call(create_persons, body=new_person())

    asyncio.run(run())

    assert fake_core.stats()["posts"] == 1


def test_retries_are_bounded_in_count(settings, fake_core):
    settings["retry"] = bcc_api.RetryPolicy(attempts=3, backoff=0.01)
    fake_core.add_fault(Fault(method="GET", status=502, times=None))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.ServerError):
        bcc.call(get_person, uid=UID)

    assert fake_core.count("GET", "/v2/persons/{uid}") == 3


def test_retries_are_bounded_in_time(settings, fake_core):
    settings["retry"] = bcc_api.RetryPolicy(attempts=50, total_timeout=0.5)
    fake_core.add_fault(
        Fault(
            method="GET", status=429, code="rate-limit", retry_after="0.2", times=None
        )
    )

    started = time.monotonic()
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.RateLimited):
        bcc.call(get_person, uid=UID)

    assert time.monotonic() - started < 2
    assert 2 <= fake_core.count("GET", "/v2/persons/{uid}") <= 4


def test_retry_after_is_honoured(settings, fake_core):
    settings["retry"] = FAST
    fake_core.add_fault(Fault(method="GET", status=429, retry_after="0.4"))

    started = time.monotonic()
    with bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=UID)

    assert time.monotonic() - started >= 0.4


def test_dropped_connections_are_retried_for_gets(settings, fake_core):
    settings["retry"] = FAST
    fake_core.add_fault(Fault(kind="drop", method="GET", times=2))

    with bcc_api.connect(**settings) as bcc:
        assert str(bcc.call(get_person, uid=UID).uid) == UID


def test_dropped_connections_are_retried_for_gets_async(settings, fake_core):
    settings["retry"] = FAST
    fake_core.add_fault(Fault(kind="drop", method="GET", times=2))

    async def run():
        async with bcc_api.connect_async(**settings) as bcc:
            return await bcc.call(get_person, uid=UID)

    assert str(asyncio.run(run()).uid) == UID


def test_retrying_can_be_switched_off_per_client(settings, fake_core):
    settings["retry"] = bcc_api.NO_RETRY
    fake_core.add_fault(Fault(method="GET", status=503, times=1))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.ServerError):
        bcc.call(get_person, uid=UID)


def test_retrying_can_be_changed_per_call(settings, fake_core):
    settings["retry"] = FAST
    fake_core.add_fault(Fault(method="GET", status=503, times=1))

    with bcc_api.connect(**settings) as bcc:
        with (
            bcc_api.retry_policy(bcc_api.NO_RETRY),
            pytest.raises(bcc_api.ServerError),
        ):
            bcc.call(get_person, uid=UID)
        fake_core.add_fault(Fault(method="GET", status=503, times=1))
        bcc.call(get_person, uid=UID)

    assert fake_core.count("GET", "/v2/persons/{uid}") == 3


def test_timeouts_are_on_and_apply(settings, fake_core):
    settings["retry"] = bcc_api.NO_RETRY
    settings["timeout"] = 0.3
    fake_core.add_fault(Fault(kind="delay", seconds=1.0, method="GET"))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NetworkTimeout) as e:
        bcc.call(get_person, uid=UID)

    assert isinstance(e.value, httpx.TimeoutException)  # as generated code documents
    assert isinstance(e.value.__cause__, httpx.ReadTimeout)
    assert "got no reply in time" in str(e.value)
    assert bcc_api.DEFAULT_TIMEOUT.read is not None


def test_the_retry_policy_documents_every_method_it_retries():
    doc = bcc_api.RetryPolicy.__doc__ or ""

    assert bcc_api.DEFAULT_RETRY.methods == {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
    for method in bcc_api.DEFAULT_RETRY.methods:
        assert method in doc
