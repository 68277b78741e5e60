"""The benchmarks and the fault soak, run at a tiny size to prove the tools work."""

from __future__ import annotations

import json
import shutil
import types

import attrs
import pytest

pytest.importorskip("bcc_api", reason="the bcc_api package is not installed")

from bench import bench, soak
from bench._servers import NODE_MODULES

node_tools = pytest.mark.skipif(
    shutil.which("node") is None or not (NODE_MODULES / "oauth2-mock-server").is_dir(),
    reason="node and tools/node/node_modules (npm ci) are needed",
)


@pytest.mark.node
@node_tools
def test_every_benchmark_runs_and_tokens_are_fetched_once(tmp_path):
    results = tmp_path / "bench.json"

    assert bench.main(["--small", "--json", str(results)]) == 0

    rows = {row["name"]: row for row in json.loads(results.read_text())}
    names = " | ".join(rows)
    for measure in ("listing", "fetch", "regeneration", "cold import", "memory"):
        assert measure in names
    ratios = [row for row in rows.values() if row["unit"] == "x"]
    assert len(ratios) == 7  # listing 2, fetch 3, regeneration, import
    assert all(row["value"] > 0 for row in ratios)
    tokens = [row for row in rows.values() if row["name"].startswith("token")]
    assert [row["value"] for row in tokens] == [1, 1]
    memory = [row for row in rows.values() if row["unit"] == "MB"]
    assert len(memory) == 2
    assert all(0 <= row["value"] < 100 for row in memory)


@pytest.mark.node
@node_tools
def test_the_soak_keeps_gets_succeeding_and_posts_single():
    settings = soak.SMALL

    report = soak.run(settings)

    assert report.ran == settings.requests
    assert sum(n for kind, n in report.faults.items() if kind != "none") > 0
    assert report.retried_requests > 0
    assert report.token_requests >= 1
    assert report.posts_sent > 0
    assert report.posts_received <= report.post_attempts
    assert report.posts_succeeded + report.posts_failed == report.posts_sent
    assert report.ok, report.lines()


def test_the_soak_flags_a_post_sent_twice_and_a_failed_get():
    """The judge itself: a resent POST and a failed GET must not pass."""
    post = soak._Planned("post-1", "POST", 1)
    get = soak._Planned("get-2", "GET", 2)
    ledger = soak._Ledger(api_url="http://127.0.0.1:1")
    ledger.attempts["post-1"] = ["503", "200"]
    ledger.attempts["get-2"] = ["503", "401", "401"]
    created = {"uid-1": {"email": "soak-1@example.invalid"}}
    server = types.SimpleNamespace(
        state=types.SimpleNamespace(created=created), count=lambda *_: 2
    )
    outcomes = [
        soak._Outcome(planned=post, uid="uid-1"),
        soak._Outcome(planned=get, error="InvalidToken", message="revoked"),
    ]
    settings = attrs.evolve(soak.SMALL, requests=2)

    broken, figures = soak._judge(
        settings=settings, outcomes=outcomes, ledger=ledger, server=server
    )

    assert set(broken) == {"gets", "post_once"}
    assert figures["post_attempts"] == 2
