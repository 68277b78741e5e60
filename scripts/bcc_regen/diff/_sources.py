"""
The two sides of a diff: a git ref, the working tree, a local file or a URL.

Repository sides (a ref or `WORKTREE`) hold one snapshot per configured API at
`spec/<key>/swagger.json`; file and URL sides hold a single spec.
"""

from __future__ import annotations

import enum
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bcc_regen.convert import to_openapi3
from bcc_regen.documents import parse_document
from bcc_regen.errors import PipelineError
from bcc_regen.fetch import Fetcher

__all__ = ["WORKTREE", "Side", "SideKind", "snapshot_path"]

WORKTREE = "WORKTREE"
_SNAPSHOT_FILE = "swagger.json"


class SideKind(enum.Enum):
    WORKTREE = "worktree"
    GIT = "git"
    FILE = "file"
    URL = "url"


def snapshot_path(key: str) -> str:
    """The repository path of an API's snapshot, as git names it."""
    return f"spec/{key}/{_SNAPSHOT_FILE}"


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

    def describe(self, key: str) -> str:
        if self.kind is SideKind.GIT:
            return f"{self.text}:{snapshot_path(key)}"
        if self.kind is SideKind.WORKTREE:
            return f"{snapshot_path(key)} (working tree)"
        return self.text

    def read(self, key: str) -> bytes | None:
        """
        The spec bytes for API `key`; `None` if this ref or tree lacks the API.

        Raises:
            PipelineError: The file, URL or git object cannot be read.
        """
        if self.kind is SideKind.WORKTREE:
            path = self.repo / snapshot_path(key)
            return path.read_bytes() if path.is_file() else None
        if self.kind is SideKind.GIT:
            return _git_show(self.repo, self.text, snapshot_path(key))
        if self.kind is SideKind.FILE:
            return Path(self.text).read_bytes()
        return _download(self.text)

    def load(self, key: str) -> dict[str, Any] | None:
        """The spec for API `key` as normalised OpenAPI 3, or `None` if absent."""
        data = self.read(key)
        if data is None:
            return None
        source = self.describe(key)
        return to_openapi3(parse_document(data, source=source), source=source)


def _is_commit(ref: str, repo: Path) -> bool:
    completed = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=repo,
        capture_output=True,
        check=False,
    )
    return completed.returncode == 0


def _git_show(repo: Path, ref: str, path: str) -> bytes | None:
    exists = subprocess.run(
        ["git", "cat-file", "-e", f"{ref}:{path}"],
        cwd=repo,
        capture_output=True,
        check=False,
    )
    if exists.returncode != 0:
        return None
    completed = subprocess.run(
        ["git", "show", f"{ref}:{path}"], cwd=repo, capture_output=True, check=False
    )
    if completed.returncode != 0:
        detail = completed.stderr.decode(errors="replace").strip()
        msg = f"git could not show {ref}:{path} ({detail}). Check the ref."
        raise PipelineError(msg)
    return completed.stdout


def _download(url: str) -> bytes:
    with Fetcher() as fetcher:
        return fetcher.get(url).content
