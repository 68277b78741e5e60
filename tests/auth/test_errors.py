"""API error bodies become typed exceptions; a rejected token is renewed once."""

from __future__ import annotations

import asyncio
import threading
import time

import bcc_api
import httpx
import pytest
from bcc_core_api.api.persons import create_persons, find_persons, get_person
from bcc_core_api.models import ErrorData
from servers.fake_core import Fault

from .conftest import new_person

pytestmark = pytest.mark.node

MISSING = "00000000-0000-4000-8000-0000000fffff"
UID = "00000000-0000-4000-8000-000000000001"


def test_not_found_carries_everything_needed_to_report_it(settings, fake_core):
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NotFound) as caught:
        bcc.call(get_person, uid=MISSING)

    error = caught.value
    assert isinstance(error, LookupError)
    assert (error.code, error.status, error.method) == ("not-found", 404, "GET")
    assert error.path == f"/v2/persons/{MISSING}"
    assert error.message == f"person {MISSING} not found"
    assert error.request_id is not None
    assert error.request_id.startswith("req-")
    assert error.request_id in str(error)
    assert error.response is not None
    assert error.response.status_code == 404


def test_generated_functions_raise_too(settings, fake_core):
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NotFound):
        get_person.sync(client=bcc, uid=MISSING)


def test_missing_scopes_names_needed_and_held_scopes(settings, fake_core):
    settings["scopes"] = [bcc_api.Scope.PERSONS_NAME_READ]

    with (
        bcc_api.connect(**settings) as bcc,
        pytest.raises(bcc_api.MissingScopes) as caught,
    ):
        bcc.call(create_persons, body=new_person())

    error = caught.value
    assert error.status == 403
    assert error.required_scopes == ("persons#write",)
    assert error.token_scopes == ("persons.name#read",)
    assert "persons#write" in str(error)
    assert "The token holds: persons.name#read" in str(error)


def test_invalid_query_is_raised_for_a_bad_filter(settings, fake_core):
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.InvalidQuery) as e:
        list(bcc.iterate(find_persons, filter={"email": {"_eq": "x"}}))

    assert isinstance(e.value, bcc_api.BadRequest)
    assert "email" in e.value.message


def test_a_duplicate_is_a_conflict(settings, fake_core):
    settings["scopes"] = [bcc_api.Scope.PERSONS_WRITE]
    body = new_person(email="ada@example.invalid")

    with bcc_api.connect(**settings) as bcc:
        bcc.call(create_persons, body=body)
        with pytest.raises(bcc_api.Conflict, match="duplicate-unique-key"):
            bcc.call(create_persons, body=body)


def test_unknown_codes_map_by_status(settings, fake_core):
    fake_core.add_fault(Fault(status=418, code="teapot", times=1))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.ApiError) as caught:
        bcc.call(get_person, uid=UID)

    assert type(caught.value) is bcc_api.ApiError
    assert caught.value.code == "teapot"


def test_raw_responses_stay_reachable_when_raising_is_off(settings, fake_core):
    with bcc_api.connect(**settings, raise_on_error=False) as bcc:
        response = get_person.sync_detailed(client=bcc, uid=MISSING)

    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorData) or response.parsed is None
    assert b"not-found" in response.content


def test_an_invalid_token_is_renewed_once_and_the_request_retried(
    settings, token_server, fake_core
):
    with bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=UID)
        fake_core.revoke_seen_tokens()

        person = bcc.call(get_person, uid=UID)

    assert str(person.uid) == UID
    assert token_server.count == 2
    assert fake_core.count("GET", "/v2/persons/{uid}") == 3


def test_a_token_rejected_twice_is_an_error_not_a_loop(
    settings, token_server, fake_core
):
    fake_core.add_fault(Fault(kind="invalid_token", times=None))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.InvalidToken):
        bcc.call(get_person, uid=UID)

    assert token_server.count == 2
    assert fake_core.count("GET", "/v2/persons/{uid}") == 2


def test_an_invalid_token_is_renewed_once_async(settings, token_server, fake_core):
    async def run():
        async with bcc_api.connect_async(**settings) as bcc:
            await bcc.call(get_person, uid=UID)
            fake_core.revoke_seen_tokens()
            await bcc.call(get_person, uid=UID)
            fake_core.add_fault(Fault(kind="invalid_token", times=None))
            with pytest.raises(bcc_api.InvalidToken):
                await bcc.call(get_person, uid=UID)

    asyncio.run(run())

    assert token_server.count == 3
    assert fake_core.count("GET", "/v2/persons/{uid}") == 5


def test_a_plain_unauthorized_is_not_retried(settings, token_server, fake_core):
    fake_core.add_fault(Fault(status=401, code="unauthorized", times=1))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.Unauthorized):
        bcc.call(get_person, uid=UID)

    assert token_server.count == 1
    assert fake_core.count("GET", "/v2/persons/{uid}") == 1


def test_the_exception_tree_subclasses_sensible_builtins():
    assert issubclass(bcc_api.ConfigurationError, ValueError)
    assert issubclass(bcc_api.NotFound, LookupError)
    assert issubclass(bcc_api.InvalidToken, bcc_api.Unauthorized)
    assert issubclass(bcc_api.InvalidKeyReference, bcc_api.InvalidBody)
    for name in bcc_api.__all__:
        obj = getattr(bcc_api, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, bcc_api.BccApiError)


def test_a_stale_cached_token_after_a_second_revocation_is_renewed_again(
    settings, token_server, fake_core
):
    """
    A slow request holds token A; meanwhile A is revoked, another request renews
    to B, and B is revoked too. The slow request is refused with A, is handed the
    cached B (already revoked), and must fetch once more instead of failing.
    """
    slow_uid = UID.replace("0001", "0002")
    fake_core.add_fault(
        Fault(kind="delay", seconds=0.6, path=f"/v2/persons/{slow_uid}")
    )
    outcome = {}

    with bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=UID)
        slow = threading.Thread(
            target=lambda: outcome.update(p=bcc.call(get_person, uid=slow_uid))
        )
        slow.start()
        time.sleep(0.2)
        fake_core.revoke_seen_tokens()  # A
        bcc.call(get_person, uid=UID)  # refused, renewed to B
        fake_core.revoke_seen_tokens()  # B
        slow.join()

    assert str(outcome["p"].uid) == slow_uid
    assert token_server.count == 3


def test_a_dropped_post_is_a_network_error_that_says_it_was_not_retried(
    settings, fake_core
):
    settings["scopes"] = [bcc_api.Scope.PERSONS_WRITE]
    fake_core.add_fault(Fault(kind="drop", method="POST"))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NetworkError) as e:
        bcc.call(create_persons, body=new_person())

    assert fake_core.count("POST", "/v2/persons") == 1
    assert "POST /v2/persons lost its connection" in str(e.value)
    assert "never retried" in str(e.value)
    assert isinstance(e.value, httpx.TransportError)
    assert (e.value.method, e.value.path) == ("POST", "/v2/persons")


def test_gets_that_keep_failing_to_connect_end_in_a_network_error(settings, fake_core):
    settings["retry"] = bcc_api.RetryPolicy(attempts=2, backoff=0.01)
    fake_core.add_fault(Fault(kind="drop", method="GET", times=None))

    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NetworkError) as e:
        bcc.call(get_person, uid=UID)

    assert fake_core.count("GET", "/v2/persons/{uid}") == 2
    assert "retried as the retry policy allows" in str(e.value)


def test_an_api_error_keeps_no_token_in_its_request(settings, fake_core):
    with bcc_api.connect(**settings) as bcc, pytest.raises(bcc_api.NotFound) as e:
        bcc.call(get_person, uid=UID.replace("0001", "ffff"))

    assert e.value.response is not None
    assert e.value.response.request.headers["Authorization"] == "Bearer [redacted]"
