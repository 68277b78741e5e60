"""The pipeline's single error type."""

from __future__ import annotations

__all__ = ["PipelineError"]


class PipelineError(Exception):
    """
    A failure the user can act on.

    The message is one or more complete sentences: what went wrong, then what to do.
    The command-line entry point prints it without a traceback and exits non-zero.
    """
