"""The rules of news dating added past HeidelTime's: quarters, deadlines, periods, TimeML values.

Every sentence here is written for these tests (business and wire news in the
style of the 1990s and of today), not taken from a corpus.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.errors import UsageError
from reconcile.timex import find_times
from reconcile.timex._values import duration_value

NOV_2 = date(1989, 11, 2)


def values(text: str, anchor: date | None = NOV_2) -> list[tuple[str, str]]:
    """Return (text, value) of every mention, anchored on ``anchor``."""
    return [(t.text, t.value) for t in find_times(text, anchor=anchor)]


class TestQuarters:
    def test_an_ordinal_quarter_takes_the_year_of_the_anchor(self) -> None:
        """ "The third quarter" written in November is this year's."""
        assert values("Net income in the third quarter rose 12%.") == [
            ("the third quarter", "1989-Q3")
        ]

    def test_a_hyphenated_quarter_before_a_noun(self) -> None:
        """ "third-quarter profit" is a date too, and "fiscal" may come before it."""
        assert values("The brewer posted a third-quarter loss.") == [("third-quarter", "1989-Q3")]
        assert values("It expects a loss for the fiscal second quarter.")[0][1].endswith("-Q2")

    def test_the_latest_quarter_is_the_one_before_the_anchor(self) -> None:
        """A report names the quarter just ended: in November that is the third."""
        assert values("Sales in the latest quarter fell 4%.") == [("the latest quarter", "1989-Q3")]
        assert values("It lost $5 million for the quarter.") == [("the quarter", "1989-Q3")]

    def test_year_ago_quarter(self) -> None:
        """ "The year-ago quarter" is the same quarter of the year before."""
        assert values("Revenue rose from the year-ago quarter.") == [
            ("the year-ago quarter", "1988-Q3")
        ]

    def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_back(self) -> None:
        """The comparison of an earnings report: the quarter named before, a year back."""
        text = "Net rose to $5 million in the third quarter from $4 million a year earlier."
        assert values(text) == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]
        text = "In the second quarter it earned $2, against a year-earlier loss of $1."
        assert values(text, date(1990, 8, 1))[-1][1] == "1989-Q2"

    def test_a_quarter_or_half_of_a_game_is_no_date(self) -> None:
        """Sports have quarters and halves too: of a season, of a match, "second-half"."""
        assert values("He was fired within the first quarter of the season.") == []
        assert values("They scored twice in the first half of the match.") == []
        assert values("A second-half surge won the game.") == []
        assert values("The French Quarter flooded.", date(2005, 8, 30)) == []

    def test_a_half_of_a_year(self) -> None:
        """ "The first half of 1990" and "of this year" are halves of a year."""
        assert values("Output will rise in the first half of 1990.") == [
            ("the first half of 1990", "1990-H1")
        ]
        assert values("Sales slowed in the second half of this year.") == [
            ("the second half of this year", "1989-H2")
        ]

    @given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)))
    def test_an_ordinal_quarter_lies_within_a_year_of_the_anchor(self, anchor: date) -> None:
        """Whatever the anchor, "the fourth quarter" is one of the nearest three."""
        (t,) = find_times("Profit rose in the fourth quarter.", anchor=anchor)
        assert t.interval is not None
        assert abs((t.interval[0] - anchor).days) <= 366 + 92


class TestDeadlines:
    def test_a_deadline_in_a_past_tense_sentence_is_the_next_one(self) -> None:
        """ "extended the offer to Nov. 20" on November 2 means this Nov. 20."""
        assert values("The company extended its offer to Nov. 20.") == [("Nov. 20", "1989-11-20")]
        assert values("The board said the dividend is payable Jan. 2.") == [
            ("Jan. 2", "1990-01-02")
        ]

    def test_an_event_in_a_past_tense_sentence_stays_in_the_past(self) -> None:
        """Without a deadline word, a past verb still puts the date behind the anchor."""
        assert values("The plant closed on Dec. 15.") == [("Dec. 15", "1988-12-15")]


class TestValues:
    @pytest.mark.parametrize(
        ("amount", "unit", "value"),
        [
            (2.5, "Y", "P2Y6M"),
            (5.5, "H", "PT5H30M"),
            (1.5, "MIN", "PT1M30S"),
            (2, "DE", "P20Y"),
            (1, "CE", "P100Y"),
            (None, "D", "PXD"),
            (None, "H", "PTXH"),
            (1.5, "D", "P1DT12H"),
        ],
    )
    def test_durations_are_written_as_timeml_writes_them(
        self, amount: float | None, unit: str, value: str
    ) -> None:
        """Fractions go into the next smaller unit; decades and centuries into years."""
        assert duration_value(amount, unit) == value

    def test_two_decades_is_twenty_years(self) -> None:
        """ "More than two decades" is ``P20Y`` with its modifier."""
        (t,) = find_times("The feud has lasted more than two decades.", anchor=NOV_2)
        assert (t.type, t.value, t.mod) == ("DURATION", "P20Y", "MORE_THAN")

    def test_a_unit_long_is_a_duration(self) -> None:
        """ "a day-long meeting" lasts a day; "the decades-long feud" an unknown number."""
        assert values("It was their third day-long meeting.") == [("day-long", "P1D")]
        assert values("The decades-long feud ended.") == [("decades-long", "PXDE")]

    def test_the_year_ended_is_a_period(self) -> None:
        """ "For the year ended March 31" measures a year; its end is a date."""
        assert values("Net income for the year ended March 31 rose 8%.") == [
            ("the year", "P1Y"),
            ("March 31", "1989-03-31"),
        ]

    def test_the_full_year_is_the_year_of_the_anchor(self) -> None:
        """A forecast "for the full year" is this year; "the full year ended" a period."""
        assert values("It expects growth for the full year.") == [("the full year", "1989")]

    def test_vague_future_and_no_vague_adverbs(self) -> None:
        """ "the future" is FUTURE_REF; "previously" and "soon" are not annotated times."""
        assert values("The future of the plant is unclear.") == [("The future", "FUTURE_REF")]
        assert values("The unit was previously owned by Ford and will soon be sold.") == []

    def test_an_adjective_of_frequency_is_no_set(self) -> None:
        """ "a quarterly dividend" names a dividend; "paid quarterly" is a set."""
        assert values("It declared a quarterly dividend of 10 cents.") == []
        assert values("Interest is paid quarterly.") == [("quarterly", "P3M")]
        assert values("It has become a daily rally.") == [("daily", "P1D")]

    def test_quarters_as_a_unit(self) -> None:
        """ "The past two quarters" is ``P2Q``; "three quarters of" is a share."""
        assert values("It lost money in the past two quarters.") == [
            ("the past two quarters", "P2Q")
        ]
        assert values("Three quarters of the members voted.") == []
        assert values("It made money after several quarters of losses.") == [
            ("several quarters", "PXQ")
        ]
        assert values("Interest is due every quarter.") == [("every quarter", "P1Q")]


def test_a_year_after_a_token_spelled_n() -> None:
    """ "N.Y., between 1994 and 1997": the word "N" once hid the numbers after it."""
    text = "He worked near Rochester, N.Y., between 1994 and 1997."
    assert values(text, date(1999, 5, 7)) == [("1994", "1994"), ("1997", "1997")]


def test_anchor_and_reference_name_one_date() -> None:
    """``anchor`` is ``reference`` by HeidelTime's name; both at once is an error."""
    text = "The vote is on Tuesday."
    assert values(text, date(2024, 3, 1)) == [
        (t.text, t.value) for t in find_times(text, reference=date(2024, 3, 1))
    ]
    with pytest.raises(UsageError, match="pass one"):
        find_times(text, reference=date(2024, 3, 1), anchor=date(2024, 3, 1))


def test_a_year_earlier_looks_back_past_its_paragraph() -> None:
    """The quarter of an earnings report's first paragraph anchors "a year earlier" below it."""
    text = (
        "Acme Corp. said its net income rose 20% in the third quarter.\n\n"
        "Sales were $4 billion, up from $3.5 billion a year earlier."
    )
    second = text.index("Sales")
    (t,) = find_times(text, anchor=NOV_2, start=second)
    assert (t.text, t.value) == ("a year earlier", "1988-Q3")
    (alone,) = find_times(text[second:], anchor=NOV_2)
    assert alone.value == "1988"


class TestYearsInWords:
    @pytest.mark.parametrize(
        ("text", "want"),
        [
            ("The bombing came in nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
            (
                "January nineteen ninety-seven. Atlanta again.",
                [("January nineteen ninety-seven", "1997-01")],
            ),
            ("Unemployment was to be halved by the year two thousand.", [("two thousand", "2000")]),
            ("In fiscal 1989, the company earned $7.8 million.", [("1989", "1989")]),
        ],
    )
    def test_transcripts_write_years_in_words(self, text: str, want: list[tuple[str, str]]) -> None:
        """Broadcast transcripts spell years out; "fiscal 1989" is a year."""
        assert values(text, date(1998, 2, 27)) == want

    def test_numbers_in_words_stay_counts(self) -> None:
        """ "Two thousand people", "nineteen people" and "twelve twenty" are no years."""
        assert values("Two thousand people marched.") == []
        assert values("Nineteen people died.") == []
        assert values("It sold for twelve twenty a share.") == []


def test_the_time_words_are_a_data_file_of_the_one_lexicon(tmp_path: Path) -> None:
    """``english-times.toml`` holds the time words; a file missing one is refused, naming it."""
    from importlib.resources import files

    from reconcile.lexicon import ENGLISH, load_lexicon

    folder = files("reconcile.lexicon")
    words = tmp_path / "english.toml"
    words.write_text(folder.joinpath("english.toml").read_text(encoding="utf-8"), "utf-8")
    data = folder.joinpath("english-times.toml").read_text(encoding="utf-8")
    times = tmp_path / "english-times.toml"
    times.write_text(data, encoding="utf-8")
    assert load_lexicon(words, times) == ENGLISH
    broken = tmp_path / "broken.toml"
    broken.write_text(data.replace("tens = ", "tenths = "), encoding="utf-8")
    with pytest.raises(UsageError, match="missing: tens; unknown: tenths"):
        load_lexicon(words, broken)


def test_a_month_or_quarter_of_last_year() -> None:
    """ "June last year", "the first quarter of last year": the year counts from the anchor."""
    feb = date(1998, 2, 19)
    assert values("In June last year, the leaders met.", feb) == [("June last year", "1997-06")]
    assert values("In January this year, police came.", feb) == [("January this year", "1998-01")]
    assert values("Sales fell in the first quarter of last year.", feb) == [
        ("the first quarter of last year", "1997-Q1")
    ]


def test_an_hour_in_the_morning() -> None:
    """ "at 4 in the morning" is 04:00, "at 8 in the evening" 20:00; a bare "4 in" is not."""
    apr = date(2000, 4, 5)
    assert values("He will leave at 4 in the morning.", apr) == [
        ("4 in the morning", "2000-04-05T04:00")
    ]
    assert values("The vote is at 8 in the evening.", apr) == [
        ("8 in the evening", "2000-04-05T20:00")
    ]
    assert values("Shares rose 4 in the morning session.", apr) == [
        ("the morning", "2000-04-05TMO")
    ]


def test_the_weekend_without_a_tense_is_the_nearer_one() -> None:
    """Read on a Monday, "over the weekend" is the one just past; on a Thursday, the next."""
    monday, thursday = date(1990, 8, 13), date(1990, 8, 16)
    (past,) = find_times("Over the weekend, officials in the capital", anchor=monday)
    assert past.interval == (date(1990, 8, 11), date(1990, 8, 12))
    (ahead,) = find_times("Over the weekend, officials in the capital", anchor=thursday)
    assert ahead.interval == (date(1990, 8, 18), date(1990, 8, 19))


def test_until_a_weekday_looks_ahead_whatever_the_tense() -> None:
    """ "delayed the vote until Tuesday", written on a Thursday, is the coming Tuesday."""
    thursday = date(2013, 10, 3)
    assert values("The Senate delayed the vote until Tuesday.", thursday) == [
        ("Tuesday", "2013-10-08")
    ]
    assert values("The Senate delayed the vote on Tuesday.", thursday) == [
        ("Tuesday", "2013-10-01")
    ]
    assert values("Until Tuesday, the Senate had not voted.", thursday) == [
        ("Tuesday", "2013-10-01")
    ]


def test_a_year_after_a_prefix_or_a_financial_preposition() -> None:
    """ "mid-2011" and "post-1945" are years; so are "notes due 2019" and "into 2014"."""
    assert values("The plant closed in mid-2011.", date(2013, 5, 2)) == [("mid-2011", "2011")]
    assert values("the post-1945 order", date(2013, 5, 2)) == [("1945", "1945")]
    assert values("It sold $500 million of notes due 2019.", date(2013, 5, 2)) == [("2019", "2019")]
    assert values("The slump will last into 2014.", date(2013, 5, 2)) == [("2014", "2014")]
    assert values("Output rose in both 2011 and 2012.", date(2013, 5, 2)) == [
        ("2011", "2011"),
        ("2012", "2012"),
    ]
    assert values("The base is due 2000 troops.", date(2013, 5, 2)) == []


def test_current_alone_is_the_present() -> None:
    """ "current" alone is PRESENT_REF; "the current quarter" is the anchor's quarter."""
    may = date(2013, 5, 2)
    assert values("Under current rules, banks must hold more capital.", may) == [
        ("current", "PRESENT_REF")
    ]
    assert values("Sales in the current quarter will fall.", may) == [
        ("current quarter", "2013-Q2")
    ]


def test_a_unit_and_a_half() -> None:
    """ "an hour and a half" is PT1H30M, "a year and a half" P1Y6M; a rate keeps its unit."""
    assert values("The hearing lasted an hour and a half.") == [("an hour and a half", "PT1H30M")]
    assert values("He spent a year and a half in prison.") == [("a year and a half", "P1Y6M")]
    assert values("It pays $5 a year and a half of that goes to tax.") == [("a year", "P1Y")]


def test_that_unit_is_the_unit_of_the_last_date() -> None:
    """ "later that year", "that same day", "that night" point back to the last date."""
    jan = date(1999, 1, 14)
    assert values("He fled in June 1998 and returned later that year.", jan) == [
        ("June 1998", "1998-06"),
        ("that year", "1998"),
    ]
    assert values("The doctor was shot on Oct. 23, 1998. That night, police came.", jan) == [
        ("Oct. 23, 1998", "1998-10-23"),
        ("That night", "1998-10-23TNI"),
    ]
    assert values("He said that year-end bonuses would shrink.", jan) == []


def test_a_day_counted_from_a_month_is_not_invented() -> None:
    """After "October 1998", "that same day" is 1998-10-XX and "the next day" unknown."""
    jan = date(1999, 1, 14)
    assert values("He was shot in October 1998; his name was crossed out that same day.", jan) == [
        ("October 1998", "1998-10"),
        ("that same day", "1998-10-XX"),
    ]
    assert values("He left in October 1998, and the next day he returned.", jan) == [
        ("October 1998", "1998-10"),
        ("the next day", "XXXX-XX-XX"),
    ]


def test_a_holiday_counted_from_the_anchor() -> None:
    """ "last Thanksgiving" is the one before the anchor; "Election Day" follows the first
    Monday of November; "a last Christmas card" is no date."""
    feb = date(2000, 2, 10)
    assert values("The boy was found at sea last Thanksgiving.", feb) == [
        ("last Thanksgiving", "1999-11-25")
    ]
    assert values("They will marry next Christmas.", feb) == [("next Christmas", "2000-12-25")]
    assert values("Polls close on Election Day 1998.", feb) == [("Election Day 1998", "1998-11-03")]
    assert values("She sent a last Christmas card.", feb) == []


def test_a_quarter_of_an_amount_and_trading_days() -> None:
    """ "the third quarter of $226 million" is the quarter; "of 1990" still names its year;
    "eight trading days" is P8D."""
    assert values("It lost money in the third quarter of $12.5 million.") == [
        ("the third quarter", "1989-Q3")
    ]
    assert values("Output rises in the third quarter of 1990.") == [
        ("the third quarter of 1990", "1990-Q3")
    ]
    assert values("The stock fell for eight trading days.") == [("eight trading days", "P8D")]


def test_a_participle_after_an_article_is_no_tense() -> None:
    """ "the preferred shares it will redeem on Oct. 31": "preferred" after "the" is an
    adjective, so the future of "will" dates the day."""
    oct27 = date(1989, 10, 27)
    assert values("It will redeem the preferred shares on Oct. 31.", oct27) == [
        ("Oct. 31", "1989-10-31")
    ]
    assert values("The offer that expired on Oct. 31 was rejected.", oct27) == [
        ("Oct. 31", "1988-10-31")
    ]


def test_a_part_of_day_after_early_mid_late() -> None:
    """ "by mid afternoon" is the anchor's afternoon (MID); "mid-afternoon yesterday" the
    day before's; "an early morning raid" the morning (START)."""
    nov = date(1989, 11, 2)
    assert [
        (t.text, t.value, t.mod) for t in find_times("By mid afternoon, it rose.", anchor=nov)
    ] == [("mid afternoon", "1989-11-02TAF", "MID")]
    assert values("At mid-afternoon yesterday, shares were up.", nov) == [
        ("mid-afternoon yesterday", "1989-11-01TAF")
    ]
    assert values("An early morning raid killed two.", nov) == [("early morning", "1989-11-02TMO")]
    assert values("The evening news led with it.", nov) == []
