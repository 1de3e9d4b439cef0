"""Validate Bot API requests against the official spec (api.json, see data/SOURCE.md)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from bot.sandbox.errors import ApiError, bad_request

Params = dict[str, Any]


class BotApiSpec:
    """Methods and types of one Bot API version, and a checker for request parameters."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.methods: dict[str, Any] = {name.lower(): m for name, m in data["methods"].items()}
        self.types: dict[str, Any] = data["types"]

    def method_name(self, name: str) -> str:
        """The canonical name of a method (method names are case-insensitive), or 404."""
        method = self.methods.get(name.lower())
        if method is None:
            raise ApiError(404, "Not Found")
        return str(method["name"])

    def validate(self, name: str, raw: Params, *, from_form: bool) -> Params:
        """Checked and typed parameters; 400 naming the first wrong or missing one."""
        fields = {f["name"]: f for f in self.methods[name.lower()].get("fields", [])}
        for key in raw:
            if key not in fields:
                raise bad_request(f'unknown parameter "{key}" for method {name}')
        params: Params = {}
        for key, field in fields.items():
            if key not in raw or raw[key] is None:
                if field["required"]:
                    raise bad_request(f'parameter "{key}" is required')
                continue
            value = _decode(raw[key], field["types"]) if from_form else raw[key]
            if not any(self._matches(value, t) for t in field["types"]):
                raise bad_request(f'parameter "{key}" must be {" or ".join(field["types"])}')
            params[key] = value
        return params

    def _matches(self, value: Any, type_name: str) -> bool:
        if type_name.startswith("Array of "):
            inner = type_name.removeprefix("Array of ")
            return isinstance(value, list) and all(self._matches(v, inner) for v in value)
        scalar = _SCALARS.get(type_name)
        if scalar is not None:
            return bool(scalar(value))
        if type_name == "InputFile":
            return isinstance(value, (str, bytes))
        spec = self.types.get(type_name)
        if spec is None or not isinstance(value, dict):
            return False
        if "subtypes" in spec:
            return any(self._matches(value, sub) for sub in spec["subtypes"])
        fields = {f["name"]: f for f in spec.get("fields", [])}
        if any(key not in fields for key in value):
            return False
        for key, field in fields.items():
            if key not in value:
                if field["required"] and not _optional_in_input(field):
                    return False
            elif not any(self._matches(value[key], t) for t in field["types"]):
                return False
        return _discriminator_ok(spec, value)


def _optional_in_input(field: dict[str, Any]) -> bool:
    # Some input objects mark fields "Optional." only in the description.
    return str(field.get("description", "")).startswith("Optional.")


def _discriminator_ok(spec: dict[str, Any], value: dict[str, Any]) -> bool:
    # Subtypes such as BotCommandScopeChat fix `type` to one word: "must be *chat*".
    for field in spec.get("fields", []):
        if field["name"] in ("type", "source", "status") and "must be " in field["description"]:
            fixed = field["description"].split("must be ", 1)[1].split()[0].strip("*\"'.,")
            return bool(value.get(field["name"]) == fixed)
    return True


def _decode(raw: Any, types: list[str]) -> Any:
    """Form fields arrive as strings: numbers, booleans and JSON objects are decoded."""
    if not isinstance(raw, str):
        return raw
    if "String" in types or types == ["InputFile"]:
        return raw
    if "Boolean" in types and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    try:
        return json.loads(raw)
    except ValueError:
        return raw


_SCALARS: dict[str, Any] = {
    "String": lambda v: isinstance(v, str),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "Boolean": lambda v: isinstance(v, bool),
    "True": lambda v: v is True,
}


@cache
def load_spec() -> BotApiSpec:
    """The bundled spec, parsed once."""
    text = resources.files("bot.sandbox").joinpath("data/api.json").read_text(encoding="utf-8")
    return BotApiSpec(json.loads(text))
