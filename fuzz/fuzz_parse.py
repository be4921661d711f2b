"""Fuzz reading a source from bytes and parsing it (atheris; run on demand, not in CI).

Each input is split by its first byte into a mode (plain text, HTML, sniffed)
and the bytes of an article. The target reads them with
:meth:`reconcile.Source.from_bytes`, parses the source, and checks the
invariants every report relies on:

- the only exception is a :class:`reconcile.ReconcileError`;
- claim and segment text equals the source text at their offsets;
- claims and segments together cover every non-space character.

Run (see fuzz/README.md)::

    pip install -e '.[fuzz]'
    python fuzz/fuzz_parse.py fuzz/corpus -workers=1 -max_total_time=1800
"""

from __future__ import annotations

import sys
import warnings

import atheris

with atheris.instrument_imports():
    import reconcile

#: The first byte of an input picks how its bytes are read as a source.
_MODES = (None, True, False)


def _check(doc: reconcile.Document) -> None:
    text = doc.source.text
    mask = bytearray(len(text))
    for item in (*doc.claims, *doc.segments):
        start, end = item.span.start, item.span.end
        if not 0 <= start <= end <= len(text):
            msg = f"span {start}-{end} is outside the text (length {len(text)})"
            raise AssertionError(msg)
        if text[start:end] != item.text:
            msg = f"text at {start}-{end} is {text[start:end]!r}, not {item.text!r}"
            raise AssertionError(msg)
        mask[start:end] = b"\x01" * (end - start)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and not mask[i]]
    if lost:
        msg = f"characters lost at {lost[:10]}: {[text[i] for i in lost[:10]]!r}"
        raise AssertionError(msg)


def test_one_input(data: bytes) -> None:
    """Read ``data[1:]`` as a source in the mode ``data[0]`` picks, parse it, check it."""
    if not data:
        return
    is_html = _MODES[data[0] % len(_MODES)]
    try:
        src = reconcile.Source.from_bytes(data[1:], name="fuzz.txt", is_html=is_html)
        doc = reconcile.parse_source(src)
    except reconcile.ReconcileError:
        return
    _check(doc)


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line options."""
    # A guessed encoding is a warning on every other input; it is not a finding.
    warnings.simplefilter("ignore", reconcile.SourceWarning)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
