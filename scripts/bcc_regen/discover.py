"""
Find the APIs an explorer page lists, and where their specs are.

Three kinds of explorer are understood:

- swagger-ui-express, whose `swagger-ui-init.js` holds `var options = {...}` with
  an embedded `swaggerDoc`, a `swaggerUrl`, `swaggerUrls`, or `customOptions`
  carrying stock Swagger UI options;
- stock Swagger UI, configured in `swagger-initializer.js` or in an inline script
  calling `SwaggerUIBundle({...})` with `url`, `urls` or `spec`;
- a `configUrl` pointing at a JSON file with the same `url` / `urls` keys.

Relative URLs are resolved against the page, as a browser would.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

import attrs

from bcc_regen._jsliteral import find_object_literals
from bcc_regen.documents import looks_like_html
from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetched, Fetcher

__all__ = ["Explorer", "ExplorerEntry", "discover"]

_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.I)
_INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.I | re.S
)
_EXPRESS_OPTIONS = re.compile(r"\boptions\s*=\s*")
_BUNDLE_CALL = re.compile(r"\bSwaggerUIBundle\(\s*")
# Scripts worth fetching: the start-up script, not the megabyte-sized UI bundles.
_STARTUP_SCRIPT = re.compile(r"(?:^|/)[^/?#]*init[^/?#]*\.js(?:[?#].*)?$", re.I)


@attrs.frozen(kw_only=True)
class ExplorerEntry:
    """One API in an explorer: its display name, and its spec's URL or body."""

    name: str | None
    url: str | None = None
    document: dict[str, Any] | None = attrs.field(default=None, repr=False)

    @property
    def label(self) -> str:
        """The name, or for an unnamed embedded spec, its title."""
        if self.name is not None:
            return self.name
        title = ((self.document or {}).get("info") or {}).get("title")
        return f"(unnamed: {title})" if isinstance(title, str) else "(unnamed)"


@attrs.frozen(kw_only=True)
class Explorer:
    """What an explorer page offers."""

    page_url: str
    entries: tuple[ExplorerEntry, ...]
    primary: str | None = None

    def names(self) -> list[str]:
        return [entry.label for entry in self.entries]

    def select(self, name: str | None) -> ExplorerEntry:
        """
        Pick the entry called `name`, or the primary entry when `name` is None.

        An explorer with a single unnamed entry (one `url`, or an embedded spec)
        serves that entry under any name; the caller checks the spec's title.
        """
        if name is None:
            wanted = self.primary or self.entries[0].name
            return next(e for e in self.entries if e.name == wanted)

        for entry in self.entries:
            if entry.name == name:
                return entry
        if len(self.entries) == 1 and self.entries[0].name is None:
            return self.entries[0]

        listed = ", ".join(repr(n) for n in self.names())
        msg = (
            f"The explorer at {self.page_url} lists no API named {name!r}. "
            f"It lists: {listed}. Pass one of these with --api, or fix the name "
            "in spec/apis.toml."
        )
        raise PipelineError(msg)


def discover(fetcher: Fetcher, page: Fetched) -> Explorer | None:
    """
    Read the explorer configuration behind a downloaded page.

    Returns None when `page` is not an explorer (it is presumably a spec).

    Raises:
        PipelineError: The page is an explorer, but no API could be found in it.
    """
    scripts = _startup_scripts(fetcher, page)
    if scripts is None:
        return None

    options: dict[str, Any] = {}
    for script in scripts:
        for literal in find_object_literals(script, _EXPRESS_OPTIONS):
            if isinstance(literal, dict):
                options.update(_express_to_stock(literal))
        for literal in find_object_literals(script, _BUNDLE_CALL):
            if isinstance(literal, dict):
                options.update(literal)

    config_url = options.get("configUrl")
    if isinstance(config_url, str):
        try:
            config = fetcher.get(urljoin(page.url, config_url))
        except PipelineError as error:
            msg = (
                f"The explorer at {page.url} takes its options from configUrl: {error}"
            )
            raise PipelineError(msg) from None
        options.update(_parse_config(config))

    entries = _entries(options, page.url)
    if not entries:
        msg = (
            f"{page.url} looks like an API explorer, but no API spec could be found "
            "in its configuration. Pass the spec's URL with --from instead."
        )
        raise PipelineError(msg)

    primary = options.get("urls.primaryName")
    return Explorer(
        page_url=page.url,
        entries=entries,
        primary=primary if any(e.name == primary for e in entries) else None,
    )


def _startup_scripts(fetcher: Fetcher, page: Fetched) -> list[str] | None:
    if page.url.endswith(".js") or "javascript" in page.content_type:
        return [page.content.decode("utf-8", "replace")]

    if _is_config_json(page):
        return [f"SwaggerUIBundle({page.content.decode('utf-8', 'replace')})"]

    if not looks_like_html(page.content):
        return None

    html = page.content.decode("utf-8", "replace")
    scripts = _INLINE_SCRIPT.findall(html)
    for src in _SCRIPT_SRC.findall(html):
        if _STARTUP_SCRIPT.search(src):
            script = fetcher.get(urljoin(page.url, src)).content
            scripts.append(script.decode("utf-8", "replace"))
    return scripts


def _is_config_json(page: Fetched) -> bool:
    """A `configUrl` file: JSON with `url` or `urls`, but no spec version field."""
    try:
        data = json.loads(page.content)
    except ValueError:
        return False
    return (
        isinstance(data, dict)
        and ("urls" in data or "url" in data or "configUrl" in data)
        and "swagger" not in data
        and "openapi" not in data
    )


def _express_to_stock(options: dict[str, Any]) -> dict[str, Any]:
    """Map swagger-ui-express's option names onto stock Swagger UI's."""
    stock: dict[str, Any] = {}
    if isinstance(options.get("swaggerDoc"), dict):
        stock["spec"] = options["swaggerDoc"]
    if isinstance(options.get("swaggerUrl"), str):  # `{}` when unset: not a URL
        stock["url"] = options["swaggerUrl"]
    if isinstance(options.get("swaggerUrls"), list):
        stock["urls"] = options["swaggerUrls"]
    custom = options.get("customOptions")
    if isinstance(custom, dict):
        stock.update(custom)
    return stock


def _parse_config(config: Fetched) -> dict[str, Any]:
    try:
        data = json.loads(config.content)
    except ValueError:
        msg = f"The explorer's configUrl {config.url} is not JSON. Check the explorer."
        raise PipelineError(msg) from None
    return data if isinstance(data, dict) else {}


def _entries(options: dict[str, Any], base: str) -> tuple[ExplorerEntry, ...]:
    urls = options.get("urls")
    if isinstance(urls, list) and urls:
        return tuple(
            ExplorerEntry(name=_name(item), url=urljoin(base, item["url"]))
            for item in urls
            if isinstance(item, dict) and isinstance(item.get("url"), str)
        )
    if isinstance(options.get("url"), str) and options["url"]:
        return (ExplorerEntry(name=None, url=urljoin(base, options["url"])),)
    if isinstance(options.get("spec"), dict):
        return (ExplorerEntry(name=None, document=options["spec"]),)
    return ()


def _name(item: dict[str, Any]) -> str | None:
    name = item.get("name")
    return name if isinstance(name, str) else None
