"""``Record``, the base of every knowledge entry and answer: it must behave as the frozen
dataclass it replaces (fields in order, defaults, equality, hashing, read-only), since
the JSON writer, the views and the knowledge check all rely on that."""

from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from imuran_cli.record import Record


class Inner(Record):
    text: str
    sources: tuple[str, ...] = ()


class Outer(Record):
    name: str
    mg: float
    inner: Inner
    extra: Inner | None = None
    note: str = ""


class Other(Record):
    text: str
    sources: tuple[str, ...] = ()


def test_fields_are_the_annotations_in_order() -> None:
    assert Outer._fields == ("name", "mg", "inner", "extra", "note")
    assert Outer._field_defaults == {"extra": None, "note": ""}


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("a",), {}, {"text": "a", "sources": ()}),
        ((), {"text": "a"}, {"text": "a", "sources": ()}),
        (("a", ("S",)), {}, {"text": "a", "sources": ("S",)}),
        (("a",), {"sources": ("S",)}, {"text": "a", "sources": ("S",)}),
        ((), {"sources": ("S",), "text": "a"}, {"text": "a", "sources": ("S",)}),
    ],
)
def test_positional_and_keyword_arguments(
    args: tuple[object, ...], kwargs: dict[str, object], expected: dict[str, object]
) -> None:
    record = Inner(*args, **kwargs)  # type: ignore[arg-type]
    assert record._asdict() == expected
    assert list(record._asdict()) == ["text", "sources"]  # field order, whatever the call


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing 'text'"),
        (("a", (), "x"), {}, "takes 2 arguments, 3 were given"),
        (("a",), {"text": "b"}, "two values for 'text'"),
        ((), {"text": "a", "source": ()}, "has no field 'source'"),
    ],
)
def test_wrong_arguments_are_a_type_error(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        Inner(*args, **kwargs)  # type: ignore[arg-type]


def test_read_only() -> None:
    record = Inner("a")
    with pytest.raises(AttributeError, match="read-only"):
        record.text = "b"  # type: ignore[misc]  # (mypy knows it is read-only)
    with pytest.raises(AttributeError, match="read-only"):
        del record.text
    assert record.text == "a"


def test_equality_needs_the_same_class() -> None:
    assert Inner("a", ("S",)) == Inner(text="a", sources=("S",))
    assert Inner("a") != Inner("b")
    assert Inner("a") != Other("a")  # same fields, another kind of record
    assert Inner("a") != ("a", ())  # not a tuple
    assert hash(Inner("a", ("S",))) == hash(Inner(text="a", sources=("S",)))
    assert len({Inner("a"), Inner("a"), Inner("b")}) == 2


def test_replace_and_repr() -> None:
    record = Outer("x", 75.0, Inner("a"))
    changed = record._replace(mg=50.0)
    assert changed == Outer("x", 50.0, Inner("a")) and record.mg == 75.0
    with pytest.raises(TypeError, match="no field 'grams'"):
        record._replace(grams=1)
    assert repr(Inner("a")) == "Inner(text='a', sources=())"


def test_declaration_mistakes_are_refused() -> None:
    with pytest.raises(TypeError, match="mutable default"):

        class Listy(Record):
            items: list[str] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="follows a, which has one"):

        class Backwards(Record):
            a: int = 1
            b: int  # type: ignore[misc]  # (mypy refuses it too)


def test_class_variables_are_not_fields() -> None:
    class Tagged(Record):
        kind: ClassVar[str] = "tag"
        label: "ClassVar[str]" = "x"
        text: str

    assert Tagged._fields == ("text",)
    assert Tagged("a")._asdict() == {"text": "a"} and Tagged.kind == "tag"


def test_a_subclass_adds_fields_after_its_parents() -> None:
    class Cited(Inner):
        page: int = 0

    assert Cited._fields == ("text", "sources", "page")
    assert Cited("a", page=3)._asdict() == {"text": "a", "sources": (), "page": 3}
    assert Inner._fields == ("text", "sources")


def test_pydantic_validates_like_a_typed_dict_refusing_unknown_keys() -> None:
    adapter = TypeAdapter(Outer)
    built = adapter.validate_python({"name": "x", "mg": 75, "inner": {"text": "a"}})
    assert built == Outer("x", 75.0, Inner("a"))
    assert adapter.validate_python(built) == built
    with pytest.raises(ValidationError, match="inner.sourcez"):
        adapter.validate_python({"name": "x", "mg": 1, "inner": {"text": "a", "sourcez": []}})
    with pytest.raises(ValidationError, match="mg"):
        adapter.validate_python({"name": "x", "mg": "many", "inner": {"text": "a"}})
    with pytest.raises(ValidationError, match="inner"):
        adapter.validate_python({"name": "x", "mg": 1})


@given(st.text(), st.lists(st.text(), max_size=3).map(tuple))
def test_round_trip_through_asdict(text: str, sources: tuple[str, ...]) -> None:
    record = Inner(text, sources)
    again = Inner(**record._asdict())
    assert again == record and hash(again) == hash(record)
    assert record._replace() == record
