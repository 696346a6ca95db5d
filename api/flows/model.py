"""The flow format. One YAML file holds a list of flows:

    flows:
      - name: Uppsagd på grund av arbetsbrist får rådgivning
        turns:
          - user: hej                       # what the person writes ...
            expect:
              text: "Vägvisaren"            # a regular expression some bot message must match
          - button: "Ja, det går bra"       # ... or the title of a button the bot just offered
            expect:
              response: utter_ask_situation # a response (domain name) the bot must have sent
              slots: {consent: true}        # slot values after this turn
              not_text: "(?i)error"         # no bot message may match this
        case:                               # fields of the case the flow must end with
          recommended_service: radgivning
          complete: true
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Expect(Strict):
    text: str | None = None
    not_text: str | None = None
    response: str | None = None
    slots: dict[str, Any] = Field(default_factory=dict)

    @field_validator("text", "not_text")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from None
        return value


class Turn(Strict):
    user: str | None = None
    button: str | None = None
    expect: Expect = Field(default_factory=Expect)

    @model_validator(mode="after")
    def _one_input(self) -> "Turn":
        if (self.user is None) == (self.button is None):
            raise ValueError("a turn has either `user` or `button`")
        return self


class Flow(Strict):
    name: str
    description: str | None = None
    turns: list[Turn] = Field(min_length=1)
    case: dict[str, Any] | None = None


class FlowFile(Strict):
    flows: list[Flow] = Field(min_length=1)


class FlowError(ValueError):
    """A flow file that cannot be read; the message names the file and the place."""


def load(path: Path) -> list[Flow]:
    try:
        return FlowFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).flows
    except yaml.YAMLError as exc:
        raise FlowError(f"{path}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise FlowError(f"{path}: {where}") from None


def load_all(paths: list[Path]) -> list[tuple[Path, Flow]]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.yml")) if path.is_dir() else [path]
    return [(file, flow) for file in files for flow in load(file)]
