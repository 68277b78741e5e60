"""Where the pipeline finds the repository and its pinned Node tools."""

from __future__ import annotations

import os
from pathlib import Path

from bcc_regen.errors import PipelineError

__all__ = ["REPO_ROOT", "node_tool"]

REPO_ROOT = Path(__file__).resolve().parents[2]


def node_tool(name: str) -> Path:
    """
    Locate an executable installed from `tools/node/package-lock.json`.

    `BCC_NODE_TOOLS` may point at another `node_modules` folder.

    Raises:
        PipelineError: The tool is not installed.
    """
    modules = Path(
        os.environ.get("BCC_NODE_TOOLS", REPO_ROOT / "tools/node/node_modules")
    )
    tool = modules / ".bin" / name
    if not tool.exists():
        msg = (
            f"The Node tool {name!r} is not installed. Run "
            "`npm ci --prefix tools/node` (the nox sessions do this for you)."
        )
        raise PipelineError(msg)
    return tool
