"""The fake Core API itself: scopes per field, paging, faults, CLI, speed."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from servers.fake_core import FakeCore, person

FAKE_CORE = Path(__file__).resolve().parents[1] / "servers" / "fake_core.py"


def bearer(scope: str, audience: str = "api.test", exp: float | None = None) -> dict:
    claims = {"aud": audience, "scope": scope, "exp": exp or time.time() + 60}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode()
    return {"Authorization": f"Bearer h.{payload.rstrip('=')}.s"}


@pytest.fixture
def core():
    with FakeCore(audience="api.test", persons=100_000) as server:
        yield server


def test_fields_follow_the_token_scopes(core):
    url = f"{core.url}/v2/persons/{person(3)['uid']}"

    names = httpx.get(url, headers=bearer("persons.name#read")).json()["data"]
    everything = httpx.get(url, headers=bearer("persons#read")).json()["data"]
    email = httpx.get(url, headers=bearer("persons.email#read")).json()["data"]

    assert set(names) == {
        "uid", "personID", "lastChangedDate",
        "firstName", "middleName", "lastName", "displayName",
    }  # fmt: skip
    assert set(everything) == set(person(3))
    assert set(email) == {
        "uid",
        "personID",
        "lastChangedDate",
        "email",
        "emailVerified",
    }


def test_paging_meta_and_page_numbers(core):
    headers = bearer("persons.name#read")

    by_offset = httpx.get(
        f"{core.url}/v2/persons?limit=5&offset=10", headers=headers
    ).json()
    by_page = httpx.get(f"{core.url}/v2/persons?limit=5&page=3", headers=headers).json()

    assert by_offset == by_page
    assert by_offset["meta"] == {"limit": 5, "skipped": 10, "total": 100_000}
    assert [p["personID"] for p in by_offset["data"]] == list(range(10_010, 10_015))


def test_errors_use_the_api_shape_and_carry_a_request_id(core):
    missing = httpx.get(f"{core.url}/v2/persons/x", headers=bearer("persons#read"))
    no_scope = httpx.get(f"{core.url}/v2/persons", headers=bearer("orgs#read"))
    expired = httpx.get(f"{core.url}/v2/persons", headers=bearer("persons#read", exp=1))
    wrong_aud = httpx.get(
        f"{core.url}/v2/persons", headers=bearer("persons#read", audience="other")
    )

    assert missing.json()["error"]["code"] == "not-found"
    assert missing.headers["x-request-id"].startswith("req-")
    assert (no_scope.status_code, no_scope.json()["error"]["code"]) == (
        403,
        "missing-scopes",
    )
    assert expired.json()["error"]["code"] == "invalid-token"
    assert wrong_aud.status_code == 401


def test_faults_and_counters_over_http(core):
    headers = bearer("persons#read")
    httpx.post(
        f"{core.url}/__control/faults",
        json=[{"status": 429, "retry_after": "3", "times": 1}],
    )

    limited = httpx.get(f"{core.url}/v2/persons", headers=headers)
    fine = httpx.get(f"{core.url}/v2/persons", headers=headers)
    stats = httpx.get(f"{core.url}/__control/stats").json()

    assert (limited.status_code, limited.headers["retry-after"]) == (429, "3")
    assert fine.status_code == 200
    assert stats["requests"]["GET /v2/persons"] == 2


def test_100k_persons_page_quickly(core):
    headers = bearer("persons.name#read")
    started = time.monotonic()
    with httpx.Client(base_url=core.url, headers=headers) as client:
        seen = 0
        for offset in range(0, 100_000, 1000):
            reply = client.get("/v2/persons", params={"limit": 1000, "offset": offset})
            seen += len(reply.json()["data"])

    assert seen == 100_000
    assert time.monotonic() - started < 30


def test_it_runs_as_a_script():
    process = subprocess.Popen(
        [sys.executable, str(FAKE_CORE), "--port", "0", "--persons", "10"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = json.loads(process.stdout.readline())["url"]
        reply = httpx.get(f"{url}/v2/persons", headers=bearer("persons#read"))
        assert reply.json()["meta"]["total"] == 10
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()

    assert process.returncode == 0


def test_it_refuses_non_loopback_hosts():
    with pytest.raises(ValueError, match="loopback"):
        FakeCore(host="0.0.0.0")  # noqa: S104 -- the point of the test


def test_selected_fields_always_keep_the_identity_field(core):
    url = f"{core.url}/v2/persons"
    headers = bearer("persons#read")

    one = httpx.get(f"{url}/{person(3)['uid']}?fields=displayName", headers=headers)
    page = httpx.get(f"{url}?fields=displayName,uid&limit=2", headers=headers)

    assert one.json()["data"] == {
        "uid": person(3)["uid"],
        "displayName": "David Hansen",
    }
    assert [set(row) for row in page.json()["data"]] == [{"uid", "displayName"}] * 2


def test_an_update_is_answered_with_the_whole_record(core):
    uid = person(4)["uid"]
    headers = bearer("persons#write persons#read")

    reply = httpx.put(
        f"{core.url}/v2/persons/{uid}", json={"firstName": "Eve"}, headers=headers
    )
    again = httpx.get(f"{core.url}/v2/persons/{uid}", headers=headers)

    data = reply.json()["data"]
    assert data["personID"] == person(4)["personID"]
    assert data["lastChangedDate"] > person(4)["lastChangedDate"]
    assert (data["firstName"], data["lastName"]) == ("Eve", person(4)["lastName"])
    assert again.json()["data"] == data


def test_pages_are_capped_at_max_limit():
    with FakeCore(persons=50, max_limit=20) as server:
        reply = httpx.get(
            f"{server.url}/v2/persons?limit=30", headers=bearer("persons#read")
        )

    assert len(reply.json()["data"]) == 20
    assert reply.json()["meta"] == {"limit": 20, "skipped": 0, "total": 50}
