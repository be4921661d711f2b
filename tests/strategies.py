"""Hypothesis strategies shared by the property tests: real sentences, articles, edits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

# Real-style news sentences about several unrelated events, written for these tests.
SENTENCES = (
    "The storm made landfall near Corpus Christi on Friday night, forecasters said.",
    "At least 12 people were killed and more than 40 were injured, according to state officials.",
    "Governor Ann Marsh declared a state of emergency in 14 counties on Saturday.",
    "Power was cut to about 200,000 homes, the utility said in a statement.",
    "It was the strongest hurricane to hit the region since 1999.",
    "Schools will remain closed until Wednesday, the district announced.",
    "The central bank raised its benchmark rate by 0.25 percentage points to 4.5% on Tuesday.",
    "Economists had expected the increase, which was the third this year.",
    "Inflation fell to 3.1% in May from 3.4% in April, the statistics office said.",
    "The bank's governor, Maria Lopez, said further rises were not ruled out.",
    "United beat City 2-1 at Old Trafford on Sunday.",
    "It was United's first win over their neighbours in five matches.",
    "The winning goal came from Sam Reid in the 88th minute.",
    "The company said it would cut 1,200 jobs by the end of next year.",
    "Its shares fell 8% in early trading in New York.",
)

sentences = st.sampled_from(SENTENCES)
articles = st.lists(sentences, min_size=2, max_size=6, unique=True).map(" ".join)
unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400
)


# ---------------------------------------------------------------------------
# Perturbations: real-style articles with one slot per kind of change. Changing one
# slot in one sentence must give exactly one discrepancy of the slot's category.

PERTURBABLE_ARTICLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "fire": (
        "2024-03-14",
        (
            "A fire at a chemical plant on the edge of Dunmore killed 9 workers on March 12, "
            "the fire service said.",
            "It was the deadliest industrial accident in the region since 2009.",
            "The plant's owner, Dunmore Chemicals, closed the site on Wednesday.",
            "Investigators have not yet found the cause of the blaze.",
            "The company employs about 350 people in the town.",
        ),
    ),
    "match": (
        "2023-11-06",
        (
            "Rovers beat Athletic 3-1 at Mill Park on November 4 to reach the cup semi-finals.",
            "Lena Okafor scored twice in the second half, manager Dean Holt said.",
            "It was the club's biggest win in the competition since 1998.",
            "A crowd of 18,450 watched the match.",
            "Athletic's captain was sent off after 60 minutes.",
        ),
    ),
    "deal": (
        "2023-05-10",
        (
            "Harbor Foods agreed to buy the snack maker Crisply for $2.1 billion on May 8.",
            "The deal makes Harbor the second-largest snack company in North America, "
            "the company said.",
            "Crisply's founders will stay on to run the brand.",
            "The companies did not disclose how many jobs would be cut.",
            "Harbor shares rose 4% in New York.",
        ),
    ),
}

_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eleven", "twelve", "twenty")


def _far_from(value: float, share: float) -> st.SearchStrategy[int]:
    """Integers that differ from ``value`` by more than ``share`` of it (beyond rounding)."""
    return st.integers(1, int(value * 4) + 10).filter(lambda n: abs(n - value) > share * value)


def _day(month: str, original: int) -> st.SearchStrategy[str]:
    return st.integers(1, 28).filter(lambda d: d != original).map(lambda d: f"on {month} {d}")


#: article -> category -> (sentence index, the words changed, what they may become)
PERTURBATIONS: dict[str, dict[str, tuple[int, str, st.SearchStrategy[str]]]] = {
    "fire": {
        "temporal": (0, "on March 12", _day("March", 12)),
        "numeric": (
            0,
            "killed 9 workers",
            st.one_of(
                _far_from(9, 0).map(str),
                st.sampled_from([w for w in _NUMBER_WORDS if w != "nine"]),
            ).map(lambda n: f"killed {n} workers"),
        ),
        "framing": (
            1,
            "in the region since 2009",
            st.sampled_from(
                [
                    "in the country since 2009",
                    "in the region since 1987",
                    "in the region's history",
                    "in Europe since 2009",
                ]
            ),
        ),
        "attribution": (
            0,
            "the fire service said",
            st.sampled_from(
                [
                    "the mayor said",
                    "Governor Ann Marsh said",
                    "the plant's owner said",
                    "police chief Sara Lind said",
                ]
            ),
        ),
        "status": (
            2,
            "closed the site on Wednesday",
            st.just("did not close the site on Wednesday"),
        ),
        "entity": (
            0,
            "on the edge of Dunmore",
            st.sampled_from(["Ashby", "Carrow", "Elmsford", "Penrith Vale"]).map(
                lambda p: f"on the edge of {p}"
            ),
        ),
    },
    "match": {
        "temporal": (0, "on November 4", _day("November", 4)),
        "numeric": (3, "18,450", _far_from(18450, 0.1).map(lambda n: f"{n:,}")),
        "framing": (
            2,
            "in the competition since 1998",
            st.sampled_from(
                [
                    "in the competition's history",
                    "in the league since 1998",
                    "in the competition since 2005",
                ]
            ),
        ),
        "attribution": (
            1,
            "manager Dean Holt said",
            st.sampled_from(
                ["captain Joe Mills said", "coach Ana Silva said", "the club's chairman said"]
            ),
        ),
        "status": (4, "was sent off", st.just("was not sent off")),
        "entity": (
            0,
            "at Mill Park",
            st.sampled_from(["Kingsway Park", "Riverside Stadium", "Elm Road"]).map(
                lambda p: f"at {p}"
            ),
        ),
    },
    "deal": {
        "temporal": (0, "on May 8", _day("May", 8)),
        "numeric": (
            0,
            "$2.1 billion",
            st.integers(5, 99).filter(lambda n: n != 21).map(lambda n: f"${n / 10:.1f} billion"),
        ),
        "framing": (
            1,
            "in North America",
            st.sampled_from(["in the world", "in Europe", "in the United States", "in Canada"]),
        ),
        "attribution": (
            1,
            "the company said",
            st.sampled_from(
                ["analysts at Barwick said", "Crisply's chief executive said", "the mayor said"]
            ),
        ),
        "status": (
            3,
            "did not disclose how many",
            st.just("disclosed how many"),
        ),
        "entity": (
            0,
            "Harbor Foods agreed",
            st.sampled_from(["Coastline Foods", "Meridian Capital", "Northgate Brands"]).map(
                lambda n: f"{n} agreed"
            ),
        ),
    },
}


@st.composite
def perturbed_articles(
    draw: st.DrawFn,
) -> tuple[str, tuple[str, ...], int, str, str]:
    """Return ``(published, sentences, index, changed sentence, category)`` for one change."""
    name = draw(st.sampled_from(sorted(PERTURBATIONS)))
    category = draw(st.sampled_from(sorted(PERTURBATIONS[name])))
    index, old, values = PERTURBATIONS[name][category]
    published, sentences = PERTURBABLE_ARTICLES[name]
    new = draw(values)
    return published, sentences, index, sentences[index].replace(old, new), category


# ---------------------------------------------------------------------------
# Real articles with random edits: the seeds and the sentences above, with
# characters inserted, deleted or replaced anywhere (scraping debris, typos,
# truncation, foreign text pasted in).

_SEED_TEXTS = tuple(
    p.read_text(encoding="utf-8")
    for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
)
_DEBRIS = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \n\r\t.,;:!?\"'“”’()-—<>&/|#*\u00a0\u200b\ufeff0123456789")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=12,
)


@st.composite
def edited_articles(draw: st.DrawFn, *, max_edits: int = 6) -> str:
    """Return a real article (a seed, or sentences above) with a few random edits."""
    base = draw(st.one_of(st.sampled_from(_SEED_TEXTS), articles))
    text = base
    for _ in range(draw(st.integers(0, max_edits))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(("insert", "delete", "replace")))
        width = draw(st.integers(1, 40))
        if kind == "insert":
            text = text[:at] + draw(_DEBRIS) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + width :]
        else:
            text = text[:at] + draw(_DEBRIS) + text[at + width :]
    return text
