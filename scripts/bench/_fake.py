"""
The fake Core API (`tests/servers/fake_core.py`) as the benchmarks run it.

Three settings differ from the tests:

- replies leave with TCP_NODELAY: the fake writes the headers and the body of a
  reply separately, and without it a small body waits for the client's delayed
  ACK (about 40 ms on Linux), which would swamp every per-request figure;
- the listen backlog is 128 instead of socketserver's 5, so that 32 clients
  connecting at once are not held back by SYN retransmissions (1 s and more);
- a client that hung up before the reply (a read timeout the soak provokes on
  purpose) is not reported with a traceback.

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
BACKLOG = 128


def fake_core() -> types.ModuleType:
    """The fake server's module, importable from `tests/servers`."""
    if str(SERVERS) not in sys.path:
        sys.path.append(str(SERVERS))
    return importlib.import_module("fake_core")


def quick_fake(*, audience: str, persons: int) -> typing.Any:
    """A `FakeCore` on 127.0.0.1 whose replies are sent without Nagle delays."""
    server = fake_core().FakeCore(audience=audience, persons=persons)
    http_server = server._server
    # The handler class is made per server, so this changes this server only.
    http_server.RequestHandlerClass.disable_nagle_algorithm = True
    http_server.socket.listen(BACKLOG)  # a second listen() only resizes the queue
    report = http_server.handle_error

    def handle_error(request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            report(request, client_address)

    http_server.handle_error = handle_error
    return server


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
