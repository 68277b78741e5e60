"""
Memory of the paging iterator, measured in a fresh interpreter.

Run by `bench.bench`, never by hand: the connection settings arrive as the
`BCC_*` variables of the custom environment, and one JSON line goes to stdout.

- RSS mode: the growth of the peak resident set size while every person is
  iterated, from a warmed-up client (imports done, token held, connection open)
  to the end. On Linux the kernel's peak (`VmHWM`) is reset first through
  `/proc/self/clear_refs`; `ru_maxrss` cannot be used from a child, since it
  starts at the size of the parent that forked it.
- tracemalloc mode: the peak of Python allocations during the iteration, and
  what is still allocated after it (a leak would show here).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import time
import tracemalloc
from pathlib import Path

import bcc_api
from bcc_core_api.api.persons import find_persons

MB = 1024 * 1024


STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_bytes(field: str) -> float:
    for line in STATUS.read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return float(value.split()[0]) * 1024  # always in kB
    msg = f"{STATUS} has no {field} line."
    raise RuntimeError(msg)


def _start_peak() -> float:
    """Reset the kernel's peak RSS; return the RSS now, in bytes."""
    try:
        CLEAR_REFS.write_text("5")
    except OSError:
        # Elsewhere fall back on the peak so far (Linux and macOS disagree on
        # the unit; this probe is only run on Linux in practice).
        return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024
    return _status_bytes("VmRSS")


def _peak() -> float:
    """The peak RSS since `_start_peak`, in bytes."""
    if STATUS.exists():
        return _status_bytes("VmHWM")
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def measure(*, persons: int, page_size: int, trace: bool) -> dict[str, float]:
    """Iterate *persons* persons and report the memory the iteration needed."""
    with bcc_api.connect(scopes=[bcc_api.Scope.PERSONS_READ]) as bcc:
        for _ in bcc.iterate(find_persons, page_size=1):
            break
        gc.collect()

        before = _start_peak()
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        seen = 0
        for _ in bcc.iterate(find_persons, page_size=page_size):
            seen += 1
            if seen >= persons:
                break
        seconds = time.perf_counter() - started
        result = {"items": float(seen), "seconds": seconds}
        if trace:
            gc.collect()
            retained, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            result |= {"peak_mb": peak / MB, "retained_mb": retained / MB}
        else:
            result["rss_growth_mb"] = (_peak() - before) / MB
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, required=True)
    parser.add_argument("--page-size", type=int, required=True)
    parser.add_argument("--tracemalloc", action="store_true")
    options = parser.parse_args()
    result = measure(
        persons=options.persons, page_size=options.page_size, trace=options.tracemalloc
    )
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
