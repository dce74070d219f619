"""``Record``: the base class of imuran's immutable records.

Knowledge entries (what ``knowledge/`` reads from its data files) and answers (what
``core/`` returns, ``render/`` shows and ``--json`` prints) are records. One is declared
like a frozen dataclass, its fields in order, defaults last:

    class Dose(Record):
        mg: float
        tablets: str = ""

    dose = Dose(75.0, tablets="1½")     # or Dose(mg=75.0, tablets="1½")
    dose.mg                             # 75.0; dose.mg = 1 raises AttributeError
    dose._replace(mg=50.0)              # a changed copy
    dose._asdict()                      # {"mg": 75.0, "tablets": "1½"}, in field order

Two records are equal when they are of the same class with equal fields; they hash
alike then, and print as ``Dose(mg=75.0, tablets='1½')``.

Why not a dataclass or ``typing.NamedTuple``: start-up time. A command defines 50 to 90
record classes before it answers, and defining a class is what costs: measured with
Python 3.11, a frozen dataclass takes about 0.9 ms, a named tuple about 0.12 ms (it
compiles a constructor for each class), a ``Record`` about 0.02 ms, because every record
shares the one constructor below. Type checkers read the fields as a frozen dataclass's
(``dataclass_transform``). The price is a slower constructor (about 1.5 µs more a record),
which no command notices.

pydantic validates a record class like a ``TypedDict`` of its fields, refusing unknown
keys (``__get_pydantic_core_schema__``): the knowledge check and the tests use it; at run
time pydantic never sees a record.
"""

from typing import TYPE_CHECKING, Any, ClassVar, Self, dataclass_transform, get_origin

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

_MUTABLE = (list, dict, set)


def _is_class_var(annotation: Any) -> bool:
    """True for ``ClassVar`` or ``ClassVar[...]``, also written as a string: not a field."""
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or get_origin(annotation) is ClassVar


@dataclass_transform(frozen_default=True)
class Record:
    """The base of a record class; its annotated class attributes are its fields (but for
    those annotated ``ClassVar``)."""

    __slots__ = ()

    _fields: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}
    _field_set: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = tuple(
            name
            for name, annotation in cls.__dict__.get("__annotations__", {}).items()
            if not _is_class_var(annotation)
        )
        fields = cls._fields + tuple(name for name in own if name not in cls._fields)
        defaults = dict(cls._field_defaults)
        for name in own:
            if name in cls.__dict__:
                default = cls.__dict__[name]
                if isinstance(default, _MUTABLE):
                    raise TypeError(
                        f"{cls.__name__}.{name}: a mutable default is shared by every "
                        "record; use a tuple"
                    )
                defaults[name] = default
        seen_default = ""
        for name in fields:
            if name in defaults:
                seen_default = name
            elif seen_default:
                raise TypeError(
                    f"{cls.__name__}.{name}: a field without a default follows "
                    f"{seen_default}, which has one"
                )
        cls._fields = fields
        cls._field_defaults = defaults
        cls._field_set = frozenset(fields)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Run for every record (about 1,150 of them in `report --format fhir`): the
        # checks are set and dict operations done in C where a loop over the fields
        # would run in Python. (The field values may sit in ``__dict__`` in any order:
        # ``_fields`` gives the order.)
        fields = self._fields
        if args:
            if len(args) > len(fields):
                raise TypeError(
                    f"{type(self).__name__}() takes {len(fields)} arguments, {len(args)} were given"
                )
            values = dict(zip(fields, args, strict=False))
            if kwargs:
                for name in kwargs:
                    if name in values:
                        raise TypeError(f"{type(self).__name__}() got two values for {name!r}")
                values.update(kwargs)
        else:
            values = kwargs
        if not values.keys() <= self._field_set:
            unknown = values.keys() - self._field_set
            raise TypeError(f"{type(self).__name__}() has no field {min(unknown)!r}")
        if len(values) < len(fields):
            values = {**self._field_defaults, **values}
            if len(values) < len(fields):
                missing = next(name for name in fields if name not in values)
                raise TypeError(f"{type(self).__name__}() is missing {missing!r}")
        object.__setattr__(self, "__dict__", values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self._asdict().items())
        return f"{type(self).__name__}({fields})"

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in self._fields)

    def _asdict(self) -> dict[str, Any]:
        """The fields and their values, in order (not recursive)."""
        values = self.__dict__
        return {name: values[name] for name in self._fields}

    def _replace(self, **changes: Any) -> Self:
        """A copy with ``changes``; an unknown field name is a ``TypeError``."""
        return type(self)(**{**self.__dict__, **changes})

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: "GetCoreSchemaHandler"
    ) -> "CoreSchema":
        import typing

        from pydantic_core import core_schema

        hints = typing.get_type_hints(cls)
        fields: dict[str, core_schema.TypedDictField] = {}
        for name in cls._fields:
            schema = handler.generate_schema(hints[name])
            required = name not in cls._field_defaults
            if not required:
                schema = core_schema.with_default_schema(schema, default=cls._field_defaults[name])
            fields[name] = core_schema.typed_dict_field(schema, required=required)
        # A record given as a record is checked as its fields (before), and every dict
        # that passes becomes a record (after).
        return core_schema.no_info_before_validator_function(
            lambda value: value._asdict() if isinstance(value, cls) else value,
            core_schema.no_info_after_validator_function(
                lambda data: cls(**data),
                core_schema.typed_dict_schema(fields, extra_behavior="forbid"),
            ),
        )
