"""Numbers as news writes them are read as one value each, as the checks compare them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.lexicon import ENGLISH
from reconcile.parse.features import find_quantities


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(text, 0, len(text), lexicon=ENGLISH)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rescuers searched for 3 1/2 days.", 3.5),
        ("Rescuers searched for 3 ½ days.", 3.5),
        ("Rescuers searched for 3½ days.", 3.5),
        ("Rescuers searched for 3 1 / 2 days.", 3.5),
        ("Rescuers searched for three and a half days.", 3.5),
        ("Rescuers searched for 3.5 days.", 3.5),
        ("The index fell 1/4 point.", 0.25),
    ],
)
def test_a_value_with_a_fraction_is_one_number(text: str, value: float) -> None:
    (found,) = _read(text)
    assert found[1] == pytest.approx(value)


def test_a_scaled_fraction_keeps_its_precision() -> None:
    """ "4 1/2 million" is 4.5 million give or take an eighth, not 4 to 5 million."""
    s = "The studio paid $4 1/2 million for the rights."
    (q,) = find_quantities(s, 0, len(s), lexicon=ENGLISH)
    assert q.value == 4.5e6
    assert 4.4e6 < q.low < q.high < 4.6e6


@pytest.mark.parametrize("text", ["Shops open 24/7 now.", "He spoke about 9/11 at length."])
def test_slashes_that_are_no_fractions_stay_apart(text: str) -> None:
    """ "24/7" and "9/11" are not fractions."""
    assert all(value >= 1 for _, value, _ in _read(text))


@given(
    whole=st.integers(min_value=1, max_value=99),
    frac=st.sampled_from([("1/2", 0.5), ("½", 0.5), ("1/4", 0.25), ("¾", 0.75), ("3/8", 0.375)]),
    unit=st.sampled_from(["tonnes", "miles", "hours", "kilometres"]),
)
def test_any_mixed_fraction_reads_as_its_sum(
    whole: int, frac: tuple[str, float], unit: str
) -> None:
    text = f"Officials said {whole} {frac[0]} {unit} were affected."
    numbers = [v for _, v, _ in _read(text)]
    assert numbers == [whole + frac[1]] or (unit == "hours" and numbers == [])
