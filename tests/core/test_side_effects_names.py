"""How ``side-effects`` finds a medicine name of the index in a query (``_names_starting``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.side_effects import _names_starting


def test_the_names_of_a_first_word_come_longest_first():
    names = ("bactrim", "bactrim ds", "bactrim ds forte", "bactrima", "bactrim0", "cipro")
    assert _names_starting(names, "bactrim") == [
        ["bactrim", "ds", "forte"],
        ["bactrim", "ds"],
        ["bactrim"],
    ]
    assert _names_starting(names, "bactri") == []
    assert _names_starting(names, "cipro") == [["cipro"]]
    assert _names_starting(names, "zzz") == []
    assert _names_starting((), "cipro") == []


WORD = st.text(alphabet="ab0 ", min_size=1, max_size=5).map(lambda t: " ".join(t.split()))


@given(st.lists(WORD.filter(bool), max_size=30), st.text(alphabet="ab0", min_size=1, max_size=3))
def test_the_same_names_as_looking_at_every_name(names: list[str], word: str):
    """Normalised names (letters, digits, single spaces), sorted: as a scan of all of them."""
    ordered = tuple(sorted(set(names)))
    expected = [name.split() for name in ordered if name.split()[0] == word]
    assert _names_starting(ordered, word) == sorted(expected, key=len, reverse=True)
