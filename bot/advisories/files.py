"""Read YAML content files, keeping the line of every field for error messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Plain sentences (with an example of what is accepted) for what pydantic says in its own words.
PLAIN = {
    "date": "not a real date; write it like 2022-08-10 (or 2026-12-01T09:00:00+03:00)",
    "missing": "missing; this field is required",
    "extra_forbidden": "unknown field (a typo?); see the content format in the README",
    "id": "use lowercase letters, digits and hyphens, e.g. uz-2026-12-01-recruiters",
    "model_type": "the file must be one advisory: fields like id:, country:, text: at the "
    "start of lines, not a list or a single value",
    "dict_type": "must be fields (name: value on lines of their own), not a list or one value",
    "list_type": "must be a list (lines starting with - )",
    "string_type": "must be text",
}
TOKEN = (
    "a character YAML cannot read at the start of a value (such as @, ` or %); put the value "
    'in double quotes, e.g. headline: "@embassy says …"'
)


UNCLOSED = 'a double quote (") opened on this line is not closed on it'


def _unclosed_quote(text: str, *, before: int) -> int | None:
    """The first line before `before` with an odd number of double quotes (not escaped)."""
    for number, line in enumerate(text.splitlines()[: before - 1], 1):
        if line.lstrip().startswith("#"):
            continue
        if (line.count('"') - line.count('\\"')) % 2:
            return number
    return None


# libyaml's parser where it is installed (every wheel has it): the pure-Python one took most of
# `elchi validate`'s time.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader that leaves dates as text: the model reads them, so an impossible date such
    as 2022-02-30 is a problem at its field and line, not a crash inside the YAML parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


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
        loader = _Loader(text)
        try:  # parsed once: the nodes give the lines, the same nodes the data
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        # "while scanning a quoted scalar": where the quote opened, not where the file ended.
        scanning = (error.context or "").startswith("while scanning")
        mark = (error.context_mark if scanning else None) or error.problem_mark
        mark = mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = f"{error.context}: {error.problem}" if scanning else str(error.problem or error)
        opened = None if scanning else _unclosed_quote(text, before=line)
        if opened is not None:  # the parser trips where the stray quote closes, lines later
            return Problem(str(path), opened, "(yaml)", UNCLOSED)
        if "cannot start any token" in what:
            return Problem(str(path), line, "(yaml)", TOKEN)
        return Problem(str(path), line, "(yaml)", what.strip())
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere (NUL, ESC)
        line = text.count("\n", 0, error.position) + 1
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        return Problem(
            str(path), line, "(file)",
            f"an invisible control character ({code}); save the file as plain UTF-8 text",
        )  # fmt: skip
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return Problem(
            str(path), line, "(file)",
            f"not UTF-8 text (byte 0x{error.object[error.start]:02x}); save it as UTF-8",
        )  # fmt: skip
    except OSError as error:
        reason = (error.strerror or "cannot read").lower()
        return Problem(str(path), 1, "(file)", f"cannot read it ({reason})")
    except ValueError as error:
        return Problem(str(path), 1, "(file)", str(error))
    twice = _duplicate_key(node, ()) if node is not None else None
    if twice is not None:  # YAML keeps the last silently: one of two values would be lost
        where, line = twice
        return Problem(str(path), line, ".".join(map(str, where)), "given twice; keep one")
    lines = dict(_walk(node, ())) if node is not None else {}
    return YamlDocument(path=path, data=data, lines=lines)


def _duplicate_key(
    node: yaml.Node, path: tuple[str | int, ...]
) -> tuple[tuple[str | int, ...], int] | None:
    """The first key given twice in one mapping, and the line of its second use."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                return (*path, name), key.start_mark.line + 1
            seen.add(name)
            found = _duplicate_key(value, (*path, name))
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found = _duplicate_key(item, (*path, index))
            if found is not None:
                return found
    return None


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
            message = _plain(item["type"], where, str(item["msg"]))
            field, _, rest = message.partition(": ")
            if item["type"] == "value_error" and rest and field.isidentifier():
                message, where = rest, (*where, field)  # a model's own check: "field: message"
            problems.append(document.problem(where, message))
        return problems


def _plain(kind: str, where: tuple[str | int, ...], message: str) -> str:
    """pydantic's message in a plain sentence with an example, where we have one."""
    if kind.startswith(("date", "datetime")):
        return PLAIN["date"]
    if kind == "string_pattern_mismatch" and where[-1:] == ("id",):
        return PLAIN["id"]
    if kind == "literal_error":  # "must be one of 'extreme', 'severe', 'moderate' or 'minor'"
        return message.replace("Input should be ", "must be one of ", 1)
    return PLAIN.get(kind, message.removeprefix("Value error, "))
