"""How big is the default install? The wheel, and what it and its dependencies put on disk.

Builds the project's wheel (``pip wheel --no-deps``) and sums, for ``reconcile`` and
every distribution its core dependencies pull in (read from the installed metadata
of this interpreter), the sizes of the files each one installed::

    $ python benchmarks/install_size.py
    wheel reconcile-0.1.0-py3-none-any.whl: 6.6 MB (... MB unpacked)
    installed, reconcile and its core dependencies (.pyc left out):
      numpy                  57.4 MB
      ...
      total                  ... MB

Run it in a venv made with ``pip install .`` (or ``-e '.[test]'``: only the core
dependencies are counted either way).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_wheel() -> tuple[str, int, int]:
    """Build the wheel into a temporary folder; return its name, size and unpacked size."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, str(ROOT)],
            check=True,
        )
        (wheel,) = Path(out).glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        return wheel.name, wheel.stat().st_size, unpacked


def _requirement_name(req: str) -> str | None:
    """Return the distribution a requirement names, or None for one behind an extra."""
    if "extra ==" in req:
        return None
    found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", req)
    return found.group(0) if found else None


def closure(name: str) -> list[str]:
    """Return ``name`` and every distribution its core requirements pull in, sorted."""
    seen: dict[str, str] = {}
    todo = [name]
    while todo:
        wanted = todo.pop()
        key = re.sub(r"[-_.]+", "-", wanted).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(wanted)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        seen[key] = dist.metadata["Name"]
        for req in dist.requires or ():
            if ";" in req and "extra ==" not in req:
                marker = req.split(";", 1)[1]
                if "python_version" in marker and "<" in marker:
                    continue  # a backport this Python does not need
            sub = _requirement_name(req)
            if sub is not None:
                todo.append(sub)
    return sorted(seen.values(), key=str.lower)


def installed_size(name: str) -> int:
    """Return the bytes of the files a distribution installed (its RECORD)."""
    dist = metadata.distribution(name)
    total = 0
    for file in dist.files or ():
        path = Path(str(dist.locate_file(file)))
        if path.is_file() and path.suffix != ".pyc":
            total += path.stat().st_size
    return total


def main() -> None:
    """Print the wheel's size and the installed size of the default install."""
    argparse.ArgumentParser(description=__doc__.split("\n", 1)[0]).parse_args()
    name, size, unpacked = build_wheel()
    print(f"wheel {name}: {size / 1e6:.1f} MB ({unpacked / 1e6:.1f} MB unpacked)")
    print("installed, reconcile and its core dependencies (.pyc left out):")
    total = 0
    for dist in closure("reconcile"):
        # An editable install records no files of its own: count the wheel's instead.
        size = unpacked if dist == "reconcile" else installed_size(dist)
        total += size
        print(f"  {dist:<20} {size / 1e6:6.1f} MB")
    print(f"  {'total':<20} {total / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
