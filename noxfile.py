"""Sessions that regenerate, test and check the BCC API client."""

from __future__ import annotations

import tomllib
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # dependency groups read by hand need tomllib only
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["regenerate", "lint", "typecheck", "tests"]

ROOT = Path(__file__).parent
NODE_TOOLS = ROOT / "tools" / "node"
PIPELINE_ENV = {"PYTHONPATH": str(ROOT / "scripts")}


def _group(name: str) -> list[str]:
    """The requirements of a dependency group in pyproject.toml, includes resolved."""
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    requirements: list[str] = []
    for item in groups[name]:
        if isinstance(item, dict):
            requirements += _group(item["include-group"])
        else:
            requirements.append(item)
    return requirements


def _install_node_tools(session: nox.Session) -> None:
    """Install the pinned Node tools unless the lock file is already installed."""
    installed = NODE_TOOLS / "node_modules" / ".package-lock.json"
    lock = NODE_TOOLS / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    session.log("# Installing the pinned Node tools (npm ci)")
    session.run(
        "npm",
        "ci",
        "--prefix",
        str(NODE_TOOLS),
        "--no-audit",
        "--no-fund",
        external=True,
    )


# --- the pipeline ---


@nox.session
def regenerate(session: nox.Session) -> None:
    """
    Regenerate every configured API's client into generated/.

    Without arguments, from the committed snapshots in spec/. Pass
    `-- --from sandbox|production|dev|URL|FILE` to pull first, and
    `-- --api NAME` to handle one API only.
    """
    session.install(*_group("regen"))
    _install_node_tools(session)

    session.log("# Regenerating")
    session.run(
        "python", "-m", "bcc_regen", "regenerate", *session.posargs, env=PIPELINE_ENV
    )


@nox.session
def apis(session: nox.Session) -> None:
    """List the APIs an explorer offers: `nox -s apis -- --from sandbox`."""
    if not session.posargs:
        session.error("Say which explorer: nox -s apis -- --from sandbox")
    session.install(*_group("regen"))
    session.run("python", "-m", "bcc_regen", "apis", *session.posargs, env=PIPELINE_ENV)


# --- checks ---


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite; extra arguments go to pytest."""
    session.install(*_group("test"))
    session.install("-e", ".")
    _install_node_tools(session)

    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check formatting and lint the hand-written code."""
    session.install(*_group("lint"))
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the hand-written and the generated packages with mypy --strict."""
    session.install(*_group("typecheck"))
    session.install("-e", ".")
    session.run("mypy")
    session.run("mypy", "--strict", "generated")


# --- spec diff and release ---


@nox.session
def diff(session: nox.Session) -> None:
    """
    Classify the interface changes between two versions of the specs.

    `nox -s diff -- OLD NEW [--api KEY] [--format markdown|json] [--output FILE]
    [--fail-on breaking] [--no-python-surface]`, where OLD and NEW are each a git
    ref, WORKTREE (the snapshots on disk), a spec file or an http(s) URL.
    """
    if len(session.posargs) < 2:
        session.error("Say what to compare: nox -s diff -- v0.1.0 WORKTREE")
    session.install(*_group("diff"))
    _install_node_tools(session)

    session.log("# Comparing the specs")
    session.run("python", "-m", "bcc_regen.diff", *session.posargs, env=PIPELINE_ENV)


@nox.session
def release(session: nox.Session) -> None:
    """
    Write a dated CHANGELOG.md entry and bump [project] version.

    The entry lists the spec changes since the last tag; the version is the one
    the diff suggests unless `-- --version X.Y.Z` says otherwise.
    """
    session.install(*_group("diff"))
    _install_node_tools(session)

    session.log("# Preparing the release notes and version")
    session.run("python", "-m", "bcc_regen.release", *session.posargs, env=PIPELINE_ENV)


# --- benchmarks and soak ---


@nox.session
def bench(session: nox.Session) -> None:
    """
    Time the package against baselines taken in the same run, on 127.0.0.1.

    Prints a table of ratios. `-- --small` for a quick run, `--only listing,...`
    for some benchmarks, `--json FILE` to keep the figures, `--profile DIR` for
    pyinstrument and import-time profiles, `--strict` to fail on a missed target.
    """
    session.install(*_group("bench"))
    session.install("-e", ".")
    _install_node_tools(session)

    session.log("# Benchmarking (a few minutes on 2 cores)")
    session.run("python", "-m", "bench.bench", *session.posargs, env=PIPELINE_ENV)


@nox.session
def soak(session: nox.Session) -> None:
    """
    Send 10,000 requests through one client while the fake API injects faults.

    Fails when an invariant breaks (a GET that fails, a POST sent twice, ...).
    `-- --small` for 300 requests, `--seed N`, `--requests N`, `--workers N`.
    """
    session.install(*_group("test"))
    session.install("-e", ".")
    _install_node_tools(session)

    session.log("# Soaking the client in faults on 127.0.0.1")
    session.run("python", "-m", "bench.soak", *session.posargs, env=PIPELINE_ENV)
