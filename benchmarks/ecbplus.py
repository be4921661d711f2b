"""Load the ECB+ dev clusters for calibration and evaluation (never copied into the repo).

ECB+ (Cybulska and Vossen, LREC 2014), CC BY 3.0. Each cluster folder holds
articles about one real event, one sentence per line, and ``_meta.json`` with
gold cross-document coreference of event, entity and time mentions by line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(
    os.environ.get("RECONCILE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
ECBPLUS = DATA / "ecbplus-dev"
MRPC = DATA / "mrpc-train" / "msr_paraphrase_train.txt"


@dataclass
class Article:
    doc_id: str
    cluster: str
    text: str
    line_spans: list[tuple[int, int]]  # 0-based line -> (start, end) in text
    events: dict[int, set[str]] = field(default_factory=dict)  # line -> gold event instances
    selected: set[int] = field(default_factory=set)
    time_mentions: list[dict] = field(default_factory=list)
    url: str | None = None

    def line_of(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.line_spans):
            if s <= offset < e:
                return i
        return -1


def load_cluster(folder: Path) -> list[Article]:
    meta = json.loads((folder / "_meta.json").read_text(encoding="utf-8"))
    articles = []
    for doc_id in sorted(meta):
        text = (folder / f"{doc_id}.txt").read_text(encoding="utf-8")
        spans, pos = [], 0
        for line in text.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        info = meta[doc_id]
        events: dict[int, set[str]] = {}
        for inst in info.get("cross_doc_coref", []):
            if "ACTION" not in inst["tag"]:
                continue
            for m in inst["mentions"]:
                events.setdefault(m["line"], set()).add(inst["instance"])
        articles.append(
            Article(
                doc_id=doc_id,
                cluster=folder.name,
                text=text,
                line_spans=spans,
                events=events,
                selected=set(info.get("selected_lines", [])),
                time_mentions=info.get("time_mentions", []),
                url=info.get("url"),
            )
        )
    return articles


def topics() -> list[tuple[str, list[Article], list[Article]]]:
    """Return ``(topic, ecb articles, ecbplus articles)`` for each topic."""
    result = []
    for ecb in sorted(ECBPLUS.glob("*_ecb")):
        topic = ecb.name.split("_")[0]
        plus = ECBPLUS / f"{topic}_ecbplus"
        result.append((topic, load_cluster(ecb), load_cluster(plus)))
    return result


def mrpc_pairs() -> list[tuple[int, str, str]]:
    rows = MRPC.read_text(encoding="utf-8-sig").splitlines()[1:]
    pairs = []
    for row in rows:
        parts = row.split("\t")
        if len(parts) == 5:
            pairs.append((int(parts[0]), parts[3], parts[4]))
    return pairs
