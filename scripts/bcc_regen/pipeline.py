"""
Regeneration, start to finish, as a list of steps.

Everything is built in a staging folder first. Only when every API has been
read, converted, corrected, validated and generated are `spec/` and
`generated/` touched, and then each file or package is swapped in whole, with a
rollback if the disk fails half-way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from bcc_regen.config import ApiConfig, load_apis
from bcc_regen.convert import Conversion
from bcc_regen.documents import parse_document, spec_format
from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetcher
from bcc_regen.generate import GENERATOR_CONFIG, Generated, generate_package
from bcc_regen.overlay import apply_overlay, load_overlay
from bcc_regen.snapshot import METADATA_FILE, Snapshot, read_snapshot, snapshot_paths
from bcc_regen.sources import Source, pull
from bcc_regen.validate import ValidationProcess, check_references, validate_spec

__all__ = ["PreparedSpec", "prepare_spec", "regenerate", "select_apis"]

Report = Callable[[str], None]


def regenerate(
    *,
    config_path: Path,
    generated_dir: Path,
    source: str | None = None,
    api_name: str | None = None,
    generator_config: Path | None = None,
    fetcher: Fetcher | None = None,
    report: Report = print,
) -> list[Generated]:
    """
    Regenerate the clients of the configured APIs.

    Without `source` every API (or the one named `api_name`) is rebuilt from its
    committed snapshot. With `source`, the specs are pulled first and the
    snapshots are replaced too. The generator's settings come from
    `openapi-python-client.yaml` beside the API list unless `generator_config`
    names another file.
    """
    apis = select_apis(load_apis(config_path), api_name)
    generator_config = generator_config or config_path.parent / GENERATOR_CONFIG.name

    pulled: dict[str, Snapshot] = {}
    if source is not None:
        with fetcher or Fetcher() as client:
            pulled = pull(client, Source.parse(source), apis)

    try:
        results = _build_and_swap(apis, pulled, generated_dir, generator_config, report)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        msg = (
            f"Writing the new files failed: {exc.strerror or exc}{where}. Nothing in "
            "spec/ or generated/ was changed. Free some disk space or fix the "
            "permissions, then run again."
        )
        raise PipelineError(msg) from None

    return [
        Generated(generated_dir / api.package, r.operations, r.models)
        for api, r in zip(apis, results, strict=True)
    ]


def _build_and_swap(
    apis: list[ApiConfig],
    pulled: dict[str, Snapshot],
    generated_dir: Path,
    generator_config: Path,
    report: Report,
) -> list[Generated]:
    generated_dir.mkdir(parents=True, exist_ok=True)
    with _staging(generated_dir.parent) as staging:
        results = []
        for api in apis:
            snapshot = pulled.get(api.key) or read_snapshot(api)
            prepared = prepare_spec(api, snapshot, report=report)
            # The corrected spec is validated on the other core while the
            # generator works on it (into staging, so nothing is lost if it
            # turns out invalid).
            check = ValidationProcess(
                prepared.openapi,
                folder=staging,
                source=f"{prepared.source} after its overlay",
            )
            try:
                result = generate_package(
                    prepared.openapi,
                    package=api.package,
                    out_dir=staging / "generated",
                    allowed_skips=api.allowed_skips,
                    config_path=generator_config,
                )
            except PipelineError:
                prepared.after_validation(check)  # an invalid spec explains more
                raise
            except BaseException:
                check.stop()
                raise
            prepared.after_validation(check)
            report(
                f"{api.key}: generated {api.package} with {result.operations} "
                f"operations and {result.models} models"
            )
            results.append(result)

        with _Swap(staging / "old") as swap:
            for api, result in zip(apis, results, strict=True):
                swap.replace(result.package_dir, generated_dir / api.package)
            for api in apis:
                if api.key in pulled:
                    _stage_snapshot(swap, staging, api, pulled[api.key], report)
    return results


def select_apis(apis: list[ApiConfig], name: str | None) -> list[ApiConfig]:
    """All APIs, or the one whose explorer name or key is `name`."""
    if name is None:
        return apis
    chosen = [api for api in apis if name in (api.name, api.key)]
    if not chosen:
        names = ", ".join(repr(api.name) for api in apis)
        msg = f"No configured API is named {name!r}. Configured: {names}."
        raise PipelineError(msg)
    return chosen


@attrs.frozen
class PreparedSpec:
    """An API's spec as pulled, and as converted and corrected for the generator."""

    source: str
    document: dict[str, Any] = attrs.field(repr=False)
    openapi: dict[str, Any] = attrs.field(repr=False)

    def after_validation(self, check: ValidationProcess) -> None:
        """
        Wait for the validation of what the generator reads. When it is invalid,
        the published spec is validated too, so the message blames the spec when
        the spec is at fault, and the conversion or the overlay otherwise.
        """
        try:
            check.wait()
        except PipelineError:
            validate_spec(self.document, source=self.source)
            raise


def prepare_spec(api: ApiConfig, snapshot: Snapshot, *, report: Report) -> PreparedSpec:
    """Parse, check, convert and correct one API's spec; validation comes later."""
    source = f"the {api.name!r} spec ({snapshot.file_name})"
    document = parse_document(snapshot.content, source=source)
    found = spec_format(document, source=source)
    _check_title(api, document, source, snapshot)
    with Conversion(document, source=source) as conversion:
        check_references(document, source=source)
        try:
            openapi = conversion.result()
        except PipelineError:
            validate_spec(document, source=source)  # the likelier explanation
            raise

    overlay = load_overlay(api.overlay_path)
    if overlay is not None:
        apply_overlay(openapi, overlay, name=str(api.overlay_path))
    check_references(openapi, source=f"{source} after its overlay")

    actions = len(overlay["actions"]) if overlay else 0
    report(
        f"{api.key}: read {found} ({snapshot.sha256[:12]}), converted to OpenAPI "
        f"{openapi.get('openapi')}, applied {actions} overlay actions"
    )
    return PreparedSpec(source=source, document=document, openapi=openapi)


def _check_title(
    api: ApiConfig, document: dict[str, Any], source: str, snapshot: Snapshot
) -> None:
    title = (document.get("info") or {}).get("title")
    if api.title is None or title == api.title:
        return
    how = str(snapshot.metadata.get("obtained_by", ""))
    cause = (
        "the explorer served another API's spec under this name, or the API "
        "was renamed. Check the explorer's configuration"
        if how.startswith("explorer")
        else "this is not the spec of that API. Check the source"
    )
    msg = (
        f"{source} is titled {title!r}, but {api.name!r} should be {api.title!r}: "
        f"{cause}, or the title in spec/apis.toml."
    )
    raise PipelineError(msg)


def _stage_snapshot(
    swap: _Swap, staging: Path, api: ApiConfig, snapshot: Snapshot, report: Report
) -> None:
    try:
        current = read_snapshot(api)
    except PipelineError:
        current = None
    if current is not None and current.sha256 == snapshot.sha256:
        report(f"{api.key}: the pulled spec is unchanged; snapshot kept")
        return

    folder = staging / "spec" / api.key
    folder.mkdir(parents=True)
    (folder / snapshot.file_name).write_bytes(snapshot.content)
    (folder / METADATA_FILE).write_bytes(snapshot.metadata_bytes())
    for target in snapshot_paths(api):
        new = folder / target.name
        swap.replace(new if new.exists() else None, target)
    report(f"{api.key}: snapshot updated from {snapshot.metadata['source_url']}")


@contextmanager
def _staging(parent: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=".regen-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class _Swap:
    """
    Replace files and folders as one change: all of them, or none.

    Each target is first moved aside into `trash`, then the new version is moved
    in. If anything fails, the moves are undone in reverse order.
    """

    def __init__(self, trash: Path) -> None:
        self._trash = trash
        # (target, where its old version goes, its new version): written down
        # before anything moves, so an interrupt at any point can be undone.
        self._planned: list[tuple[Path, Path | None, Path | None]] = []

    def __enter__(self) -> _Swap:
        self._trash.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is not None:
            self._undo()

    def replace(self, new: Path | None, target: Path) -> None:
        """Put `new` at `target`; with `new` None, remove `target`."""
        if new is None and not target.exists():
            return
        backup = None
        if target.exists():
            backup = self._trash / f"{len(self._planned)}-{target.name}"
        self._planned.append((target, backup, new))
        if backup is not None:
            os.replace(target, backup)
        if new is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new, target)

    def _undo(self) -> None:
        for target, backup, new in reversed(self._planned):
            moved_in = new is not None and not new.exists()
            moved_aside = backup is not None and backup.exists()
            if moved_in or moved_aside:
                _delete(target)
            if moved_aside:
                assert backup is not None
                os.replace(backup, target)


def _delete(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
