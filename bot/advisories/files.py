"""Read YAML content files, keeping the line of every field for error messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content: `file:line: field: what is wrong`."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class YamlDocument:
    """The parsed data of one file and the line of each path in it."""

    path: Path
    data: Any
    lines: dict[tuple[str | int, ...], int]

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The line of the deepest known node on `loc` (1-based)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def problem(self, loc: tuple[str | int, ...], message: str) -> Problem:
        field = ".".join(str(part) for part in loc) or "(file)"
        return Problem(str(self.path), self.line_of(loc), field, message)


def _walk(
    node: yaml.Node, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], int]]:
    yield path, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(value, (*path, str(key.value)))
            yield (*path, str(key.value)), key.start_mark.line + 1  # the key's line wins
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*path, index))


def read_yaml(path: Path) -> YamlDocument | Problem:
    """Parse `path`; a syntax error becomes a Problem at its line."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return Problem(str(path), line, "(yaml)", str(error.problem or error).strip())
    except (OSError, UnicodeDecodeError) as error:
        return Problem(str(path), 1, "(file)", str(error))
    lines = dict(_walk(node, ())) if node is not None else {}
    return YamlDocument(path=path, data=data, lines=lines)


def parse_model(
    document: YamlDocument, model: type[M], data: Any, loc: tuple[str | int, ...] = ()
) -> M | list[Problem]:
    """Validate `data` (found at `loc` in the document) as `model`, or the problems found."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            where = loc + tuple(part for part in item["loc"] if part != "[key]")
            message = str(item["msg"]).removeprefix("Value error, ")
            if not item["loc"] and ": " in message:  # model-level: "field: message"
                field, message = message.split(": ", 1)
                where = (*loc, field)
            problems.append(document.problem(where, message))
        return problems
