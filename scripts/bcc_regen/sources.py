"""Where a pull starts: an environment's explorer, any URL, or a local file."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from bcc_regen.config import ApiConfig
from bcc_regen.discover import Explorer, discover
from bcc_regen.documents import parse_document, spec_format
from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetcher
from bcc_regen.snapshot import Snapshot

__all__ = ["EXPLORERS", "Source", "explore", "pull"]

EXPLORERS = {
    "sandbox": "https://sandbox-api.bcc.no/docs/",
    "production": "https://api.bcc.no/docs/",
    "dev": "https://dev-api.bcc.no/docs/",
}
"""Each environment's API explorer; `--from sandbox` starts there."""


@attrs.frozen
class Source:
    """A `--from` argument, resolved."""

    url: str | None
    path: Path | None

    @classmethod
    def parse(cls, text: str) -> Source:
        if text in EXPLORERS:
            return cls(url=EXPLORERS[text], path=None)
        if text.startswith(("http://", "https://")):
            return cls(url=text, path=None)
        path = Path(text)
        if path.is_file():
            return cls(url=None, path=path)
        names = ", ".join(EXPLORERS)
        msg = (
            f"--from {text!r} is not an environment ({names}), an http(s) URL or an "
            "existing file. Pass one of those."
        )
        raise PipelineError(msg)


def explore(fetcher: Fetcher, source: Source) -> Explorer:
    """The explorer behind `source`; an error if it is a spec or a file."""
    if source.url is None:
        msg = f"{source.path} is a file, not an explorer. Pass an explorer URL."
        raise PipelineError(msg)
    explorer = discover(fetcher, fetcher.get(source.url))
    if explorer is None:
        msg = f"{source.url} is not an API explorer page. Pass the explorer's URL."
        raise PipelineError(msg)
    return explorer


def pull(
    fetcher: Fetcher, source: Source, apis: list[ApiConfig]
) -> dict[str, Snapshot]:
    """
    Download the spec of each API in `apis` from `source`, keyed by API key.

    A spec URL or file holds one API, so it needs exactly one API in `apis`.
    """
    if source.path is not None:
        api = _single(apis, str(source.path))
        content = source.path.read_bytes()
        return {api.key: _snapshot(api, content, str(source.path), "file")}

    assert source.url is not None
    page = fetcher.get(source.url)
    explorer = discover(fetcher, page)
    if explorer is None:
        api = _single(apis, page.url)
        return {api.key: _snapshot(api, page.content, page.url, "spec url")}

    snapshots = {}
    for api in apis:
        entry = explorer.select(api.name)
        if entry.document is not None:
            content = (json.dumps(entry.document, indent=2) + "\n").encode()
            how, url = "explorer (embedded spec)", explorer.page_url
        else:
            assert entry.url is not None
            fetched = fetcher.get(entry.url)
            content, how, url = fetched.content, "explorer", fetched.url
        snapshots[api.key] = _snapshot(api, content, url, how)
    return snapshots


def _single(apis: list[ApiConfig], where: str) -> ApiConfig:
    if len(apis) == 1:
        return apis[0]
    names = ", ".join(repr(api.name) for api in apis)
    msg = f"{where} holds one spec; say which API it is with --api (one of {names})."
    raise PipelineError(msg)


def _snapshot(api: ApiConfig, content: bytes, url: str, how: str) -> Snapshot:
    document = parse_document(content, source=url)
    return Snapshot.pulled(
        api=api,
        content=content,
        spec_format=spec_format(document, source=url),
        url=url,
        how=how,
    )
