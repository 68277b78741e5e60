"""
The fake Core API (`tests/servers/fake_core.py`) for the benchmarks, in a
process of its own so the client under test has the interpreter to itself:

    python -m bench._fake --persons 100000 --audience api.bench.test

prints `{"url": ...}` once listening, and stops on SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
import threading
import types
import typing
from pathlib import Path

__all__ = ["fake_core", "quick_fake"]

SERVERS = Path(__file__).resolve().parents[2] / "tests" / "servers"


def fake_core() -> types.ModuleType:
    """The fake server's module, importable from `tests/servers`."""
    if str(SERVERS) not in sys.path:
        sys.path.append(str(SERVERS))
    return importlib.import_module("fake_core")


def quick_fake(*, audience: str, persons: int) -> typing.Any:
    """A `FakeCore` on 127.0.0.1, not yet started (use it as a context manager)."""
    return fake_core().FakeCore(audience=audience, persons=persons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--audience", required=True)
    parser.add_argument("--persons", type=int, required=True)
    options = parser.parse_args()

    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    with quick_fake(audience=options.audience, persons=options.persons) as server:
        print(json.dumps({"url": server.url}), flush=True)
        stopped.wait()


if __name__ == "__main__":
    main()
