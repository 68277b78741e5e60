"""The list of APIs to regenerate, read from `spec/apis.toml`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import attrs

from bcc_regen.errors import PipelineError

__all__ = ["ApiConfig", "load_apis"]


@attrs.frozen(kw_only=True)
class ApiConfig:
    """
    One API the pipeline keeps a client for.

    Attributes:
        key: Folder name under `spec/`, e.g. `core`.
        name: The API's name in the explorer's list, e.g. `Core documentation`.
        title: The `info.title` a pulled spec must carry; guards against an
            explorer that serves another API's document under this name.
        package: Python package generated into `generated/`.
        spec_dir: Folder holding the snapshot, its metadata and the overlay.
        allowed_skips: Generator warnings to tolerate, each with a reason, keyed by
            the operation (`GET /path`) or schema name the generator skipped.
    """

    key: str
    name: str
    title: str | None
    package: str
    spec_dir: Path
    allowed_skips: dict[str, str]

    @property
    def overlay_path(self) -> Path:
        return self.spec_dir / "overlay.yaml"


def load_apis(path: Path) -> list[ApiConfig]:
    """Read and check the API list; raise `PipelineError` on any mistake in it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"The API list {path} does not exist. Create it or pass --config."
        raise PipelineError(msg) from None
    except tomllib.TOMLDecodeError as exc:
        msg = f"The API list {path} is not valid TOML ({exc}). Fix the file."
        raise PipelineError(msg) from None

    tables = data.get("apis")
    if not isinstance(tables, dict) or not tables:
        msg = f"The API list {path} has no [apis.<key>] table. Add one per API."
        raise PipelineError(msg)

    return [_read_api(key, table, path) for key, table in tables.items()]


def _read_api(key: str, table: object, path: Path) -> ApiConfig:
    where = f"[apis.{key}] in {path}"
    if not isinstance(table, dict):
        msg = f"{where} must be a table."
        raise PipelineError(msg)

    missing = [field for field in ("name", "package") if field not in table]
    if missing:
        msg = f"{where} lacks {', '.join(missing)}. Add the missing keys."
        raise PipelineError(msg)

    skips = table.get("allowed_skips", {})
    if not isinstance(skips, dict) or not all(
        isinstance(reason, str) and reason.strip() for reason in skips.values()
    ):
        msg = f"{where}: every entry of allowed_skips needs a reason as a string."
        raise PipelineError(msg)

    package = str(table["package"])
    if not package.isidentifier():
        msg = f"{where}: package {package!r} is not a valid Python package name."
        raise PipelineError(msg)

    return ApiConfig(
        key=key,
        name=str(table["name"]),
        title=table.get("title"),
        package=package,
        spec_dir=path.parent / key,
        allowed_skips=dict(skips),
    )
