"""The knowledge builder and the JSON writer for plain dataclasses."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.knowledge._data import Record, build
from imuran_cli.render.json_out import to_jsonable, write_json


@dataclass(frozen=True)
class Inner(Record):
    x: float
    kind: Literal["a", "b"]


@dataclass(frozen=True)
class Outer(Record):
    items: tuple[Inner, ...]
    by_name: dict[str, Inner]
    name: str | None = None


DATA = {"items": [{"x": 1, "kind": "a"}], "by_name": {"k": {"x": 2.5, "kind": "b"}}}


def test_build_makes_nested_records_tuples_and_floats():
    built = build(Outer, DATA)
    assert built == Outer(
        items=(Inner(x=1.0, kind="a"),), by_name={"k": Inner(x=2.5, kind="b")}, name=None
    )
    assert isinstance(built.items[0].x, float)


def test_build_agrees_with_pydantic_validation():
    assert TypeAdapter(Outer).validate_python(DATA) == build(Outer, DATA)


@pytest.mark.parametrize(
    "bad",
    [
        {**DATA, "unknown": 1},
        {"items": [{"x": 1, "kind": "c"}], "by_name": {}},
        {"items": [{"x": 1, "kind": "a", "extra": True}], "by_name": {}},
    ],
)
def test_pydantic_refuses_what_the_files_must_not_hold(bad):
    with pytest.raises(ValidationError):
        TypeAdapter(Outer).validate_python(bad)


@dataclass(frozen=True)
class Result:
    day: dt.date
    at: dt.datetime
    values: tuple[int, ...]
    inner: Inner | None


def test_json_writer_turns_dataclasses_into_one_document():
    result = Result(
        day=dt.date(2026, 11, 30),
        at=dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        values=(1, 2),
        inner=Inner(x=0.5, kind="b"),
    )
    out = io.StringIO()
    write_json(result, out)
    assert json.loads(out.getvalue()) == {
        "day": "2026-11-30",
        "at": "2026-11-30T08:00:00+01:00",
        "values": [1, 2],
        "inner": {"x": 0.5, "kind": "b"},
    }
    assert to_jsonable({"a": (Inner(x=1.0, kind="a"),)}) == {"a": [{"x": 1.0, "kind": "a"}]}


class InnerTuple(NamedTuple):
    x: float
    kind: Literal["a", "b"]


class OuterTuple(NamedTuple):
    items: tuple[InnerTuple, ...]
    by_name: dict[str, InnerTuple]
    name: str | None = None


def test_build_makes_named_tuple_records_too():
    built = build(OuterTuple, DATA)
    assert built == OuterTuple(
        items=(InnerTuple(x=1.0, kind="a"),), by_name={"k": InnerTuple(x=2.5, kind="b")}
    )
    assert isinstance(built.items[0].x, float)
    assert TypeAdapter(OuterTuple).validate_python(DATA) == built


def test_pydantic_refuses_unknown_keys_of_named_tuples():
    with pytest.raises(ValidationError):
        TypeAdapter(OuterTuple).validate_python({**DATA, "unknown": 1})


def test_json_writes_a_named_tuple_as_an_object():
    assert to_jsonable(OuterTuple(items=(InnerTuple(x=1.0, kind="a"),), by_name={})) == {
        "items": [{"x": 1.0, "kind": "a"}],
        "by_name": {},
        "name": None,
    }


@dataclass(frozen=True)
class Amounts:
    mg: float = field(metadata={"json": lambda value: int(value) if value.is_integer() else value})
    other: float = 0.0


class Custom:
    def __json__(self) -> dict[str, str]:
        return {"as": "written"}


def test_json_writer_applies_field_metadata_and_json_methods():
    assert to_jsonable(Amounts(mg=150.0, other=3.0)) == {"mg": 150, "other": 3.0}
    assert json.dumps(to_jsonable(Amounts(mg=37.5))) == '{"mg": 37.5, "other": 0.0}'
    assert to_jsonable([Custom(), Amounts(mg=25.0)]) == [
        {"as": "written"},
        {"mg": 25, "other": 0.0},
    ]
