"""
Benchmarks of the `bcc_api` package, each as a ratio to a baseline of the same run.

    PYTHONPATH=scripts:tests/servers python -m bench.bench [--small] [--json FILE]
        [--only listing,fetch,regeneration,import,memory,tokens] [--profile DIR]

Everything runs on 127.0.0.1. Shared machines drift, so each figure is measured
against a baseline taken in the same run, alternating the two, and the medians
are compared:

- listing: persons page by page through the package (token, models, iterator)
  against raw httpx and `json.loads` on the same fake server and pages;
- fetch: persons one by one on an async client, bounded concurrency against
  one at a time;
- regeneration: `python -m bcc_regen regenerate` from the committed snapshot
  against a bare `openapi-python-client generate` of the same converted spec;
- import: a cold `import bcc_api` against a cold `import httpx`;
- memory: the peak RSS growth while iterating many persons (fresh interpreter);
- tokens: token requests when 64 threads, and 64 tasks, need one at expiry.

The exit status is 1 when a correctness check fails (a token count other than
1); unmet speed targets only fail the run with `--strict`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import typing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import bcc_api
import httpx
from bcc_core_api import AuthenticatedClient
from bcc_core_api.api.persons import find_persons, get_person
from bcc_core_api.models import WrappedWithMetaArrayPerson

from bench._servers import (
    AUDIENCE,
    CLIENT_ID,
    REPO_ROOT,
    Peers,
    local_peers,
    tool_env,
)

__all__ = ["Row", "Sizes", "format_table", "main", "run"]

SMALL_SPEC = REPO_ROOT / "tests" / "fixtures" / "fixture-api.yaml"
IMPORT_PACKAGE = "bcc_api, bcc_core_api.api.persons.find_persons"
IMPORT_BASELINE = "httpx"
SUBPROCESS_TIMEOUT = 300
BENCHES = ("listing", "fetch", "regeneration", "import", "memory", "tokens")


@attrs.frozen(kw_only=True)
class Sizes:
    """How much work each benchmark does."""

    list_persons: int = 20_000
    page_size: int = 1000
    fetch_persons: int = 2000
    concurrency: int = 32
    latency_persons: int = 320
    latency: float = 0.01
    memory_persons: int = 100_000
    trace_persons: int = 10_000
    import_runs: int = 7
    rounds: int = 3
    token_workers: int = 64
    # None: a spec/ folder holding only the small fixture API
    spec_dir: Path | None = REPO_ROOT / "spec"

    @property
    def server_persons(self) -> int:
        return max(self.list_persons, self.fetch_persons, self.memory_persons)


SMALL = Sizes(
    list_persons=200,
    page_size=50,
    fetch_persons=40,
    concurrency=8,
    latency_persons=16,
    memory_persons=500,
    trace_persons=200,
    import_runs=1,
    rounds=1,
    token_workers=16,
    spec_dir=None,
)

_FIXTURE_API = """\
[apis.fixture]
name = "Fixture documentation"
title = "BCC Fixture API"
package = "bcc_fixture_api"
"""


def copy_spec(sizes: Sizes, target: Path) -> Path:
    """Copy the spec folder to *target*; return its API list."""
    if sizes.spec_dir is not None:
        shutil.copytree(
            sizes.spec_dir, target, ignore=shutil.ignore_patterns(".regen-*")
        )
    else:
        (target / "fixture").mkdir(parents=True)
        shutil.copy(SMALL_SPEC, target / "fixture" / "openapi.yaml")
        shutil.copy(REPO_ROOT / "spec" / "openapi-python-client.yaml", target)
        (target / "apis.toml").write_text(_FIXTURE_API, encoding="utf-8")
    return target / "apis.toml"


@attrs.frozen(kw_only=True)
class Row:
    """One line of the results table."""

    name: str
    package: str
    baseline: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    correctness: bool = False

    @property
    def result(self) -> str:
        if self.unit == "x":
            return f"{self.value:.2f}x"
        if self.unit == "MB":
            return f"{self.value:.1f} MB"
        return f"{self.value:g} {self.unit}".strip()


def _ratio_row(
    name: str,
    package: list[float],
    baseline: list[float],
    *,
    target: float | None = None,
) -> Row:
    mine, theirs = statistics.median(package), statistics.median(baseline)
    ratio = mine / theirs
    return Row(
        name=name,
        package=f"{mine:.3f} s",
        baseline=f"{theirs:.3f} s",
        value=ratio,
        unit="x",
        target="" if target is None else f"<= {target:g}x",
        met=None if target is None else ratio <= target,
    )


def _alternate(rounds: int, *runs: Callable[[], float]) -> list[list[float]]:
    """
    Run each once to warm up, then all of them *rounds* times, rotating the
    order each round; return the timings of each.
    """
    for run_one in runs:
        run_one()
    timings: list[list[float]] = [[] for _ in runs]
    for turn in range(rounds):
        for step in range(len(runs)):
            index = (turn + step) % len(runs)
            timings[index].append(runs[index]())
    return timings


# --- listing -------------------------------------------------------------------


def bench_listing(peers: Peers, sizes: Sizes) -> list[Row]:
    """
    Persons page by page: the package's iterator against raw httpx + json, and
    the generated client alone (no `bcc_api`) against the same baseline.
    """
    wanted, size = sizes.list_persons, sizes.page_size
    token = peers.raw_token()
    headers = {"Authorization": f"Bearer {token}"}

    with (
        httpx.Client(base_url=peers.api_url, headers=headers, trust_env=False) as http,
        AuthenticatedClient(base_url=peers.api_url, token=token) as generated,
        bcc_api.connect(**peers.connect_kwargs()) as bcc,
    ):

        def raw() -> float:
            started = time.perf_counter()
            seen = 0
            for offset in range(0, wanted, size):
                reply = http.get(
                    "/v2/persons", params={"limit": size, "offset": offset}
                )
                reply.raise_for_status()
                seen += len(json.loads(reply.content)["data"])
            elapsed = time.perf_counter() - started
            _expect(seen, wanted, "raw listing")
            return elapsed

        def generated_only() -> float:
            started = time.perf_counter()
            seen = 0
            for offset in range(0, wanted, size):
                page = find_persons.sync(client=generated, limit=size, offset=offset)
                assert isinstance(page, WrappedWithMetaArrayPerson)
                seen += len(page.data)
            elapsed = time.perf_counter() - started
            _expect(seen, wanted, "generated client's listing")
            return elapsed

        def package() -> float:
            started = time.perf_counter()
            seen = iterate(bcc, wanted, size)
            elapsed = time.perf_counter() - started
            _expect(seen, wanted, "package listing")
            return elapsed

        mine, alone, theirs = _alternate(sizes.rounds, package, generated_only, raw)
    what = f"{wanted:,} persons, pages of {size:,}, vs raw httpx+json"
    return [
        _ratio_row(f"listing {what}", mine, theirs, target=1.3),
        _ratio_row(f"listing, generated client alone: {what}", alone, theirs),
    ]


def iterate(bcc: bcc_api.BccClient, wanted: int, size: int) -> int:
    """Iterate *wanted* persons in pages of *size*; return how many came."""
    seen = 0
    for _ in bcc.iterate(find_persons, page_size=size):
        seen += 1
        if seen >= wanted:
            break
    return seen


def _expect(seen: int, wanted: int, what: str) -> None:
    if seen != wanted:
        msg = f"The {what} returned {seen} items instead of {wanted}."
        raise RuntimeError(msg)


# --- fetch one by one ---------------------------------------------------------


def _uid(index: int) -> str:
    return f"00000000-0000-4000-8000-{index:012x}"


Fetch = typing.Callable[[str], typing.Awaitable[object]]


async def _one_by_one(fetch: Fetch, uids: Sequence[str]) -> float:
    started = time.perf_counter()
    for uid in uids:
        await fetch(uid)
    return time.perf_counter() - started


async def _concurrently(fetch: Fetch, uids: Sequence[str], workers: int) -> float:
    pending = iter(uids)

    async def worker() -> None:
        for uid in pending:
            await fetch(uid)

    started = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for _ in range(workers):
            group.create_task(worker())
    return time.perf_counter() - started


async def _speed_up(
    fetch: Fetch, uids: Sequence[str], sizes: Sizes
) -> tuple[float, float]:
    """Median seconds (sequential, concurrent), after a warm-up."""
    await _concurrently(fetch, uids[: sizes.concurrency * 4], sizes.concurrency)
    sequential: list[float] = []
    parallel: list[float] = []
    for turn in range(sizes.rounds):
        if turn % 2:
            sequential.append(await _one_by_one(fetch, uids))
        parallel.append(await _concurrently(fetch, uids, sizes.concurrency))
        if not turn % 2:
            sequential.append(await _one_by_one(fetch, uids))
    return statistics.median(sequential), statistics.median(parallel)


def bench_fetch(peers: Peers, sizes: Sizes) -> list[Row]:
    """
    Persons one by one on one async client, bounded concurrency against one at
    a time; the same with raw httpx, to tell the package from its HTTP stack.
    """
    uids = [_uid(index) for index in range(sizes.fetch_persons)]
    headers = {"Authorization": f"Bearer {peers.raw_token()}"}

    async def measure() -> tuple[tuple[float, float], tuple[float, float]]:
        async with bcc_api.connect_async(**peers.connect_kwargs()) as bcc:

            async def package(uid: str) -> object:
                return await bcc.call(get_person, uid=uid)

            mine = await _speed_up(package, uids, sizes)
        async with httpx.AsyncClient(
            base_url=peers.api_url, headers=headers, trust_env=False
        ) as http:

            async def raw(uid: str) -> object:
                reply = await http.get(f"/v2/persons/{uid}")
                reply.raise_for_status()
                return json.loads(reply.content)

            theirs = await _speed_up(raw, uids, sizes)
        return mine, theirs

    rows = []
    what = (
        f"{len(uids):,} persons one by one, {sizes.concurrency} concurrent "
        "vs sequential"
    )
    for who, (one, many) in zip(
        ("fetch", "raw httpx async: fetch"), asyncio.run(measure()), strict=True
    ):
        rows.append(_speed_up_row(f"{who} {what}", one, many))
    rows.append(_fetch_with_latency(peers, sizes))
    return rows


def _speed_up_row(name: str, sequential: float, concurrent: float) -> Row:
    return Row(
        name=f"{name} (speed-up)",
        package=f"{concurrent:.3f} s",
        baseline=f"{sequential:.3f} s",
        value=sequential / concurrent,
        unit="x",
    )


def _fetch_with_latency(peers: Peers, sizes: Sizes) -> Row:
    """The same, with every reply delayed as a distant server would."""
    uids = [_uid(index) for index in range(sizes.latency_persons)]
    latency = {"kind": "delay", "seconds": sizes.latency, "times": None}
    peers.api_control("faults", [latency | {"path": "/v2/persons/"}])
    try:

        async def measure() -> tuple[float, float]:
            async with bcc_api.connect_async(**peers.connect_kwargs()) as bcc:

                async def package(uid: str) -> object:
                    return await bcc.call(get_person, uid=uid)

                await _concurrently(
                    package, uids[: sizes.concurrency], sizes.concurrency
                )
                concurrent = await _concurrently(package, uids, sizes.concurrency)
                return await _one_by_one(package, uids), concurrent

        sequential, concurrent = asyncio.run(measure())
    finally:
        peers.api_control("reset", {})
    return _speed_up_row(
        f"fetch {len(uids):,} persons with {sizes.latency * 1000:g} ms server "
        f"latency, {sizes.concurrency} concurrent vs sequential",
        sequential,
        concurrent,
    )


# --- regeneration -------------------------------------------------------------


def _timed(command: Sequence[str | Path], env: dict[str, str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        output = (completed.stderr or completed.stdout).strip()[-2000:]
        msg = f"{' '.join(map(str, command[:4]))} ... failed:\n{output}"
        raise RuntimeError(msg)
    return elapsed


def converted_specs(config: Path, out_dir: Path) -> list[Path]:
    """Each configured API's spec, converted and overlaid, written as JSON."""
    from bcc_regen.config import load_apis  # noqa: PLC0415 -- pipeline on demand
    from bcc_regen.pipeline import prepare_spec  # noqa: PLC0415
    from bcc_regen.snapshot import read_snapshot  # noqa: PLC0415

    written = []
    for api in load_apis(config):
        openapi = prepare_spec(api, read_snapshot(api), report=lambda _: None).openapi
        path = out_dir / f"{api.key}.openapi.json"
        path.write_text(json.dumps(openapi), encoding="utf-8")
        written.append(path)
    return written


def bench_regeneration(sizes: Sizes) -> Row:
    """The regeneration pipeline against a bare generator run on its output."""
    env = tool_env()
    cli = Path(sys.executable).parent / "openapi-python-client"
    with tempfile.TemporaryDirectory(prefix="bench-regen-") as folder:
        work = Path(folder)
        spec = work / "spec"
        documents = converted_specs(copy_spec(sizes, spec), work)
        runs = iter(range(1_000))

        def pipeline() -> float:
            config = spec / "apis.toml"
            out = work / f"generated-{next(runs)}"
            command = ["-m", "bcc_regen", "regenerate"]
            return _timed(
                [sys.executable, *command, "--config", config, "--generated", out], env
            )

        def bare() -> float:
            config = spec / "openapi-python-client.yaml"
            out = work / f"bare-{next(runs)}"
            elapsed = 0.0
            for document in documents:
                command: list[str | Path] = [cli, "generate", "--meta", "none"]
                command += ["--path", document, "--output-path", out / document.stem]
                elapsed += _timed([*command, "--config", config], env)
            return elapsed

        mine, theirs = _alternate(sizes.rounds, pipeline, bare)
    return _ratio_row(
        "regeneration from the snapshot vs bare openapi-python-client",
        mine,
        theirs,
        target=1.5,
    )


# --- import -------------------------------------------------------------------

_IMPORT_PROBE = (
    "import time; started = time.perf_counter(); import {modules}; "
    "print(time.perf_counter() - started)"
)


def _import_seconds(modules: str) -> float:
    completed = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE.format(modules=modules)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return float(completed.stdout.strip())


def bench_import(sizes: Sizes) -> Row:
    """A cold import of the package against a cold `import httpx`."""
    mine, theirs = _alternate(
        sizes.import_runs,
        lambda: _import_seconds(IMPORT_PACKAGE),
        lambda: _import_seconds(IMPORT_BASELINE),
    )
    return _ratio_row(
        f"cold import of {IMPORT_PACKAGE} vs httpx (median of {sizes.import_runs})",
        mine,
        theirs,
        target=3.0,
    )


def import_profile(limit: int = 12) -> str:
    """The modules that take longest to import, from `python -X importtime`."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {IMPORT_PACKAGE}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = []
    for line in completed.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[0]), int(parts[1]), parts[2].strip()))
    total = max((cumulative for _, cumulative, _ in rows), default=1)
    lines = [f"{'self ms':>8} {'cum ms':>8} {'cum %':>6}  module"]
    for own, cumulative, name in sorted(rows, reverse=True)[:limit]:
        share = 100 * cumulative / total
        lines.append(f"{own / 1e3:8.1f} {cumulative / 1e3:8.1f} {share:6.1f}  {name}")
    return "\n".join(lines)


# --- memory -------------------------------------------------------------------


def _memory_run(
    peers: Peers, persons: int, page_size: int, *, trace: bool
) -> dict[str, float]:
    env = tool_env(
        BCC_ENVIRONMENT="custom",
        BCC_TOKEN_URL=peers.tokens.token_url,
        BCC_API_URL=peers.api_url,
        BCC_AUDIENCE=AUDIENCE,
        BCC_CLIENT_ID=CLIENT_ID,
        BCC_CLIENT_SECRET=peers.tokens.client_secret,
    )
    command = [sys.executable, "-m", "bench._memory", f"--persons={persons}"]
    command += [f"--page-size={page_size}"] + (["--tracemalloc"] if trace else [])
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    if completed.returncode != 0:
        msg = f"The memory probe failed:\n{completed.stderr.strip()[-2000:]}"
        raise RuntimeError(msg)
    result: dict[str, float] = json.loads(completed.stdout)
    _expect(int(result["items"]), persons, "memory probe")
    return result


def bench_memory(peers: Peers, sizes: Sizes) -> list[Row]:
    """Peak RSS growth over many persons; Python heap peak over fewer."""
    rss = _memory_run(peers, sizes.memory_persons, sizes.page_size, trace=False)
    traced = _memory_run(peers, sizes.trace_persons, sizes.page_size, trace=True)
    pages = f"pages of {sizes.page_size:,}"
    return [
        Row(
            name=(
                f"memory: peak RSS growth (VmHWM) iterating {sizes.memory_persons:,} "
                f"persons, {pages}"
            ),
            package=f"{rss['seconds']:.2f} s",
            baseline="",
            value=rss["rss_growth_mb"],
            unit="MB",
            target="<= 30 MB",
            met=rss["rss_growth_mb"] <= 30,
        ),
        Row(
            name=(
                f"memory: tracemalloc peak iterating {sizes.trace_persons:,} "
                f"persons ({traced['retained_mb']:.2f} MB still held after)"
            ),
            package=f"{traced['seconds']:.2f} s",
            baseline="",
            value=traced["peak_mb"],
            unit="MB",
        ),
    ]


# --- tokens -------------------------------------------------------------------

_FIRST_LIFETIME = 3  # seconds; the leeway is capped at half of it, 1.5 s
_LEEWAY = 2.0


@contextlib.contextmanager
def _expiring_token(peers: Peers) -> Iterator[dict[str, typing.Any]]:
    """Connection settings whose first token goes stale 1.5 s after use."""
    bcc_api.clear_token_cache()
    peers.tokens.reset()
    peers.tokens.configure(expires_in=_FIRST_LIFETIME)
    try:
        yield peers.connect_kwargs() | {"leeway": _LEEWAY}
    finally:
        peers.tokens.reset()
        bcc_api.clear_token_cache()


def _at_expiry(peers: Peers) -> None:
    """Wait until the first token is stale; make the renewal slow and long-lived."""
    time.sleep(_FIRST_LIFETIME - min(_LEEWAY, _FIRST_LIFETIME / 2) + 0.1)
    peers.tokens.configure(expires_in=3600, delay_ms=200)


def token_requests_threads(peers: Peers, workers: int) -> int:
    """Token requests made when *workers* threads need a token at expiry."""
    with _expiring_token(peers) as settings, bcc_api.connect(**settings) as bcc:
        bcc.call(get_person, uid=_uid(1))
        _at_expiry(peers)
        before = peers.tokens.count()
        barrier = threading.Barrier(workers)

        def worker(index: int) -> object:
            barrier.wait(timeout=30)
            return bcc.call(get_person, uid=_uid(index))

        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(worker, range(workers)))
        return peers.tokens.count() - before


def token_requests_tasks(peers: Peers, workers: int) -> int:
    """Token requests made when *workers* tasks need a token at expiry."""

    async def run() -> int:
        with _expiring_token(peers) as settings:
            async with bcc_api.connect_async(**settings) as bcc:
                await bcc.call(get_person, uid=_uid(1))
                await asyncio.to_thread(_at_expiry, peers)
                before = peers.tokens.count()
                await asyncio.gather(
                    *(bcc.call(get_person, uid=_uid(i)) for i in range(workers))
                )
                return peers.tokens.count() - before

    return asyncio.run(run())


def bench_tokens(peers: Peers, sizes: Sizes) -> list[Row]:
    workers = sizes.token_workers
    rows = []
    for kind, count in (
        ("threads on one sync client", token_requests_threads(peers, workers)),
        ("tasks on one async client", token_requests_tasks(peers, workers)),
    ):
        rows.append(
            Row(
                name=f"token requests when {workers} {kind} need one at expiry",
                package="",
                baseline="",
                value=count,
                unit="requests",
                target="= 1",
                met=count == 1,
                correctness=True,
            )
        )
    return rows


# --- profiles -----------------------------------------------------------------


def write_profiles(peers: Peers | None, sizes: Sizes, out_dir: Path) -> list[Path]:
    """Profile the listing and the pipeline with pyinstrument; import times too."""
    # Only --profile needs it, and the typecheck session does not install it.
    profiler_class = importlib.import_module("pyinstrument").Profiler

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if peers is not None:
        with bcc_api.connect(**peers.connect_kwargs()) as bcc:
            iterate(bcc, sizes.page_size, sizes.page_size)  # token and connection
            profiler = profiler_class(interval=0.0005)
            with profiler:
                iterate(bcc, sizes.list_persons, sizes.page_size)
        written.append(out_dir / "listing.txt")
        written[-1].write_text(profiler.output_text(unicode=True), encoding="utf-8")

    from bcc_regen.__main__ import main as regen_main  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        config = copy_spec(sizes, Path(folder) / "spec")
        arguments = ["regenerate", "--config", str(config)]
        arguments += ["--generated", str(Path(folder) / "generated")]
        profiler = profiler_class(interval=0.001)
        with profiler, contextlib.redirect_stderr(io.StringIO()):
            regen_main(arguments)
    written.append(out_dir / "regeneration.txt")
    written[-1].write_text(profiler.output_text(unicode=True), encoding="utf-8")

    written.append(out_dir / "import.txt")
    written[-1].write_text(import_profile() + "\n", encoding="utf-8")
    return written


# --- the table ----------------------------------------------------------------


def run(sizes: Sizes, only: Sequence[str] = BENCHES) -> list[Row]:
    """Run the chosen benchmarks; return their rows in table order."""
    rows: list[Row] = []
    needs_servers = {"listing", "fetch", "memory", "tokens"} & set(only)
    with contextlib.ExitStack() as stack:
        peers = (
            stack.enter_context(local_peers(persons=sizes.server_persons))
            if needs_servers
            else None
        )
        for name in BENCHES:
            if name not in only:
                continue
            _say(f"# {name}")
            if name == "listing" and peers is not None:
                rows.extend(bench_listing(peers, sizes))
            elif name == "fetch" and peers is not None:
                rows.extend(bench_fetch(peers, sizes))
            elif name == "regeneration":
                rows.append(bench_regeneration(sizes))
            elif name == "import":
                rows.append(bench_import(sizes))
            elif name == "memory" and peers is not None:
                rows.extend(bench_memory(peers, sizes))
            elif name == "tokens" and peers is not None:
                rows.extend(bench_tokens(peers, sizes))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    header = ("measure", "package", "baseline", "result", "target", "met")
    lines = [header]
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "NO")
        lines.append((row.name, row.package, row.baseline, row.result, row.target, met))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "| "
        + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        + " |"
        for line in lines
    ]
    text.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def machine() -> str:
    return (
        f"Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs, all servers on 127.0.0.1"
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--small", action="store_true", help="tiny sizes (smoke)")
    parser.add_argument(
        "--only", default=",".join(BENCHES), help="comma-separated benchmarks"
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--profile", type=Path, help="write profiles to this folder")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a target is missed"
    )
    options = parser.parse_args(argv)
    only = [name.strip() for name in options.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(BENCHES))
    if unknown:
        parser.error(f"unknown benchmarks {unknown}; choose from {list(BENCHES)}")
    sizes = SMALL if options.small else Sizes()

    started = time.perf_counter()
    rows = run(sizes, only)
    print(f"\n{machine()}; took {time.perf_counter() - started:.0f} s\n")
    print(format_table(rows))
    if options.json:
        options.json.write_text(
            json.dumps([attrs.asdict(row) for row in rows], indent=2) + "\n",
            encoding="utf-8",
        )
    if options.profile:
        with contextlib.ExitStack() as stack:
            peers = (
                stack.enter_context(local_peers(persons=sizes.list_persons))
                if "listing" in only
                else None
            )
            for path in write_profiles(peers, sizes, options.profile):
                _say(f"profile written to {path}")

    broken = [row for row in rows if row.correctness and not row.met]
    missed = [row for row in rows if row.met is False and not row.correctness]
    for row in broken:
        _say(f"FAILED: {row.name}: {row.result}, expected {row.target}")
    return 1 if broken or (options.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
