"""The language object: one Lexicon, loaded from data files, that every stage reads."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import attrs
import pytest

import reconcile
from reconcile.errors import UsageError
from reconcile.lexicon import ENGLISH, Lexicon, load_lexicon

FILES = resources.files("reconcile.lexicon")


def _english_text() -> str:
    return FILES.joinpath("english.toml").read_text(encoding="utf-8")


def _times(tmp_path: Path) -> Path:
    """Return a copy of the time words, the second file of the English lexicon."""
    path = tmp_path / "english-times.toml"
    path.write_text(FILES.joinpath("english-times.toml").read_text(encoding="utf-8"), "utf-8")
    return path


def test_every_field_comes_from_the_data_files() -> None:
    """The two files name each field of the one Lexicon once: nothing is left to code."""
    import tomllib

    words = set(tomllib.loads(_english_text()))
    times = set(tomllib.loads(FILES.joinpath("english-times.toml").read_text(encoding="utf-8")))
    assert not words & times
    assert words | times == {f.name for f in attrs.fields(Lexicon)}


def test_a_changed_file_changes_the_parse(tmp_path: Path) -> None:
    """A lexicon read from another file reaches the parser: a new reporting verb names a speaker."""
    opening = 'reporting_verbs = """\n'
    text = _english_text().replace(opening, opening + "quipped\n")
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    mine = load_lexicon(path, _times(tmp_path))
    assert "quipped" in mine.reporting_verbs
    sentence = "The harbour will reopen on Monday, the port director quipped."
    claims = reconcile.parse_source(reconcile.Source(sentence, name="a"), lexicon=mine).claims
    default = reconcile.parse_source(reconcile.Source(sentence, name="a")).claims
    assert claims[0].attribution is not None
    assert default[0].attribution is None


def _without(text: str, key: str) -> str:
    """Return the file without one entry (an entry ends at the next blank line)."""
    return re.sub(rf"(?ms)^{key} = .*?\n\n", "", text, count=1)


def test_a_missing_list_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text(_without(_english_text(), "hedges"), encoding="utf-8")
    with pytest.raises(UsageError, match="missing: hedges; unknown: none"):
        load_lexicon(path, _times(tmp_path))


def test_an_unknown_list_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "more.toml"
    path.write_text(_english_text() + 'sarcasm_markers = "yeah right"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="missing: none; unknown: sarcasm_markers"):
        load_lexicon(path, _times(tmp_path))


def test_a_list_in_the_wrong_form_is_a_clear_error(tmp_path: Path) -> None:
    """A phrase list must be an array: a string would be read one letter at a time."""
    path = tmp_path / "bad.toml"
    text = _without(_english_text(), "according_to") + 'according_to = "according to"\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="'according_to' must be an array of phrases"):
        load_lexicon(path, _times(tmp_path))


def test_a_list_given_twice_is_a_clear_error(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(_english_text(), encoding="utf-8")
    second.write_text('hedges = "maybe"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="'hedges' is in both"):
        load_lexicon(first, second)


def test_evolve_changes_one_list() -> None:
    lexicon = attrs.evolve(ENGLISH, hedges=ENGLISH.hedges | {"purportedly"})
    assert "purportedly" in lexicon.hedges
    assert lexicon.reporting_verbs == ENGLISH.reporting_verbs


def test_the_feature_word_lists_are_read_from_the_lexicon() -> None:
    from reconcile.parse.features import find_modality, is_negated

    rounded = "About 40 families left the flooded valley."
    doubting = attrs.evolve(ENGLISH, approximators=frozenset())
    assert find_modality(rounded, 0, len(rounded), lexicon=ENGLISH) != "hedged"
    assert find_modality(rounded, 0, len(rounded), lexicon=doubting) == "hedged"
    nothing = "No injuries were reported after the tremor."
    assert not is_negated(nothing, 0, len(nothing), lexicon=ENGLISH)
    assert is_negated(nothing, 0, len(nothing), lexicon=attrs.evolve(ENGLISH, nominal_negations=()))
