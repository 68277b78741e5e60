"""
The Python surface: what changes for code that imports the generated package.

Both sides are generated into temporary folders, loaded with griffe (static
analysis, nothing is imported) and compared with `griffe.find_breaking_changes`.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import redirect_stdout
from dataclasses import dataclass
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

_OPTIONAL_MARKERS = frozenset({"Unset", "None"})

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
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    package: str,
    allowed_skips: Mapping[str, str] | None = None,
) -> list[Finding]:
    """
    Generate the package for both documents and list its breaking changes.

    Args:
        old: The earlier OpenAPI 3 document.
        new: The later OpenAPI 3 document.
        package: The Python package name to generate both sides as.
        allowed_skips: Parts the generator may skip, as in the API's config.

    Raises:
        PipelineError: Either side cannot be generated.
    """
    # The generator prints progress on stdout, which may be carrying the report.
    with (
        tempfile.TemporaryDirectory(prefix="bcc-diff-") as tmp,
        redirect_stdout(sys.stderr),
    ):
        root = Path(tmp)
        old_pkg, new_pkg = (
            generate_package(
                document,
                package=package,
                out_dir=root / side,
                allowed_skips=allowed_skips,
            )
            for document, side in ((old, "old"), (new, "new"))
        )
        return compare_packages(old_pkg.package_dir, new_pkg.package_dir)


def compare_packages(old_dir: Path, new_dir: Path) -> list[Finding]:
    """List the breaking changes between two versions of one package folder."""
    old, new = _load(old_dir), _load(new_dir)
    breakages = [b for b in griffe.find_breaking_changes(old, new) if _matters(b)]
    return _group([*_hits(breakages), *_annotation_hits(old, new)])


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
    # Model constructors (the synthesised `__init__`) follow the required flags of
    # the schema. Whether a flag change breaks anyone depends on whether the model
    # is sent or received, which only the spec knows: the spec rules judge it with
    # that context (breaking for request bodies). Here it is a warning, for callers
    # who build response models by hand, e.g. in tests. Moved constructor
    # arguments follow from the same flags, since attrs puts required ones first.
    if breakage.obj.name == "__init__" and breakage.kind in _PARAMETER_KINDS:
        return Level.WARNING
    # A changed default changes behaviour, not any signature a caller relies on.
    if breakage.kind is _Kind.PARAMETER_CHANGED_DEFAULT:
        return Level.WARNING
    return Level.BREAKING


@dataclass(frozen=True, kw_only=True)
class _Hit:
    """One breakage, before hits that differ only in `target` are merged."""

    kind: str
    owner: str
    text: str  # may hold `{targets}`, filled with the merged target names
    level: Level
    target: str = ""
    subject: str = ""


def _hits(breakages: list[griffe.Breakage]) -> list[_Hit]:
    removed_modules = {
        b.obj.path: b
        for b in breakages
        if b.kind is _Kind.OBJECT_REMOVED and isinstance(b.obj, griffe.Module)
    }
    module_paths, hits = set(removed_modules), []
    for breakage in breakages:
        if breakage.obj.path in module_paths:
            continue  # reported below, or with the class it held
        if breakage.kind in _PARAMETER_KINDS:
            hits.append(_parameter_hit(breakage))
            continue
        text = f"{breakage.kind.value.lower()}: `{{owner}}`"
        module = _defining_module(breakage.obj)
        if breakage.kind is _Kind.OBJECT_REMOVED and module in removed_modules:
            text += f" (with its module `{module}`)"
            removed_modules.pop(module)
        kind, level = _kind_name(breakage.kind), _level(breakage)
        hits.append(_Hit(kind=kind, owner=breakage.obj.path, text=text, level=level))

    for path in removed_modules:
        text = f"{_Kind.OBJECT_REMOVED.value.lower()}: `{{owner}}`"
        kind = _kind_name(_Kind.OBJECT_REMOVED)
        hits.append(_Hit(kind=kind, owner=path, text=text, level=Level.BREAKING))
    return _pair_renames(hits)


def _parameter_hit(breakage: griffe.Breakage) -> _Hit:
    value = breakage.old_value if breakage.old_value is not None else breakage.new_value
    name = str(getattr(value, "name", value))
    phrase = breakage.kind.value.lower().replace("parameter", f"parameter `{name}`", 1)
    owner = breakage.obj.parent.path if breakage.obj.parent else ""
    return _Hit(
        kind=_kind_name(breakage.kind),
        owner=owner,
        text=phrase + " in {targets} of `{owner}`",
        level=_level(breakage),
        target=breakage.obj.name,
        subject=name,
    )


def _defining_module(obj: griffe.Object | griffe.Alias) -> str:
    if isinstance(obj, griffe.Alias):
        return obj.target_path.rpartition(".")[0]
    return ""


def _pair_renames(hits: list[_Hit]) -> list[_Hit]:
    """
    Show a removed parameter plus a new required one in one function as a rename.

    This is how griffe sees a renamed path parameter (`id` to `uid`).
    """
    by_function: dict[tuple[str, str], list[_Hit]] = defaultdict(list)
    for hit in hits:
        if hit.kind in {"parameter-removed", "parameter-added-required"}:
            by_function[(hit.owner, hit.target)].append(hit)

    for (owner, target), pair in by_function.items():
        if sorted(h.kind for h in pair) != [
            "parameter-added-required",
            "parameter-removed",
        ]:
            continue
        old, new = sorted(pair, key=lambda h: h.kind != "parameter-removed")
        hits = [h for h in hits if h not in pair]
        text = f"parameter `{old.subject}` was renamed to `{new.subject}`"
        hits.append(
            _Hit(
                kind="parameter-renamed",
                owner=owner,
                text=text + " in {targets} of `{owner}`",
                level=Level.BREAKING,
                target=target,
                subject=f"{old.subject}->{new.subject}",
            )
        )
    return hits


def _kind_name(kind: griffe.BreakageKind) -> str:
    return kind.name.lower().replace("_", "-")


def _group(hits: Iterable[_Hit]) -> list[Finding]:
    """
    Merge hits that differ only in the function they hit.

    Each endpoint module has `sync`, `sync_detailed`, `asyncio` and
    `asyncio_detailed` with the same parameters, so one renamed path parameter
    would otherwise be listed four times per operation.
    """
    groups: dict[tuple[str, str, str, str, Level], list[str]] = defaultdict(list)
    for hit in hits:
        groups[(hit.owner, hit.kind, hit.subject, hit.text, hit.level)].append(
            hit.target
        )

    findings = []
    ordered = sorted(groups.items(), key=lambda item: item[0][:3])
    for (owner, kind, _, text, level), targets in ordered:
        names = ", ".join(f"`{t}`" for t in sorted(set(targets)))
        findings.append(
            Finding(
                kind=f"python-{kind}",
                message=text.format(owner=owner, targets=names),
                http=None,
                python=level,
            )
        )
    return findings


def _annotation_hits(old: griffe.Module, new: griffe.Module) -> Iterator[_Hit]:
    """
    Compare type annotations, which griffe 2.4 does not (its diff leaves them out).

    Attributes of models are read by callers: a type that gains a member (`str`
    to `str | Unset`) breaks them, one that loses a member does not. Function
    parameters are written by callers, so the other way round. A return type that
    gains a member is a warning: typed callers must handle one more case.
    """
    for old_obj in _public_objects(old):
        try:
            new_obj = new[old_obj.path.partition(".")[2]]
        except KeyError:
            continue  # reported by griffe as removed
        if isinstance(old_obj, griffe.Attribute) and isinstance(
            new_obj, griffe.Attribute
        ):
            yield from _attribute_hit(old_obj, new_obj)
        elif isinstance(old_obj, griffe.Function) and isinstance(
            new_obj, griffe.Function
        ):
            yield from _function_hits(old_obj, new_obj)


def _public_objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    for name, member in obj.members.items():
        if isinstance(member, griffe.Alias) or name == "__init__":
            continue  # aliases are checked where defined; `__init__` via attributes
        if name.startswith("_") and not name.startswith("__"):
            continue
        yield member
        if isinstance(member, griffe.Module | griffe.Class):
            yield from _public_objects(member)


def _attribute_hit(old: griffe.Attribute, new: griffe.Attribute) -> Iterator[_Hit]:
    before, after = _members(old.annotation), _members(new.annotation)
    # Gaining only `Unset` or `None` is a property turning optional or nullable,
    # which the spec rules judge with the context this code cannot see (breaking
    # in a response, harmless in a request body).
    # Losing members only narrows what a reader gets, which breaks nobody.
    if after - before <= _OPTIONAL_MARKERS:
        return

    text = (
        f"type of attribute `{old.name}` changed from `{old.annotation}` to "
        f"`{new.annotation}` in `{{owner}}`"
    )
    owner = old.parent.path if old.parent else ""
    yield _Hit(
        kind="attribute-changed-type", owner=owner, text=text, level=Level.BREAKING
    )


def _function_hits(old: griffe.Function, new: griffe.Function) -> Iterator[_Hit]:
    owner = old.parent.path if old.parent else ""
    for param in old.parameters:
        if param.name not in new.parameters:
            continue
        counterpart = new.parameters[param.name]
        before, after = _members(param.annotation), _members(counterpart.annotation)
        if before != after and not before <= after:
            text = (
                f"type of parameter `{param.name}` changed from `{param.annotation}` "
                f"to `{counterpart.annotation}` in {{targets}} of `{{owner}}`"
            )
            yield _Hit(
                kind="parameter-changed-type",
                owner=owner,
                text=text,
                level=Level.BREAKING,
                target=old.name,
                subject=param.name,
            )

    before, after = _members(old.returns), _members(new.returns)
    if before != after and not after <= before:
        text = (
            f"return type changed from `{old.returns}` to `{new.returns}` in "
            "{targets} of `{owner}`"
        )
        yield _Hit(
            kind="return-changed-type",
            owner=owner,
            text=text,
            level=Level.WARNING,
            target=old.name,
        )


def _members(annotation: object) -> frozenset[str]:
    """The members of a `A | B | None` annotation, split at the top level only."""
    if annotation is None:
        return frozenset()
    text, members, depth, start = str(annotation), [], 0, 0
    for index, char in enumerate(text):
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            members.append(text[start:index].strip())
            start = index + 1
    members.append(text[start:].strip())
    return frozenset(members)
