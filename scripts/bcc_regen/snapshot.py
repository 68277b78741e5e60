"""The committed snapshot of each API's spec: the bytes as pulled, plus metadata."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from bcc_regen.config import ApiConfig
from bcc_regen.errors import PipelineError

__all__ = [
    "METADATA_FILE",
    "SNAPSHOT_FILES",
    "Snapshot",
    "read_snapshot",
    "snapshot_file_name",
    "snapshot_paths",
]

METADATA_FILE = "source.json"
SNAPSHOT_FILES = ("swagger.json", "swagger.yaml", "openapi.json", "openapi.yaml")
"""The names a snapshot may have, in the order they are looked for."""


@attrs.frozen(kw_only=True)
class Snapshot:
    """A spec's bytes and where they came from."""

    content: bytes = attrs.field(repr=False)
    file_name: str
    metadata: dict[str, Any]

    @classmethod
    def pulled(
        cls, *, api: ApiConfig, content: bytes, spec_format: str, url: str, how: str
    ) -> Snapshot:
        """A snapshot of a spec just downloaded from `url`."""
        file_name = snapshot_file_name(content, spec_format)
        return cls(
            content=content,
            file_name=file_name,
            metadata={
                "api": api.name,
                "file": file_name,
                "format": spec_format,
                "obtained_by": how,
                "retrieved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "sha256": hashlib.sha256(content).hexdigest(),
                "source_url": url,
            },
        )

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def metadata_bytes(self) -> bytes:
        return (json.dumps(self.metadata, indent=2, sort_keys=True) + "\n").encode()


def snapshot_file_name(content: bytes, spec_format: str) -> str:
    stem = "swagger" if spec_format == "swagger-2.0" else "openapi"
    is_json = content.lstrip()[:1] in (b"{", b"[")
    return f"{stem}.json" if is_json else f"{stem}.yaml"


def read_snapshot(api: ApiConfig) -> Snapshot:
    """
    Read the committed snapshot of `api`.

    Raises:
        PipelineError: There is none, or its bytes do not match the recorded hash.
    """
    meta_path = api.spec_dir / METADATA_FILE
    metadata: Any = {}
    if meta_path.exists():
        try:
            metadata = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            metadata = None
        if not isinstance(metadata, dict):
            msg = (
                f"{meta_path} is not a JSON object. Restore it (git checkout), or "
                "pull the spec again."
            )
            raise PipelineError(msg)

    if metadata.get("file", SNAPSHOT_FILES[0]) not in SNAPSHOT_FILES:
        msg = (
            f"{meta_path} names the snapshot {metadata['file']!r}, which is not one "
            f"of {', '.join(SNAPSHOT_FILES)}. Restore the file (git checkout)."
        )
        raise PipelineError(msg)
    names = [metadata["file"]] if "file" in metadata else list(SNAPSHOT_FILES)
    spec_path = next(
        (api.spec_dir / n for n in names if (api.spec_dir / n).exists()), None
    )
    if spec_path is None:
        msg = (
            f"No snapshot of {api.name!r} in {api.spec_dir}. Pull one first: "
            "nox -s regenerate -- --from sandbox"
        )
        raise PipelineError(msg)

    snapshot = Snapshot(
        content=spec_path.read_bytes(), file_name=spec_path.name, metadata=metadata
    )
    recorded = metadata.get("sha256")
    if recorded and recorded != snapshot.sha256:
        msg = (
            f"{spec_path} does not match the sha256 in {meta_path}: the snapshot was "
            "edited by hand. Restore it (git checkout), or pull it again."
        )
        raise PipelineError(msg)
    return snapshot


def snapshot_paths(api: ApiConfig) -> list[Path]:
    """Files that make up the snapshot of `api` (for replacing them together)."""
    return [api.spec_dir / n for n in (*SNAPSHOT_FILES, METADATA_FILE)]
