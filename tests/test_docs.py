"""The docs show what the tool prints: the README's excerpt and the example report are real."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from reconcile.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["compare", *SEEDS, "-q", *args]) == 0
    return capsys.readouterr().out


def test_readme_excerpt_is_what_compare_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """Every line of the README's text excerpt is a line of `reconcile compare seeds/*.txt`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n") + len("```text\n")
    excerpt = readme[start : readme.index("```", start)].splitlines()
    printed = set(_run([], capsys).splitlines())
    assert len(excerpt) > 10
    assert [line for line in excerpt if line and line not in printed] == []


def test_report_example_is_the_markdown_report(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/report-example.md is what `--format markdown` writes for the seeds."""
    expected = (ROOT / "docs" / "report-example.md").read_text(encoding="utf-8")
    assert _run(["--format", "markdown"], capsys) == expected


# --- Console examples ------------------------------------------------------------------
#
# Every ```console block of a docs page is run, command by command and block after block,
# in one scratch folder that starts with a copy of seeds/ and docs/examples/, and what
# each command prints
# (stdout and stderr together) must match the lines shown under it, with doctest's
# ELLIPSIS: "..." stands for any text. A block that cannot run here (an install, a shell
# of another project) follows a line <!-- console: not run (why) -->. `cd DIR` on its own
# changes the folder of the commands after it.

DOCS = ROOT / "docs"
NOT_RUN = "<!-- console: not run"
CONSOLE_BLOCK = re.compile(r"^(?P<before>[^\n]*)\n```console\n(?P<body>.*?)^```$", re.M | re.S)


@attrs.frozen
class ConsoleStep:
    """One shell command of a docs example and the output the page shows for it."""

    command: str
    shown: str
    line: int = 0


def parse_console(body: str, *, line: int = 1) -> tuple[ConsoleStep, ...]:
    """Split a console block into commands (lines after ``$ ``) and their shown output.

    ``line`` is the block's first line in its page; each step records its own.

    >>> [(s.command, s.shown, s.line) for s in parse_console("$ echo hi\\nhi\\n$ true\\n")]
    [('echo hi', 'hi\\n', 1), ('true', '', 3)]
    """
    steps: list[ConsoleStep] = []
    for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
        command, _, shown = chunk.partition("\n")
        steps.append(ConsoleStep(command, shown, line))
        line += 1 + shown.count("\n")
    return tuple(steps)


def console_steps(page: Path) -> tuple[ConsoleStep, ...]:
    """Return the commands of a page's console blocks that are meant to run, in order."""
    text = page.read_text(encoding="utf-8")
    steps: list[ConsoleStep] = []
    for match in CONSOLE_BLOCK.finditer(text):
        if not match["before"].startswith(NOT_RUN):
            line = text.count("\n", 0, match.start("body")) + 1
            steps.extend(parse_console(match["body"], line=line))
    return tuple(steps)


PAGES = {p.name: steps for p in sorted(DOCS.glob("*.md")) if (steps := console_steps(p))}


def _environment() -> dict[str, str]:
    """The shell of a reader who installed reconcile: its commands first on PATH, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "RECONCILE_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(NO_COLOR="1", COLUMNS="100", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    # The plugins of this test environment that a reader's project would not have: each
    # prints nothing the pages show, and loading them costs a second per pytest run.
    env["PYTEST_ADDOPTS"] = "-p no:hypothesispytest -p no:benchmark -p no:anyio -p no:cacheprovider"
    return env


#: Set to 1 to rewrite, in the pages, the shown output of each command that printed
#: something else: only where the page shows it whole (no "..."), the rest is listed.
UPDATE = os.environ.get("RECONCILE_UPDATE_DOCS") == "1"


def _printed(output: str) -> str:
    """What a command printed, as a page shows it: no trailing spaces or blank lines."""
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    return "\n".join(lines) + "\n" if lines else ""


def _matches(shown: str, printed: str) -> bool:
    want = shown if shown.strip() else ""
    return doctest.OutputChecker().check_output(want, _printed(printed), doctest.ELLIPSIS)


def _shell(command: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return done.stdout


def _rewrite(page: Path, changes: list[tuple[ConsoleStep, str]]) -> None:
    """Replace the shown output of each step with what it printed (bottom up: lines stay put)."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    for step, printed in sorted(changes, key=lambda change: -change[0].line):
        first = step.line  # the line after the command (lines count from 1)
        lines[first : first + step.shown.count("\n")] = [printed]
    page.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_console_examples_print_what_the_page_shows(page: str, tmp_path: Path) -> None:
    """Each command of a page's console blocks prints what the page shows under it.

    With RECONCILE_UPDATE_DOCS=1 the page is rewritten to show what the commands print
    (review the diff); output the page cuts short with "..." is left for a person.
    """
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(DOCS / "examples", tmp_path / "docs" / "examples")
    cwd, env = tmp_path, _environment()
    changed: list[tuple[ConsoleStep, str]] = []
    by_hand: list[str] = []
    for step in PAGES[page]:
        if step.command.startswith("cd "):
            cwd = (cwd / step.command.removeprefix("cd ").strip()).resolve()
            continue
        printed = _shell(step.command, cwd, env)
        if _matches(step.shown, printed):
            continue
        message = (
            f"docs/{page}:{step.line}: $ {step.command}\n"
            f"--- the page shows:\n{step.shown}--- it printed:\n{printed}"
        )
        if not UPDATE:
            pytest.fail(message)
        if "..." in step.shown:
            by_hand.append(message)
        else:
            changed.append((step, _printed(printed)))
    if changed:
        _rewrite(DOCS / page, changed)
    assert not changed, f"rewrote {len(changed)} outputs of docs/{page}: review the diff"
    assert not by_hand, "\n".join(by_hand)


def test_the_docs_have_console_examples_that_run() -> None:
    """The console test sees the pages' blocks (a broken pattern would test nothing)."""
    assert {"tutorial.md", "ci.md", "pytest-plugin.md"} <= set(PAGES)
    assert sum(len(steps) for steps in PAGES.values()) >= 10


# --- Figures ---------------------------------------------------------------------------


def test_accuracy_page_quotes_its_dated_run() -> None:
    """docs/accuracy.md quotes the harness run it was written from, with its date and command.

    The run's metrics are kept in docs/measurements/harness-dev.json: after a new run, replace
    that file, and this test lists the figures of the page that are out of date.
    """
    run = json.loads((DOCS / "measurements" / "harness-dev.json").read_text(encoding="utf-8"))
    page = (DOCS / "accuracy.md").read_text(encoding="utf-8")
    metrics = run["metrics"]
    quoted = {
        "date": run["date"],
        "command": run["command"].replace("dev.json", ""),
        "figure line": metrics["figure_line"],
        "coref pairs": f"{metrics['coref']['n']:,}",
        "timex gold": f"{metrics['timex']['n']:,}",
        "MRPC pairs": f"{metrics['mrpc']['n']:,}",
        "detection precision": f"{metrics['timex']['detect_precision']:.1f}%",
        "value F1": f"{metrics['timex']['value_f1']:.1f}",
        "MRPC TPR": f"{metrics['mrpc']['tpr']:.1f}%",
        "MRPC TNR": f"{metrics['mrpc']['tnr']:.1f}%",
        "chars/s": f"{metrics['robustness']['chars_per_s']:,.0f}",
    }
    assert [name for name, text in quoted.items() if text not in page] == []
    for category, row in metrics["injected"]["per_category"].items():
        line = f"| {category} | {row['n']} | {row['hit']} | {row['recall']:.1f}% |"
        assert line in page, line


def test_every_python_example_of_the_docs_runs() -> None:
    """A ```python block of the docs is a doctest, or includes a file that a console example runs.

    pytest runs the doctests (``--doctest-glob=*.md``); an included file (``--8<--``) must be
    one of docs/examples/, whose tests the console examples run.
    """
    examples = (ROOT / "docs" / "examples").rglob("*.py")
    included = {f'--8<-- "{p.relative_to(ROOT).as_posix()}"' for p in examples}
    blocks = [
        (page.name, body.strip())
        for page in sorted(DOCS.glob("*.md"))
        for body in re.findall(r"^```python\n(.*?)^```$", page.read_text("utf-8"), re.M | re.S)
    ]
    assert blocks
    assert [b for b in blocks if not (b[1].startswith(">>> ") or b[1] in included)] == []


def test_console_blocks_that_do_not_run_say_why() -> None:
    """Each ``not run`` marker gives its reason, so that skipping is a decision, not a default."""
    markers = [
        line
        for page in sorted(DOCS.glob("*.md"))
        for line in page.read_text("utf-8").splitlines()
        if line.startswith(NOT_RUN)
    ]
    reason = re.compile(r"<!-- console: not run \(.{10,}\) -->")
    assert markers
    assert [m for m in markers if not reason.fullmatch(m)] == []
