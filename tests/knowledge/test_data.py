"""The knowledge builder and the JSON writer for records."""

import datetime as dt
import io
import json
from typing import Any, Literal, NamedTuple

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.knowledge._data import build
from imuran_cli.record import Record
from imuran_cli.render.json_out import to_jsonable, write_json


class Inner(Record):
    x: float
    kind: Literal["a", "b"]


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


class Shapes(Record):
    weights: list[float]
    maybe: tuple[Inner | None, ...]
    scores: dict[str, float]
    flag: float | bool
    plain: list[str]
    nothing: Inner | None = None


def test_build_converts_every_shape_by_its_annotation():
    data = {
        "weights": [1, 2.5, True],
        "maybe": [None, {"x": 3, "kind": "b"}],
        "scores": {"a": 1, "b": 0.5},
        "flag": 1,
        "plain": ["x"],
        "nothing": None,
    }
    built = build(Shapes, data)
    assert built == Shapes(
        [1.0, 2.5, True], (None, Inner(3.0, "b")), {"a": 1.0, "b": 0.5}, 1, ["x"]
    )
    assert [type(w) for w in built.weights] == [float, float, bool]  # a bool is not a number
    assert type(built.flag) is int  # two types: taken as it is
    # Lists and tables are copies: a record never shares (nor lets anyone change) the data.
    assert built.plain is not data["plain"] and built.weights is not data["weights"]
    assert built.scores is not data["scores"]
    assert build(Shapes, data) == built  # the second build of a class, from its cached plan


def test_build_agrees_with_pydantic_validation():
    assert TypeAdapter(Outer).validate_python(DATA) == build(Outer, DATA)


@pytest.mark.parametrize(
    "bad",
    [
        {**DATA, "unknown": 1},
        {"items": [{"x": 1, "kind": "c"}], "by_name": {}},
        {"items": [{"x": 1, "kind": "a", "extra": True}], "by_name": {}},
        {"by_name": {}},
    ],
)
def test_pydantic_refuses_what_the_files_must_not_hold(bad):
    with pytest.raises(ValidationError):
        TypeAdapter(Outer).validate_python(bad)


class Result(Record):
    day: dt.date
    at: dt.datetime
    values: tuple[int, ...]
    inner: Inner | None


def test_json_writer_turns_records_into_one_document():
    result = Result(
        day=dt.date(2026, 11, 30),
        at=dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        values=(1, 2),
        inner=Inner(x=0.5, kind="b"),
    )
    out = io.StringIO()
    write_json(result, out)
    assert out.getvalue().index('"day"') < out.getvalue().index('"inner"')  # field order
    assert json.loads(out.getvalue()) == {
        "day": "2026-11-30",
        "at": "2026-11-30T08:00:00+01:00",
        "values": [1, 2],
        "inner": {"x": 0.5, "kind": "b"},
    }
    assert to_jsonable({"a": (Inner(x=1.0, kind="a"),)}) == {"a": [{"x": 1.0, "kind": "a"}]}


class Pair(NamedTuple):
    x: float
    kind: str


def test_json_writes_a_named_tuple_as_an_object():
    assert to_jsonable((Pair(1.0, "a"),)) == [{"x": 1.0, "kind": "a"}]


class Amounts(Record):
    mg: float
    other: float = 0.0

    def __json__(self) -> dict[str, Any]:
        data = self._asdict()
        data["mg"] = int(self.mg) if self.mg.is_integer() else self.mg
        return data


class Custom:
    def __json__(self) -> dict[str, str]:
        return {"as": "written"}


def test_json_writer_applies_json_methods():
    assert to_jsonable(Amounts(mg=150.0, other=3.0)) == {"mg": 150, "other": 3.0}
    assert json.dumps(to_jsonable(Amounts(mg=37.5))) == '{"mg": 37.5, "other": 0.0}'
    assert to_jsonable([Custom(), Amounts(mg=25.0)]) == [
        {"as": "written"},
        {"mg": 25, "other": 0.0},
    ]


class Later(Record):
    inner: "Inner"
    names: "tuple[str, ...]" = ()


def test_build_resolves_annotations_written_as_strings():
    assert build(Later, {"inner": {"x": 1, "kind": "a"}, "names": ["n"]}) == Later(
        Inner(1.0, "a"), ("n",)
    )
