"""The JSON report contract is published as a JSON Schema in the package, and reports obey it."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from support import reports, strict

import reconcile
from reconcile import Report
from reconcile.testing import report_schema

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SCHEMA = report_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
# Every object must declare every key the report writes: the schema documents the
# whole output, not only the contract's minimum.
STRICT = Draft202012Validator(strict(SCHEMA))


@pytest.fixture(scope="module")
def seed_dict() -> dict[str, Any]:
    return reconcile.compare([reconcile.Source.from_file(p) for p in SEEDS]).to_dict()


def _errors(validator: Draft202012Validator, data: object) -> list[str]:
    return sorted(e.message for e in validator.iter_errors(data))


def test_schema_ships_in_the_package_and_is_valid() -> None:
    """The schema is a package resource, a valid 2020-12 schema, for reconcile.report/1."""
    path = resources.files("reconcile").joinpath("report/schema/report-1.schema.json")
    text = path.read_text("utf-8")
    assert json.loads(text) == SCHEMA
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema"] == {"const": "reconcile.report/1"}


def test_seed_report_obeys_the_schema(seed_dict: dict[str, Any]) -> None:
    """The seed articles' report obeys the schema, and declares no key the schema does not."""
    assert _errors(VALIDATOR, seed_dict) == []
    assert _errors(STRICT, seed_dict) == []


def test_check_report_obeys_the_schema() -> None:
    """A one-source report from ``check`` obeys the schema too."""
    src = reconcile.Source(
        "Published: 2026-03-10\nSales rose earlier this month. On February 26, the firm cut prices."
    )
    data = reconcile.check(src).to_dict()
    assert data["summary"]["discrepancies"] == 1
    assert _errors(STRICT, data) == []


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_any_report_obeys_the_schema(report: Report) -> None:
    """Whatever values a report holds, its dict obeys the schema (open ranges write "inf")."""
    assert _errors(STRICT, report.to_dict()) == []


def test_contract_keys_are_required() -> None:
    """Every key DESIGN.md names as the contract is required where it appears."""
    defs = SCHEMA["$defs"]
    contract = {
        "": ["schema", "sources", "claims", "segments", "alignments", "findings"],
        "source": ["name", "published", "published_how"],
        "claim": ["id", "source", "start", "end", "text", "times"],
        "time": ["text", "start", "end", "value", "interval"],
        "segment": ["source", "start", "end", "text", "why"],
        "alignment": ["claims", "score"],
        "finding": ["kind", "category", "claims", "message"],
    }
    missing = {
        where: sorted(set(keys) - set((defs[where] if where else SCHEMA)["required"]))
        for where, keys in contract.items()
    }
    assert missing == {where: [] for where in contract}


def _broken(data: dict[str, Any], path: list[Any], value: object) -> dict[str, Any]:
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["schema"], "reconcile.report/2", "'reconcile.report/1' was expected"),
        (["findings"], KeyError, "'findings' is a required property"),
        (["alignments", 0, "score"], 1.5, "1.5 is greater than the maximum of 1"),
        (["findings", 0, "kind"], "contradiction", "'contradiction' is not one of"),
        (["claims", 0, "start"], -1, "-1 is less than the minimum of 0"),
        (["sources", 0, "published"], "4 Feb 2026", "'4 Feb 2026' is not valid under any"),
    ],
)
def test_schema_rejects_a_broken_report(
    seed_dict: dict[str, Any], path: list[Any], value: object, message: str
) -> None:
    """A report with a wrong schema string, a missing key or an out-of-range value fails."""
    errors = _errors(VALIDATOR, _broken(seed_dict, path, value))
    assert any(message in e for e in errors), errors


def test_wheel_includes_the_schema(tmp_path: Path) -> None:
    """The built wheel carries the schema file (hatch packages non-Python files too)."""
    pytest.importorskip("hatchling", reason="hatchling (the build backend) is not installed")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("reconcile-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = json.loads(zf.read("reconcile/report/schema/report-1.schema.json"))
    assert shipped == SCHEMA
