"""Hypothesis strategies shared by the property tests: real sentences, articles, edits."""

from __future__ import annotations

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
