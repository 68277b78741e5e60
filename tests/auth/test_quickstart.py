"""The README quickstart runs as written, against the local servers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_AUDIENCE, TEST_CLIENT_ID, TEST_CLIENT_SECRET

pytestmark = pytest.mark.node

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"<!-- quickstart -->(.*?)<!-- /quickstart -->", re.DOTALL)
PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)


def quickstart_code() -> str:
    block = BLOCK.search(README.read_text(encoding="utf-8"))
    assert block is not None, "README.md lost its <!-- quickstart --> block"
    code = PYTHON.findall(block.group(1))
    assert code, "the quickstart block has no ```python code"
    return "\n".join(code)


def test_the_quickstart_runs_as_written(token_server, fake_core):
    # The code is run unchanged. Only the environment differs from the README:
    # the documented `custom` environment points at the local servers instead of
    # the sandbox preset, with a client the local token server accepts.
    env = {
        **os.environ,
        "BCC_ENVIRONMENT": "custom",
        "BCC_TOKEN_URL": token_server.token_url,
        "BCC_API_URL": fake_core.url,
        "BCC_AUDIENCE": TEST_AUDIENCE,
        "BCC_CLIENT_ID": TEST_CLIENT_ID,
        "BCC_CLIENT_SECRET": TEST_CLIENT_SECRET,
    }

    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", quickstart_code()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "No such person:" in result.stdout
    assert TEST_CLIENT_SECRET not in result.stdout + result.stderr
    assert token_server.count == 1
