"""Run openapi-python-client and ruff, and refuse a client with pieces missing."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from openapi_python_client import generate
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bcc_regen.errors import PipelineError
from bcc_regen.paths import REPO_ROOT
from bcc_regen.scopes import render_scopes_module

__all__ = ["GENERATOR_CONFIG", "Generated", "generate_package"]

GENERATOR_CONFIG = REPO_ROOT / "spec" / "openapi-python-client.yaml"
_TEMPLATES = Path(__file__).parent / "templates"
_ENDPOINT_SKIPPED = re.compile(r"parsing (?P<method>[A-Z]+) (?P<path>\S+) within")
_SCHEMA_SKIPPED = re.compile(r"schema #?/components/schemas/(?P<name>[^\s:]+)")
# ruff runs with fixed settings, so the output never depends on a config file
# that happens to lie above the output folder.
_RUFF_CHECK = ("check", "--isolated", "--fix-only", "--select", "F401,I,UP", "--quiet")
_RUFF_FORMAT = ("format", "--isolated", "--line-length", "100", "--quiet")


@attrs.frozen
class Generated:
    """A generated package and what it holds."""

    package_dir: Path
    operations: int
    models: int


def generate_package(
    openapi: dict[str, Any],
    *,
    package: str,
    out_dir: Path,
    allowed_skips: Mapping[str, str] | None = None,
    config_path: Path = GENERATOR_CONFIG,
) -> Generated:
    """
    Generate `package` from an OpenAPI 3 document into `out_dir/package`.

    Raises:
        PipelineError: The generator failed, or skipped an operation or schema
            that `allowed_skips` does not name.
    """
    package_dir = out_dir / package
    config = _config(config_path, package, package_dir)

    with tempfile.TemporaryDirectory(prefix="bcc-openapi-") as folder:
        document = Path(folder, "openapi.json")
        document.write_text(json.dumps(openapi), encoding="utf-8")
        config = attrs.evolve(config, document_source=document)
        with contextlib.redirect_stdout(io.StringIO()):  # it narrates on stdout
            problems = generate(config=config, custom_template_path=_TEMPLATES)

    _raise_for(problems, package, allowed_skips or {})
    if not package_dir.is_dir():
        msg = f"openapi-python-client wrote nothing for {package}. Check the spec."
        raise PipelineError(msg)

    (package_dir / "py.typed").write_text("", encoding="utf-8")
    (package_dir / "scopes.py").write_text(render_scopes_module(openapi), "utf-8")
    _ruff(package_dir)

    return Generated(
        package_dir=package_dir,
        operations=sum(
            1
            for module in (package_dir / "api").rglob("*.py")
            if module.name != "__init__.py"
        ),
        models=sum(
            1
            for module in (package_dir / "models").glob("*.py")
            if module.name != "__init__.py"
        ),
    )


def _config(config_path: Path, package: str, package_dir: Path) -> Config:
    try:
        settings = ConfigFile.load_from_path(config_path)
        unknown = set(YAML(typ="safe").load(config_path) or {}) - set(
            ConfigFile.model_fields
        )
    except (OSError, ValueError, YAMLError) as exc:
        detail = " ".join(str(exc).split())[:200]
        msg = (
            f"The generator config {config_path} could not be read ({detail}). "
            "Fix the file; its keys are openapi-python-client's config keys."
        )
        raise PipelineError(msg) from None

    if unknown:
        msg = (
            f"The generator config {config_path} has keys openapi-python-client "
            f"does not know: {', '.join(sorted(unknown))}. Fix their spelling."
        )
        raise PipelineError(msg)

    settings = settings.model_copy(
        update={"package_name_override": package, "post_hooks": []}
    )
    return Config.from_sources(
        settings,
        MetaType.NONE,
        document_source=config_path,  # replaced by the real document later
        file_encoding="utf-8",
        overwrite=True,
        output_path=package_dir,
    )


def _raise_for(
    problems: Sequence[GeneratorError], package: str, allowed: Mapping[str, str]
) -> None:
    errors = [p for p in problems if p.level == ErrorLevel.ERROR]
    if errors:
        detail = "; ".join(_describe(p) for p in errors)
        msg = f"openapi-python-client could not generate {package}: {detail}"
        raise PipelineError(msg)

    skipped = [(_skipped_item(p), p) for p in problems]
    unexpected = [(item, p) for item, p in skipped if item not in allowed]
    if unexpected:
        listed = "; ".join(f"{item} ({_describe(p)})" for item, p in unexpected)
        msg = (
            f"openapi-python-client skipped parts of {package}: {listed}. Fix the "
            "spec with the API's overlay, or name each part under allowed_skips in "
            "spec/apis.toml with the reason it may be left out."
        )
        raise PipelineError(msg)


def _skipped_item(problem: GeneratorError) -> str:
    """Name what a warning left out: `GET /path` for an operation, else a schema."""
    header = problem.header or ""
    endpoint = _ENDPOINT_SKIPPED.search(header)
    if endpoint:
        return f"{endpoint['method']} {endpoint['path']}"
    schema = _SCHEMA_SKIPPED.search(f"{header} {problem.detail or ''}")
    return schema["name"] if schema else header.strip()


def _describe(problem: GeneratorError) -> str:
    parts = [problem.header or "", problem.detail or ""]
    text = " ".join(part.strip() for part in parts if part and part.strip())
    return " ".join(text.split())[:300]


def _ruff(package_dir: Path) -> None:
    for arguments in (_RUFF_CHECK, _RUFF_FORMAT):
        completed = subprocess.run(
            [sys.executable, "-m", "ruff", *arguments, str(package_dir)],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            output = " ".join((completed.stderr or completed.stdout).split())[:300]
            msg = f"ruff failed on the generated {package_dir.name}: {output}"
            raise PipelineError(msg)
