"""
The two sides of a diff: a git ref, the working tree, a local file or a URL.

Repository sides (a ref or `WORKTREE`) hold one snapshot per configured API in
`spec/<key>/`: the file `source.json` names (`file`), or else the first of
`swagger.json`, `swagger.yaml`, `openapi.json` and `openapi.yaml` that exists.
File and URL sides hold a single spec.

Each side is read the way the pipeline reads it: converted to OpenAPI 3, then
corrected by the API's overlay, so the diff describes the package users get.
"""

from __future__ import annotations

import copy
import enum
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bcc_regen.convert import to_openapi3
from bcc_regen.documents import parse_document
from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetcher
from bcc_regen.overlay import apply_overlay, load_overlay
from bcc_regen.snapshot import METADATA_FILE, SNAPSHOT_FILES

__all__ = ["WORKTREE", "LoadedSpec", "Side", "SideKind"]

WORKTREE = "WORKTREE"
_OVERLAY_FILE = "overlay.yaml"


class SideKind(enum.Enum):
    WORKTREE = "worktree"
    GIT = "git"
    FILE = "file"
    URL = "url"


@dataclass(frozen=True, kw_only=True)
class LoadedSpec:
    """
    One side's spec for one API, as the diff compares it.

    Attributes:
        document: The corrected OpenAPI 3 document; `None` if the side lacks it.
        source: Where the spec was read, for the report.
        overlay: Where the overlay applied to it was read, if one was.
        notes: Things the maintainer must look at, e.g. an overlay that no
            longer applies (the side is then compared without it).
    """

    document: dict[str, Any] | None
    source: str
    overlay: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Side:
    """One side of a diff, as given on the command line."""

    text: str
    kind: SideKind
    repo: Path

    @classmethod
    def parse(cls, text: str, *, repo: Path) -> Side:
        """
        Tell what a command-line side names.

        Raises:
            PipelineError: It is none of a file, a URL, `WORKTREE` or a git ref.
        """
        if text == WORKTREE:
            kind = SideKind.WORKTREE
        elif text.startswith(("http://", "https://")):
            kind = SideKind.URL
        elif Path(text).is_file():
            kind = SideKind.FILE
        elif _is_commit(text, repo):
            kind = SideKind.GIT
        else:
            msg = (
                f"{text!r} is not a spec file, an http(s) URL, {WORKTREE} or a git "
                f"ref of {repo}. Pass a release tag, a commit, a path or a URL."
            )
            raise PipelineError(msg)
        return cls(text=text, kind=kind, repo=repo)

    @property
    def in_repo(self) -> bool:
        """Whether this side holds every configured API (a ref or the worktree)."""
        return self.kind in {SideKind.WORKTREE, SideKind.GIT}

    def load(self, key: str, *, overlay: bool = True) -> LoadedSpec:
        """
        The spec for API `key` as corrected OpenAPI 3.

        A repository side uses the overlay it holds for the API; a file or URL
        side uses the working tree's, when `overlay` says the API is configured.

        Raises:
            PipelineError: The spec or its metadata cannot be read or converted.
        """
        location = self.snapshot(key)
        source = self._describe(location, key)
        if location is None:
            return LoadedSpec(document=None, source=source)

        data = self._read(location)
        document = to_openapi3(parse_document(data, source=source), source=source)
        if not overlay:
            return LoadedSpec(document=document, source=source)
        return self._corrected(document, key, source)

    def snapshot(self, key: str) -> str | None:
        """
        The path of API `key`'s snapshot on this side (`None` if it has none).

        For a file or URL side, the side itself.

        Raises:
            PipelineError: `source.json` is unreadable or names an unknown file.
        """
        if not self.in_repo:
            return self.text
        folder = f"spec/{key}"
        present = self._listing(folder)
        if METADATA_FILE in present:
            named = _named_snapshot(
                self._read(f"{folder}/{METADATA_FILE}"),
                where=self._describe(f"{folder}/{METADATA_FILE}", key),
            )
            if named in present:
                return f"{folder}/{named}"
        found = next((name for name in SNAPSHOT_FILES if name in present), None)
        return f"{folder}/{found}" if found else None

    def _corrected(self, document: dict[str, Any], key: str, source: str) -> LoadedSpec:
        path = f"spec/{key}/{_OVERLAY_FILE}"
        if self.kind is SideKind.GIT:
            where = f"{self.text}:{path}"
        else:
            where = f"{path} (working tree)"
        try:
            overlay = self._overlay(path)
        except PipelineError as exc:
            note = f"{where} could not be read, so {source} is compared without it: "
            return LoadedSpec(
                document=document, source=source, notes=(note + str(exc),)
            )
        if overlay is None:
            return LoadedSpec(document=document, source=source)

        corrected = copy.deepcopy(document)
        try:
            apply_overlay(corrected, overlay, name=where)
        except PipelineError as exc:
            note = (
                f"{where} does not apply to {source}, so that side is compared "
                f"without it; the pipeline stops on this spec until the overlay is "
                f"updated. {exc}"
            )
            return LoadedSpec(document=document, source=source, notes=(note,))
        return LoadedSpec(document=corrected, source=source, overlay=where)

    def _overlay(self, path: str) -> dict[str, Any] | None:
        if self.kind is not SideKind.GIT:
            return load_overlay(self.repo / path)
        if _OVERLAY_FILE not in self._listing(path.rpartition("/")[0]):
            return None

        # load_overlay reads a file; give it the overlay as it was at the ref.
        with tempfile.TemporaryDirectory(prefix="bcc-diff-overlay-") as tmp:
            copied = Path(tmp) / _OVERLAY_FILE
            copied.write_bytes(self._read(path))
            try:
                return load_overlay(copied)
            except PipelineError as exc:
                where = f"{self.text}:{path}"
                raise PipelineError(str(exc).replace(str(copied), where)) from None

    def _describe(self, location: str | None, key: str) -> str:
        if location is None:
            location = f"spec/{key}/"
        if self.kind is SideKind.GIT:
            return f"{self.text}:{location}"
        if self.kind is SideKind.WORKTREE:
            return f"{location} (working tree)"
        return self.text

    def _listing(self, folder: str) -> set[str]:
        """The file names in a repository folder on this side."""
        if self.kind is SideKind.WORKTREE:
            path = self.repo / folder
            if not path.is_dir():
                return set()
            return {p.name for p in path.iterdir() if p.is_file()}
        listed = _git(self.repo, "ls-tree", "--name-only", f"{self.text}:{folder}")
        return set(listed.decode(errors="replace").splitlines()) if listed else set()

    def _read(self, location: str) -> bytes:
        """The bytes of a file on this side (a repository path, file or URL)."""
        if self.kind is SideKind.WORKTREE:
            return (self.repo / location).read_bytes()
        if self.kind is SideKind.GIT:
            data = _git(self.repo, "cat-file", "blob", f"{self.text}:{location}")
            if data is None:
                msg = f"git could not read {self.text}:{location}. Check the ref."
                raise PipelineError(msg)
            return data
        if self.kind is SideKind.FILE:
            return Path(location).read_bytes()
        return _download(location)


def _named_snapshot(data: bytes, *, where: str) -> str | None:
    """The snapshot file `source.json` names, or `None` if it names none."""
    try:
        metadata = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        metadata = None
    if not isinstance(metadata, dict):
        msg = (
            f"{where} is not a JSON object, so the snapshot it describes cannot be "
            "told. Restore it from git, or pull the spec again."
        )
        raise PipelineError(msg)

    named = metadata.get("file")
    if named is not None and named not in SNAPSHOT_FILES:
        choices = ", ".join(SNAPSHOT_FILES)
        msg = (
            f"{where} names {named!r} as the snapshot; it must be one of {choices}. "
            "Fix its `file`, or pull the spec again."
        )
        raise PipelineError(msg)
    return named


def _is_commit(ref: str, repo: Path) -> bool:
    completed = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=repo,
        capture_output=True,
        check=False,
    )
    return completed.returncode == 0


def _git(repo: Path, *args: str) -> bytes | None:
    """Run git; its output, or `None` if it fails (e.g. no such path at the ref)."""
    completed = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, check=False
    )
    return completed.stdout if completed.returncode == 0 else None


def _download(url: str) -> bytes:
    with Fetcher() as fetcher:
        return fetcher.get(url).content
