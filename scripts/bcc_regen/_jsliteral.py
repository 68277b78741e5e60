"""
Read the object literals in a Swagger UI start-up script without running it.

Explorer pages configure Swagger UI in JavaScript: swagger-ui-express writes
`var options = {...}` into `swagger-ui-init.js`, and stock Swagger UI calls
`SwaggerUIBundle({...})`. Those literals are almost JSON, but keys may be bare,
strings may use single quotes, and some values are code (functions, identifiers,
calls). This module parses the literal parts and replaces each piece of code with
`CODE`, so a function-valued option never breaks discovery and is never executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = ["CODE", "find_object_literals"]


class _Code:
    """Stands for a value that is code rather than a literal."""

    def __repr__(self) -> str:
        return "CODE"


CODE: Final = _Code()

_TOKEN = re.compile(
    r"""
      (?P<space>\s+|//[^\n]*|/\*.*?\*/)
    | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
    | (?P<number>-?(?:0[xX][0-9a-fA-F]+|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+))
    | (?P<name>[A-Za-z_$][\w$]*)
    | (?P<punct>=>|\.\.\.|[{}\[\](),:;.=+\-*/!?<>&|%])
    """,
    re.VERBOSE | re.DOTALL,
)
_OPENERS: Final = {"{": "}", "[": "]", "(": ")"}
_CLOSERS: Final = frozenset(_OPENERS.values())
_KEYWORDS: Final[dict[str, object]] = {
    "true": True,
    "false": False,
    "null": None,
    "undefined": None,
}


def find_object_literals(script: str, anchor: re.Pattern[str]) -> Iterator[object]:
    """
    Yield the object literal that starts at the end of each match of `anchor`.

    `anchor` must end just before the literal's opening brace, for example
    `options\\s*=\\s*` or `SwaggerUIBundle\\(\\s*`. Literals that cannot be
    read are skipped.
    """
    for match in anchor.finditer(script):
        start = match.end()
        if script[start : start + 1] != "{":
            continue
        try:
            parser = _Parser(script, start)
            yield parser.value()
        except (_SyntaxError, RecursionError):  # not a literal we can read
            continue


class _SyntaxError(Exception):
    pass


class _Parser:
    def __init__(self, text: str, start: int) -> None:
        self._tokens = self._tokenize(text, start)
        self._peeked: tuple[str, str] | None = None

    @staticmethod
    def _tokenize(text: str, start: int) -> Iterator[tuple[str, str]]:
        position = start
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None:
                raise _SyntaxError
            position = match.end()
            kind = match.lastgroup
            assert kind is not None
            if kind != "space":
                yield kind, match.group()

    def _peek(self) -> tuple[str, str]:
        if self._peeked is None:
            self._peeked = next(self._tokens, ("end", ""))
        return self._peeked

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        self._peeked = None
        return token

    def value(self) -> object:
        kind, text = self._peek()
        result: object
        if text == "{":
            result = self._object()
        elif text == "[":
            result = self._array()
        elif kind == "string":
            self._take()
            result = _string(text)
        elif kind == "number":
            self._take()
            result = _number(text)
        elif kind == "name" and text in _KEYWORDS:
            self._take()
            result = _KEYWORDS[text]
        else:
            return self._skip_code()

        if self._peek()[1] not in {",", "}", "]", ")", ";", "end"}:
            return self._skip_code()  # the literal is part of a larger expression
        return result

    def _object(self) -> dict[str, object]:
        self._take()
        result: dict[str, object] = {}
        while self._peek()[1] != "}":
            kind, text = self._take()
            if kind in {"string", "name", "number"} and self._peek()[1] == ":":
                self._take()
                key = _string(text) if kind == "string" else text
                result[key] = self.value()
            else:
                self._skip_code()  # a spread, method or shorthand member
            self._separator("}")
        self._take()
        return result

    def _array(self) -> list[object]:
        self._take()
        result: list[object] = []
        while self._peek()[1] != "]":
            result.append(self.value())
            self._separator("]")
        self._take()
        return result

    def _separator(self, closer: str) -> None:
        kind, text = self._peek()
        if text == ",":
            self._take()
        elif text != closer or kind == "end":
            raise _SyntaxError

    def _skip_code(self) -> _Code:
        """Skip one expression that is code: up to a comma or closer at depth 0."""
        depth: list[str] = []
        while True:
            kind, text = self._peek()
            if kind == "end":
                raise _SyntaxError
            if not depth and (text in {",", ";"} or text in _CLOSERS):
                return CODE
            self._take()
            if text in _OPENERS:
                depth.append(_OPENERS[text])
            elif text in _CLOSERS and depth.pop() != text:
                raise _SyntaxError


_ESCAPE = re.compile(
    r"\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|(\r\n|.))",
    re.DOTALL,
)
_SIMPLE_ESCAPES: Final = {
    "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0",
    "\n": "", "\r\n": "",  # a backslash before a line break continues the line
}  # fmt: skip


def _string(token: str) -> str:
    """The value of a JavaScript string literal, with its escapes decoded."""
    return _ESCAPE.sub(_unescape, token[1:-1])


def _unescape(match: re.Match[str]) -> str:
    hex_byte, code_point, utf16, other = match.groups()
    number = hex_byte or code_point or utf16
    if number is not None:
        value = int(number, 16)
        return chr(value) if value <= 0x10FFFF else "\ufffd"
    return _SIMPLE_ESCAPES.get(other, other)


def _number(token: str) -> int | float:
    if token.lower().startswith(("0x", "-0x")):
        return int(token, 16)
    value = float(token)
    return int(value) if value.is_integer() and "." not in token else value
