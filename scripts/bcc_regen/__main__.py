"""
Command line of the regeneration pipeline.

    python -m bcc_regen regenerate [--from SOURCE] [--api NAME]
    python -m bcc_regen apis --from SOURCE

SOURCE is an environment (sandbox, production, dev), an explorer or spec URL, or
a local spec file. Without --from, the committed snapshots in spec/ are used.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetcher
from bcc_regen.paths import REPO_ROOT
from bcc_regen.pipeline import regenerate
from bcc_regen.sources import Source, explore


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # unwind like Ctrl-C: roll back
    try:
        if args.command == "apis":
            return _list_apis(args.source, args.timeout)
        regenerate(
            config_path=args.config,
            generated_dir=args.generated,
            source=args.source,
            api_name=args.api,
            fetcher=Fetcher(timeout=args.timeout) if args.source else None,
            report=_say,
        )
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "error: interrupted; spec/ and generated/ are as they were.",
            file=sys.stderr,
        )
        return 130
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _list_apis(source: str, timeout: float) -> int:
    with Fetcher(timeout=timeout) as fetcher:
        explorer = explore(fetcher, Source.parse(source))
    for entry in explorer.entries:
        primary = "  (primary)" if entry.name and entry.name == explorer.primary else ""
        where = entry.url or "embedded in the page"
        print(f"{entry.label}\t{where}{primary}")
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bcc_regen",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    regen = commands.add_parser("regenerate", help="regenerate the typed clients")
    regen.add_argument("--from", dest="source", help="pull the specs from here first")
    regen.add_argument("--api", help="only this API (its explorer name or key)")
    regen.add_argument("--config", type=Path, default=REPO_ROOT / "spec" / "apis.toml")
    regen.add_argument("--generated", type=Path, default=REPO_ROOT / "generated")
    regen.add_argument(
        "--timeout", type=float, default=30.0, help="seconds per request"
    )

    apis = commands.add_parser("apis", help="list the APIs an explorer offers")
    apis.add_argument("--from", dest="source", required=True)
    apis.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    return parser


if __name__ == "__main__":
    sys.exit(main())
