"""
The Python surface: what changes for code that imports the generated package.

Both sides are generated into temporary folders, loaded with griffe (static
analysis, nothing is imported) and compared with `griffe.find_breaking_changes`.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import griffe

from bcc_regen.diff._model import Finding, Level
from bcc_regen.generate import generate_package

__all__ = ["compare_packages", "python_surface"]

_Kind = griffe.BreakageKind

# Breakage kinds that break nobody in a generated package:
# - ATTRIBUTE_CHANGED_VALUE: class attribute values are field defaults (`UNSET`)
#   and enum member values; the enum values are judged by the spec rules already,
#   and a default alone changes no type a caller relies on.
_IGNORED_KINDS = frozenset({_Kind.ATTRIBUTE_CHANGED_VALUE})

_PARAMETER_KINDS = frozenset(
    {
        _Kind.PARAMETER_MOVED,
        _Kind.PARAMETER_REMOVED,
        _Kind.PARAMETER_CHANGED_KIND,
        _Kind.PARAMETER_CHANGED_DEFAULT,
        _Kind.PARAMETER_CHANGED_REQUIRED,
        _Kind.PARAMETER_ADDED_REQUIRED,
    }
)


def python_surface(
    old: dict[str, Any], new: dict[str, Any], *, package: str
) -> list[Finding]:
    """
    Generate the package for both documents and list its breaking changes.

    Args:
        old: The earlier OpenAPI 3 document.
        new: The later OpenAPI 3 document.
        package: The Python package name to generate both sides as.
    """
    with tempfile.TemporaryDirectory(prefix="bcc-diff-") as tmp:
        root = Path(tmp)
        old_pkg = generate_package(old, package=package, out_dir=root / "old")
        new_pkg = generate_package(new, package=package, out_dir=root / "new")
        return compare_packages(old_pkg.package_dir, new_pkg.package_dir)


def compare_packages(old_dir: Path, new_dir: Path) -> list[Finding]:
    """List the breaking changes between two versions of one package folder."""
    old, new = _load(old_dir), _load(new_dir)
    breakages = [b for b in griffe.find_breaking_changes(old, new) if _matters(b)]
    return _group(breakages)


def _load(package_dir: Path) -> griffe.Module:
    loaded = griffe.load(
        package_dir.name,
        search_paths=[package_dir.parent],
        try_relative_path=False,
        allow_inspection=False,
        resolve_aliases=True,
        extensions=griffe.load_extensions(_AttrsConstructors),
    )
    assert isinstance(loaded, griffe.Module)  # a package name always gives a module
    return loaded


class _AttrsConstructors(griffe.Extension):
    """
    Give each `@attrs.define` class the `__init__` attrs creates at run time.

    griffe's static analysis synthesises `__init__` for dataclasses only, so for
    the generated attrs models it sees no constructor at all, and a model whose
    required fields change would look unchanged. The constructor is derived here
    from the annotated class attributes, in order, as attrs does: no default means
    required, and fields declared with `init=False` are not arguments.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            if "__init__" not in cls.members and _is_attrs_class(cls):
                cls.set_member("__init__", _constructor(cls))


def _classes(obj: griffe.Object) -> Iterator[griffe.Class]:
    for member in obj.members.values():
        if isinstance(member, griffe.Class):
            yield member
            yield from _classes(member)
        elif isinstance(member, griffe.Module):
            yield from _classes(member)


def _is_attrs_class(cls: griffe.Class) -> bool:
    paths = {_canonical(d.value) for d in cls.decorators}
    return bool(paths & {"attrs.define", "attrs.frozen", "attr.s", "attr.define"})


def _canonical(value: object) -> str:
    return str(getattr(value, "canonical_path", value))


def _constructor(cls: griffe.Class) -> griffe.Function:
    parameters = [
        griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)
    ]
    for member in cls.members.values():
        if not isinstance(member, griffe.Attribute) or member.annotation is None:
            continue
        if "instance-attribute" not in member.labels or not _in_init(member):
            continue
        parameters.append(
            griffe.Parameter(
                member.name,
                annotation=member.annotation,
                kind=griffe.ParameterKind.positional_or_keyword,
                default=member.value,
            )
        )
    return griffe.Function(
        "__init__",
        parameters=griffe.Parameters(*parameters),
        returns="None",
        lineno=cls.lineno,
        endlineno=cls.lineno,
    )


def _in_init(attribute: griffe.Attribute) -> bool:
    value = attribute.value
    if not isinstance(value, griffe.ExprCall) or _canonical(value) != "attrs.field":
        return True
    return not any(
        isinstance(arg, griffe.ExprKeyword)
        and arg.name == "init"
        and arg.value == "False"
        for arg in value.arguments
    )


def _matters(breakage: griffe.Breakage) -> bool:
    """Drop what griffe flags but breaks no caller of a generated package."""
    if breakage.kind in _IGNORED_KINDS:
        return False
    # Private helpers (`_get_kwargs`, `_parse_response`) and private modules are no
    # interface, even where griffe cannot tell (modules without `__all__`).
    parts = breakage.obj.path.split(".")
    if any(p.startswith("_") and not p.startswith("__") for p in parts):
        return False
    if breakage.kind is _Kind.PARAMETER_CHANGED_DEFAULT:
        # griffe compares default expressions by object, so `UNSET` on both sides
        # counts as a change; only a different text is one.
        return str(breakage.old_value.default) != str(breakage.new_value.default)
    return True


def _level(breakage: griffe.Breakage) -> Level:
    # Model constructors list required fields first, so any field turning required
    # or optional reorders the arguments. Generated models are built with keyword
    # arguments in practice (they have many fields, and the docs show keywords), so
    # a moved constructor argument is a warning, not a break. Endpoint functions
    # keep only path parameters positional, and moving those is a real break.
    if breakage.kind is _Kind.PARAMETER_MOVED and breakage.obj.name == "__init__":
        return Level.WARNING
    # A changed default changes behaviour, not any signature a caller relies on.
    if breakage.kind is _Kind.PARAMETER_CHANGED_DEFAULT:
        return Level.WARNING
    return Level.BREAKING


def _group(breakages: Iterable[griffe.Breakage]) -> list[Finding]:
    """
    Merge breakages that differ only in the function they hit.

    Each endpoint module has `sync`, `sync_detailed`, `asyncio` and
    `asyncio_detailed` with the same parameters, so one renamed path parameter
    would otherwise be listed four times per operation.
    """
    groups: dict[tuple[str, str, str, Level], list[str]] = defaultdict(list)
    for breakage in breakages:
        if breakage.kind in _PARAMETER_KINDS:
            owner = breakage.obj.parent.path if breakage.obj.parent else ""
            target = breakage.obj.name
            subject = _parameter_name(breakage)
        else:
            owner, target, subject = breakage.obj.path, "", ""
        groups[(breakage.kind.value, owner, subject, _level(breakage))].append(target)

    findings = []
    for (kind_text, owner, subject, level), targets in sorted(
        groups.items(), key=lambda item: (item[0][1], item[0][0], item[0][2])
    ):
        findings.append(
            Finding(
                kind="python-" + _Kind(kind_text).name.lower().replace("_", "-"),
                message=_message(kind_text, owner, subject, targets),
                http=None,
                python=level,
            )
        )
    return findings


def _parameter_name(breakage: griffe.Breakage) -> str:
    value = breakage.old_value if breakage.old_value is not None else breakage.new_value
    return str(getattr(value, "name", value))


def _message(kind_text: str, owner: str, subject: str, targets: list[str]) -> str:
    if not subject:
        return f"{kind_text.lower()}: `{owner}`"
    phrase = kind_text.lower().replace("parameter", f"parameter `{subject}`", 1)
    names = ", ".join(f"`{t}`" for t in sorted(set(targets)))
    return f"{phrase} in {names} of `{owner}`"
