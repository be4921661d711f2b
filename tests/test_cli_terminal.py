"""The command line on a terminal: colour and a progress line, and neither anywhere else."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile import cli
from reconcile.cli import main

ARTICLES = [
    "The plant employs 40 people, the mayor said on Monday.\n",
    "The plant employs 400 people, the mayor said on Monday.\n",
    "The plant, which employs 40 people, will close in May, the mayor said on Monday.\n",
]
ERASE = "\r\033[K"


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as sys.stderr or sys.stdout."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for k, text in enumerate(ARTICLES):
        path = tmp_path / f"{'abc'[k]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def on_terminal(monkeypatch: pytest.MonkeyPatch) -> tuple[Terminal, Terminal]:
    """Put stdout and stderr on a terminal (NO_COLOR unset), for the rest of the test.

    Called in the test itself: pytest's capture sets sys.stdout again when the
    test's call starts, over what a fixture would have set.
    """
    out, err = Terminal(), Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return out, err


def _lines(err: str) -> list[str]:
    """The progress line's successive states: each is drawn after an erase."""
    assert err.startswith(ERASE)
    assert err.endswith(ERASE)
    return err[len(ERASE) : -len(ERASE)].split(ERASE)


def test_many_sources_draw_progress_on_a_terminal_then_erase_it(
    files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three sources on a terminal: one stderr line redrawn per stage, erased at the end."""
    out, err = on_terminal(monkeypatch)
    assert main(["compare", *files, "--format", "json"]) == 0
    assert _lines(err.getvalue()) == [
        "reconcile: reading sources 1/3",
        "reconcile: reading sources 2/3",
        "reconcile: reading sources 3/3",
        "reconcile: parsing sources 1/3",
        "reconcile: parsing sources 2/3",
        "reconcile: parsing sources 3/3",
        "reconcile: aligning the claims of 3 sources",
        "reconcile: aligning the claims of 3 sources",
        "reconcile: checking what the sources say",
        "reconcile: checking what the sources say",
    ]
    assert out.getvalue().startswith('{\n  "schema": "reconcile.report/1"')


def test_large_sources_draw_progress_and_small_ones_do_not(
    files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sources draw progress only when together they reach the size of a long run."""
    _, err = on_terminal(monkeypatch)
    pair = files[:2]
    size = sum(len(t) for t in ARTICLES[:2])
    monkeypatch.setattr(cli, "_LARGE_SOURCES", size + 1)
    assert main(["compare", *pair, "-o", os.devnull]) == 0
    assert err.getvalue() == ""
    monkeypatch.setattr(cli, "_LARGE_SOURCES", size)
    assert main(["compare", *pair, "-o", os.devnull]) == 0
    assert _lines(err.getvalue())[-1] == "reconcile: checking what the sources say"


def test_check_of_a_large_source_draws_progress(
    files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reconcile check` on a long article shows its stages too."""
    _, err = on_terminal(monkeypatch)
    monkeypatch.setattr(cli, "_LARGE_SOURCES", 10)
    assert main(["check", files[2], "-o", os.devnull]) == 0
    assert _lines(err.getvalue()) == [
        "reconcile: reading sources 1/1",
        "reconcile: parsing sources 1/1",
        "reconcile: checking what the sources say",
        "reconcile: checking what the sources say",
    ]


def test_quiet_silences_progress(files: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--quiet draws nothing on stderr, terminal or not."""
    _, err = on_terminal(monkeypatch)
    assert main(["compare", *files, "--quiet", "-o", os.devnull]) == 0
    assert err.getvalue() == ""


def test_no_progress_when_stderr_is_not_a_terminal(
    files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Redirected stderr (a CI log) gets no progress line, however long the run."""
    assert main(["compare", *files]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "\033" not in captured.out


def test_text_is_coloured_on_a_terminal(files: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, the text report colours each kind's heading."""
    out, _ = on_terminal(monkeypatch)
    assert main(["compare", *files[:2], "-q"]) == 0
    headings = [line for line in out.getvalue().splitlines() if line.startswith("\033")]
    assert headings == [
        "\033[1;31mDiscrepancies (1)\033[0m",
        "\033[32mAgreements (0)\033[0m",
        "\033[36mOnly one source (0)\033[0m",
    ]


@pytest.mark.parametrize(
    ("args", "no_color", "shown"),
    [
        (["--format", "markdown"], None, "\n## Discrepancies (1)\n"),
        (["--format", "json"], None, '"discrepancies": 1,'),
        ([], "1", "\nDiscrepancies (1)\n"),
    ],
)
def test_no_colour_in_other_formats_or_with_no_color(
    files: list[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    no_color: str | None,
    shown: str,
) -> None:
    """Markdown and JSON are never coloured; NO_COLOR=1 turns colour off for text."""
    out, _ = on_terminal(monkeypatch)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert main(["compare", *files[:2], "-q", *args]) == 0
    assert shown in out.getvalue()
    assert "\033" not in out.getvalue()


def test_output_file_is_never_coloured(
    files: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A text report written with --output has no escape codes, even from a terminal."""
    out, _ = on_terminal(monkeypatch)
    path = tmp_path / "report.txt"
    assert main(["compare", *files[:2], "-q", "--output", str(path)]) == 0
    assert out.getvalue() == ""
    text = path.read_text(encoding="utf-8")
    assert "Discrepancies (1)\n" in text
    assert "\033" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_real_terminal_gets_progress_and_colour(files: list[str]) -> None:
    """The command itself, run on a pseudo-terminal, draws and erases progress and colours."""
    import pty

    main_fd, tty_fd = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    with subprocess.Popen(
        [sys.executable, "-m", "reconcile", "compare", *files],
        stdout=tty_fd,
        stderr=tty_fd,
        stdin=subprocess.DEVNULL,
        env=env,
    ) as proc:
        os.close(tty_fd)
        seen = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # EIO: the command closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=60) == 0
    os.close(main_fd)
    text = seen.decode("utf-8")
    progress, _, report = text.rpartition(ERASE)
    assert "reconcile: parsing sources 3/3" in progress
    assert report.startswith("3 sources, ")
    assert "\033[1;31mDiscrepancies (" in report
