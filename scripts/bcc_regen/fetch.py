"""Downloading explorer pages and specs, with errors that say what to do."""

from __future__ import annotations

import attrs
import httpx

from bcc_regen.errors import PipelineError

__all__ = ["Fetched", "Fetcher"]


@attrs.frozen
class Fetched:
    """A successful download: the final URL after redirects, and the body."""

    url: str
    content: bytes
    content_type: str


class Fetcher:
    """
    Downloads over one HTTP client with a timeout and a size limit.

    Only GET requests are made, and nothing is sent but the URL: the explorer and
    spec files are public, so no credential is ever involved.
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        max_bytes: int = 50_000_000,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
            headers={"Accept": "application/json, application/yaml, text/html, */*"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """
        Download `url`.

        Raises:
            PipelineError: The host could not be reached, the connection broke, the
                request timed out, the server answered with an error status, or the
                body was larger than the limit.
        """
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    msg = (
                        f"{url} answered HTTP {response.status_code}. Check the URL "
                        "and that the server is up, then run again."
                    )
                    raise PipelineError(msg)
                content = self._read_limited(response, url)
        except httpx.TimeoutException:
            msg = f"{url} did not answer in time. Check the network, then run again."
            raise PipelineError(msg) from None
        except httpx.ConnectError:
            msg = (
                f"Could not connect to {url}. Check the address and your network "
                "(a VPN or proxy may be needed), then run again."
            )
            raise PipelineError(msg) from None
        except httpx.TransportError as exc:
            msg = (
                f"The connection to {url} failed mid-transfer "
                f"({type(exc).__name__}). Run again; if it persists, check the server."
            )
            raise PipelineError(msg) from None
        except httpx.InvalidURL:
            msg = f"{url!r} is not a valid URL. Pass an http(s) URL or a file path."
            raise PipelineError(msg) from None

        return Fetched(
            url=str(response.url),
            content=content,
            content_type=response.headers.get("content-type", ""),
        )

    def _read_limited(self, response: httpx.Response, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                msg = (
                    f"{url} sent more than {self._max_bytes} bytes, far more than a "
                    "spec. Check the URL."
                )
                raise PipelineError(msg)
            chunks.append(chunk)
        return b"".join(chunks)
