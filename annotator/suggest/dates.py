"""Dates in Arabic, Polish and English news text, for the DATE label.

DATE covers points in time: a day, a weekday in context, a month, a year.
Durations (30 عاما, قبل 5 أعوام) and anniversaries (الذكرى الثلاثين,
30. rocznica) are not dates, and a bare number (100, 3.5, 2021) is not one
either: a year needs a word that makes it one (عام 2017, w 2021 roku,
2021 r., in 2021) or a month next to it.

What is found (the span is what is underlined):

- Arabic: ``2 يونيو 2021``, ``24 يونيو``, ``يونيو 2021``, ``الأول من يوليو``,
  ``الحادي والعشرين من يونيو``,
  a month alone when it is an Egyptian-style name (``يوليو المقبل``), month
  names of both styles (يناير … ديسمبر, كانون الثاني … كانون الأول, and
  ``حزيران/يونيو``), ``عام 2017``, ``أمس الثلاثاء``, ``يوم الأربعاء``,
  ``اليوم الأربعاء``, ``الأربعاء المقبل``, ``اليوم (الأربعاء)`` (the relative
  word and the bracketed weekday belong to the date, as the DATE guideline says),
  ``هذا العام``, ``العام الماضي``; Arabic-Indic digits too. A proclitic
  before the date (وأمس الثلاثاء, بعام 2017) stays outside the span.
- Polish: ``w środę`` (the design's example keeps the ``w``), ``2 czerwca 2021``,
  ``2 czerwca 2021 r.``, ``czerwca 2021``, ``w czerwcu``, ``w 2021 roku``,
  ``2021 r.``, ``ten rok``, ``w tym roku``, ``w ubiegłą środę``.
- English: ``June 2, 2021``, ``2 June 2021``, ``30th of December 2016``, ``June 2021``, ``Wednesday`` in
  ``on Wednesday``, ``2021`` in ``in 2021``, ``June`` in ``in June``,
  ``this year``.
- Numeric: ``2021-06-03``, ``3.06.2021``, ``24/6/2016`` (or ``6/24/2016``) and
  ``2016/6/24`` (a valid month and day).
"""

from __future__ import annotations

from calendar import monthrange

import regex

from annotator.core.model import Span
from annotator.core.overlaps import keep_longest
from annotator.core.search import IGNORED_MARKS

LABEL = "DATE"

_LETTER = r"[\p{L}\p{M}\p{N}\u0640]"
_START = rf"(?<!{_LETTER})"  # not inside a word
_END = rf"(?!{_LETTER})"
_END_OR_DOT = rf"(?:(?<=\.)|{_END})"  # "2021 r." ends at its dot
# An Arabic proclitic joined to the date, kept outside the span.
_PROCLITIC = r"(?:[وف][بلك]?|[بلك])?"
_D = r"\p{Nd}"
_DAY = rf"(?P<day>{_D}{{1,2}})"
_YEAR = rf"(?P<year>{_D}{{4}})"

# -- Arabic --------------------------------------------------------------------

_A = "[أاإآ]"  # the alef forms, written either way
_AR_MONTHS_EGYPTIAN = (
    "يناير", "فبراير", "مارس", f"{_A}بريل", "مايو", "يوني[وه]", "يولي[وه]", f"{_A}غسطس",
    "سبتمبر", f"{_A}كتوبر", "نوفمبر", "ديسمبر",
)
_AR_MONTHS_LEVANTINE = (
    r"كانون\s+الثاني", "شباط", f"{_A}ذار", "نيسان", f"{_A}يار", "حزيران", "تموز", f"{_A}ب",
    f"{_A}يلول", rf"تشرين\s+ال{_A}ول", r"تشرين\s+الثاني", rf"كانون\s+ال{_A}ول",
)
_AR_MONTH = "(?:" + "|".join(_AR_MONTHS_EGYPTIAN + _AR_MONTHS_LEVANTINE) + ")"
# A month alone is a date when its name can mean nothing else: مارس is also
# "he practised", نيسان a car, تموز and آب names.
_AR_MONTH_ALONE = "(?:" + "|".join(m for m in _AR_MONTHS_EGYPTIAN if m != "مارس") + ")"
# The first to the thirty-first: الأول, الحادي عشر, الثاني والعشرين, الحادي والثلاثين.
_AR_UNIT = "(?:الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)"
_AR_ORDINAL_DAY = (rf"(?:ال{_A}ول|{_AR_UNIT}|العاشر|(?:الحادي|{_AR_UNIT})\s+(?:عشر|والعشرين)"
                   r"|العشرين|الثلاثين|الحادي\s+والثلاثين)\s+من")
_AR_NEXT_OR_LAST = "(?:الماضي|المقبل|القادم|الفائت)"
_AR_WEEKDAY = (f"(?:ال{_A}حد|ال{_A}ثنين|الثلاثاء|ال{_A}ربعاء|الخميس|الجمعة|السبت)")
_AR_NOW = f"(?:اليوم|{_A}مس|غدا\u064b?|يوم|صباح|مساء|ليلة)"
_AR_YEAR = rf"{_YEAR}(?:\s?م)?"  # 2021م: م for ميلادي (of the Gregorian calendar)
# A month named in both calendars: يونيو/حزيران, أغسطس / آب, سبتمبر أيلول.
_AR_MONTHS = rf"{_AR_MONTH}(?:\s*/\s*{_AR_MONTH}|\s+{_AR_MONTH})?"

_ARABIC = [
    # 2 يونيو 2021, 24 يونيو, يونيو 2021, حزيران/يونيو 2021, الأول من يوليو
    rf"{_START}{_PROCLITIC}(?P<date>(?:{_DAY}\s+|{_AR_ORDINAL_DAY}\s+)"
    rf"{_AR_MONTHS}(?:\s+{_AR_YEAR}|\s+{_AR_NEXT_OR_LAST})?){_END}",
    rf"{_START}{_PROCLITIC}(?P<date>{_AR_MONTHS}\s+{_AR_YEAR}){_END}",
    # a month alone (مارس only in a pair: alone it is also a verb), أغسطس / آب الماضي
    rf"{_START}{_PROCLITIC}(?P<date>(?:{_AR_MONTH_ALONE}(?:\s*/\s*{_AR_MONTH})?"
    rf"|{_AR_MONTH}\s*/\s*{_AR_MONTH})(?:\s+{_AR_NEXT_OR_LAST})?){_END}",
    # عام 2017, العام 2017, سنة 2017, عام 2017م
    rf"{_START}{_PROCLITIC}(?P<date>(?:ال)?(?:عام|سن[ةه])\s+{_AR_YEAR}){_END}",
    # أمس الثلاثاء, يوم الأربعاء (الماضي), اليوم الأربعاء
    rf"{_START}{_PROCLITIC}(?P<date>{_AR_NOW}\s+{_AR_WEEKDAY}(?:\s+{_AR_NEXT_OR_LAST})?){_END}",
    # اليوم (الأربعاء): the relative word and the bracketed weekday, brackets included
    rf"{_START}{_PROCLITIC}(?P<date>{_AR_NOW}\s*\(\s*{_AR_WEEKDAY}\s*\))",
    # الأربعاء المقبل
    rf"{_START}{_PROCLITIC}(?P<date>{_AR_WEEKDAY}\s+{_AR_NEXT_OR_LAST}){_END}",
    # هذا العام, العام الماضي
    rf"{_START}{_PROCLITIC}(?P<date>هذا\s+العام|هذه\s+السن[ةه]"
    rf"|العام\s+(?:{_AR_NEXT_OR_LAST}|الجاري|الحالي)){_END}",
]

# -- Polish --------------------------------------------------------------------

_PL_GENITIVE = ("(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września"
                "|października|listopada|grudnia)")
_PL_NOMINATIVE = ("(?:styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień"
                  "|październik|listopad|grudzień)")
_PL_LOCATIVE = ("(?:styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu"
                "|październiku|listopadzie|grudniu)")
_PL_WEEKDAY = "(?:poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę)"
# w ubiegłą środę, w przyszły piątek, w tę sobotę
_PL_WHICH_WEEK = "(?:(?:ubiegł|zeszł|przyszł|najbliższ)[ąy]|tę|ten)"
_PL_YEAR_WORD = r"(?:roku|r\.)"
_PL_YEAR = rf"{_YEAR}(?:\s*r\.|\s+roku)?"  # 2021 r., 2021r., 2021 roku

_POLISH = [
    # 2 czerwca 2021 r., 2 czerwca, czerwca 2021
    rf"{_START}(?P<date>{_DAY}\s+{_PL_GENITIVE}(?:\s+{_PL_YEAR})?){_END_OR_DOT}",
    rf"{_START}(?P<date>(?:{_PL_GENITIVE}|{_PL_NOMINATIVE})\s+{_PL_YEAR}){_END_OR_DOT}",
    # w czerwcu (2021 r.)
    rf"{_START}(?P<date>we?\s+{_PL_LOCATIVE}(?:\s+{_PL_YEAR})?){_END_OR_DOT}",
    # w środę, we wtorek, w ubiegłą środę
    rf"{_START}(?P<date>we?\s+(?:{_PL_WHICH_WEEK}\s+)?{_PL_WEEKDAY}){_END}",
    # w 2021 roku, 2021 r.
    rf"{_START}(?P<date>(?:w\s+)?{_YEAR}\s+{_PL_YEAR_WORD}){_END_OR_DOT}",
    # ten rok, w tym roku, w zeszłym roku
    rf"{_START}(?P<date>ten\s+rok|w\s+tym\s+roku"
    rf"|w\s+(?:zeszłym|ubiegłym|przyszłym|bieżącym)\s+roku){_END}",
]

# -- English -------------------------------------------------------------------

_EN_MONTH = ("(?-i:January|February|March|April|May|June|July|August|September|October"
             "|November|December)")
_EN_WEEKDAY = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EN_DAY = rf"{_DAY}(?:st|nd|rd|th)?"
_EN_WEEKDAY_BEFORE = rf"(?:{_EN_WEEKDAY},?\s+)?"

_ENGLISH = [
    # (Wednesday,) June 2, 2021 / June 2 / 2 June 2021 / 2 June
    rf"{_START}(?P<date>{_EN_WEEKDAY_BEFORE}{_EN_MONTH}\s+{_EN_DAY}(?:,?\s+{_YEAR})?){_END}",
    rf"{_START}(?P<date>{_EN_WEEKDAY_BEFORE}{_EN_DAY}\s+{_EN_MONTH}(?:,?\s+{_YEAR})?){_END}",
    # (the) 30th of December (2016): "the" stays outside
    rf"{_START}(?P<date>{_EN_DAY}\s+of\s+{_EN_MONTH}(?:,?\s+{_YEAR})?){_END}",
    # June 2021
    rf"{_START}(?P<date>{_EN_MONTH},?\s+{_YEAR}){_END}",
    # in June, on Wednesday, in 2021: the preposition stays outside
    rf"{_START}(?:in|since|until|by|during)\s+(?P<date>{_EN_MONTH}){_END}",
    rf"{_START}(?:on|last|next|this|since|until|by)\s+(?P<date>{_EN_WEEKDAY}){_END}",
    rf"{_START}(?:in|since|until|by|during)\s+(?P<date>{_YEAR}){_END}(?!\s*[%.,]\p{{Nd}})",
    # this year (not "the last year", a duration)
    rf"{_START}(?<!the\s)(?P<date>(?:this|last|next)\s+year){_END}",
]

# -- Numeric -------------------------------------------------------------------

_NUMERIC = [
    rf"{_START}(?P<date>{_YEAR}-(?P<month>{_D}{{2}})-{_DAY}){_END}(?![-/.]\p{{Nd}})",
    rf"{_START}(?<!\p{{Nd}}[./])(?P<date>{_DAY}\.(?P<month>{_D}{{1,2}})\.{_YEAR}"
    rf"(?:\s*r\.)?){_END_OR_DOT}(?![./]\p{{Nd}})",  # 2.06.2021 r. (Polish)
    # 24/6/2016 (day first, or month first in American English: either reading
    # valid will do, the span is the same), 2016/6/24
    rf"{_START}(?<!\p{{Nd}}/)(?P<date>(?P<first>{_D}{{1,2}})/(?P<second>{_D}{{1,2}})/{_YEAR})"
    rf"{_END}(?!/\p{{Nd}})",
    rf"{_START}(?<!\p{{Nd}}/)(?P<date>{_YEAR}/(?P<month>{_D}{{1,2}})/{_DAY}){_END}(?!/\p{{Nd}})",
]

_PATTERNS = [regex.compile(p, regex.IGNORECASE) for p in _ARABIC + _POLISH + _ENGLISH + _NUMERIC]


def _valid(match: regex.Match) -> bool:
    groups = match.groupdict()
    if groups.get("day") is not None and not 1 <= int(groups["day"]) <= 31:
        return False
    if groups.get("month") is not None and not 1 <= int(groups["month"]) <= 12:
        return False
    if groups.get("year") is not None and not 1000 <= int(groups["year"]) <= 2199:
        return False
    year = groups.get("year")
    if groups.get("first") is not None:  # 24/6/2016 or 6/24/2016
        first, second = int(groups["first"]), int(groups["second"])
        return _real_day(year, first, second) or _real_day(year, second, first)
    if None not in (groups.get("day"), groups.get("month"), year):
        # 31.02.2021 and 2021-02-30 are no dates: a day the month has.
        return _real_day(year, int(groups["day"]), int(groups["month"]))
    return True


def _real_day(year: str, day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= monthrange(int(year), month)[1]


# Read past, as a reader does: harakat and tatweel (يُونيُو, عــام), and the
# invisible direction marks that stand for a space (عام‏2004).
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
_TO_READ_PAST = regex.compile("[" + "".join(sorted(IGNORED_MARKS | _DIRECTION_MARKS)) + "]")


def _readable(text: str) -> tuple[str, list[int] | None]:
    """``text`` without harakat and tatweel, a direction mark read as a
    space, and for each character kept its offset in ``text`` (None: the
    text is read as it is)."""
    if _TO_READ_PAST.search(text) is None:
        return text, None
    kept: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in IGNORED_MARKS:
            continue
        kept.append(" " if ch in _DIRECTION_MARKS else ch)
        origin.append(i)
    return "".join(kept), origin


def find_dates(text: str) -> list[tuple[int, int]]:
    """Every date in ``text`` as ``(start, end)`` code-point offsets, by
    position; where two readings overlap the longer one wins."""
    readable, origin = _readable(text)
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(readable):
            if _valid(match):
                start, end = match.span("date")
                if origin is not None:
                    start, end = origin[start], origin[end - 1] + 1
                    while end < len(text) and text[end] in IGNORED_MARKS:
                        end += 1  # the harakat on its last letter are part of it
                found.append(Span(start, end, LABEL))
    return [(span.start, span.end) for span in keep_longest(found)]


def suggest_dates(text: str, label: str = LABEL) -> list[Span]:
    """The dates of ``text`` as spans with ``label``."""
    return [Span(start, end, label) for start, end in find_dates(text)]
