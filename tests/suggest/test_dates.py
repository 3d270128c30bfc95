"""Dates for the DATE label: what is a date, what is not, and the seeds."""

import pytest

from annotator.suggest.dates import find_dates, suggest_dates


def found(text):
    return [text[start:end] for start, end in find_dates(text)]


@pytest.mark.parametrize("text, dates", [
    ("بكين 2 يونيو 2021 (شينخوا) قال", ["2 يونيو 2021"]),
    ("في طشقند، 24 يونيو.", ["24 يونيو"]),
    ("في يونيو 2021 وقع", ["يونيو 2021"]),
    ("في ٢ يونيو ٢٠٢١ قال", ["٢ يونيو ٢٠٢١"]),
    ("وفي 15 كانون الثاني 2020 أعلن", ["15 كانون الثاني 2020"]),
    ("في شباط 2019 وفي تشرين الأول 2020", ["شباط 2019", "تشرين الأول 2020"]),
    ("في 2 حزيران/يونيو 2021", ["2 حزيران/يونيو 2021"]),
    ("يوافق الأول من يوليو المقبل.", ["الأول من يوليو المقبل"]),
    ("في عام 2017.", ["عام 2017"]),
    ("الذي عقد أمس الثلاثاء في نور سلطان", ["أمس الثلاثاء"]),
    ("وأمس الثلاثاء التقى", ["أمس الثلاثاء"]),  # the proclitic stays outside
    ("اجتمع يوم الأربعاء مع", ["يوم الأربعاء"]),
    ("وقال اليوم الأربعاء إن", ["اليوم الأربعاء"]),
    ("قال شي اليوم (الأربعاء)، إن", ["اليوم (الأربعاء)"]),
    ("يصل الأربعاء المقبل", ["الأربعاء المقبل"]),
    ("أن هذا العام يحمل", ["هذا العام"]),
])
def test_arabic_dates(text, dates):
    assert found(text) == dates


@pytest.mark.parametrize("text", [
    "العلاقات الدبلوماسية قبل 30 عاما",
    "مرور 30 سنه للعلاقات",
    "يصادف الذكرى الثلاثين لإقامة العلاقات",
    "بمناسبة الذكرى السنوية الـ30 لتأسيس",
    "خلال السنوات الـ30 الماضية",
    "على مدى الثلاثين عاماً الماضية",
    "الشراكة قبل 5 أعوام",
    "بلغ العدد 100 وارتفع 3.5 في المئة عام",
    "جائحة (كوفيد-19)",
    "التعاون بين الاثنين",  # "the two", not Monday
    "مارس الضغط على",  # a verb, not March
    "سيارة نيسان",  # a car, not April
    "ملابس مايوه",
])
def test_arabic_not_dates(text):
    assert found(text) == []


@pytest.mark.parametrize("text, dates", [
    ("Xi Jinping powiedział w środę, że", ["w środę"]),
    ("We wtorek prezydent", ["We wtorek"]),
    ("Dnia 2 czerwca 2021 r. w Pekinie", ["2 czerwca 2021 r."]),
    ("2 czerwca 2021 rozmawiali", ["2 czerwca 2021"]),
    ("raport z czerwca 2021", ["czerwca 2021"]),
    ("w czerwcu 2021 roku", ["w czerwcu 2021 roku"]),
    ("w 2021 roku", ["w 2021 roku"]),
    ("do 2021 r. włącznie", ["2021 r."]),
    ("Ten rok ma wyjątkowe znaczenie", ["Ten rok"]),
])
def test_polish_dates(text, dates):
    assert found(text) == dates


@pytest.mark.parametrize("text", [
    "obchodzi 100. rocznicę powstania, a Kazachstan 30. rocznicę",
    "przez 30 lat współpracy",
    "wzrost o 3.5 procent i 100 osób",
    "Maja i Jan",
    "pandemia COVID-19",
    "w środku",
])
def test_polish_not_dates(text):
    assert found(text) == []


@pytest.mark.parametrize("text, dates", [
    ("On June 2, 2021, Xi said", ["June 2, 2021"]),
    ("on 2 June 2021 in Beijing", ["2 June 2021"]),
    ("Wednesday, June 2, 2021", ["Wednesday, June 2, 2021"]),
    ("in June 2021", ["June 2021"]),
    ("Xi said on Wednesday that", ["Wednesday"]),
    ("founded in 2021.", ["2021"]),
    ("talks in June", ["June"]),
    ("this year", ["this year"]),
])
def test_english_dates(text, dates):
    assert found(text) == dates


@pytest.mark.parametrize("text", [
    "30 years of relations", "the 30th anniversary", "100 people and 3.5 percent",
    "May I ask", "over the last year", "March on", "COVID-19", "in 2021.5 units",
])
def test_english_not_dates(text):
    assert found(text) == []


def test_numeric_dates_need_a_real_month_and_day():
    assert found("2021-06-03 03:46:49 and 3.06.2021") == ["2021-06-03", "3.06.2021"]
    assert found("2021-13-01 and 32.01.2021 and 33 June 2021") == ["June 2021"]


def test_spans_carry_the_label():
    [span] = suggest_dates("w środę")
    assert (span.start, span.end, span.label) == (0, 7, "DATE")


def test_overlapping_readings_keep_the_longest():
    # "Wednesday" after "on" and "Wednesday, June 2, 2021" overlap: one span.
    assert found("on Wednesday, June 2, 2021") == ["Wednesday, June 2, 2021"]


def test_seed_articles_exact_offsets(seeds_dir):
    arabic = (seeds_dir / "ar-2021-06-02-xi-tokayev-phone-call.txt").read_text(encoding="utf-8")
    start = arabic.index("2 يونيو 2021")
    assert (start, start + len("2 يونيو 2021")) in find_dates(arabic)
    polish = (seeds_dir / "pl-2021-06-02-xi-tokayev-phone-call.txt").read_text(encoding="utf-8")
    start = polish.index("w środę")
    assert (start, start + len("w środę")) in find_dates(polish)


SEED_DATES = {
    "ar-2016-06-24-xi-nazarbayev-tashkent": [
        "24 يونيو", "24 يونيو 2016", "اليوم (الجمعة)", "عام 2017", "الأول من يوليو المقبل"],
    "ar-2021-06-02-xi-tokayev-phone-call": [
        "2021-06-03", "2 يونيو 2021", "اليوم (الأربعاء)", "هذا العام"],
    "ar-2022-30-years-diplomatic-relations": ["اليوم (الاثنين)"],
    "ar-2022-wang-yi-meets-tokayev": ["أمس الثلاثاء", "هذا العام"],
    "pl-2021-06-02-xi-tokayev-phone-call": ["w środę", "Ten rok"],
}


@pytest.mark.parametrize("name", sorted(SEED_DATES))
def test_seed_articles_find_exactly_their_dates(seeds_dir, name):
    """Read by hand: every date of the samples, and nothing else (no duration,
    anniversary, number or COVID-19)."""
    text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    assert found(text) == SEED_DATES[name]


@pytest.mark.parametrize("text, date", [
    ("في عــام 2017 قال", "عــام 2017"),  # tatweel
    ("في يُونيُو 2021", "يُونيُو 2021"),  # harakat
    ("العامَ الماضي", "العامَ الماضي"),  # a haraka on the last letter of a word inside
    ("منذ عام\u200f2004 و", "عام\u200f2004"),  # a right-to-left mark for the space
])
def test_harakat_tatweel_and_direction_marks_are_read_past(text, date):
    assert [text[a:b] for a, b in find_dates(text)] == [date]


@pytest.mark.parametrize("text", ["2021-02-30", "31.02.2021", "29.02.2021", "31.04.2021"])
def test_a_day_the_month_does_not_have_is_no_date(text):
    assert find_dates(text) == []
    assert find_dates("29.02.2020") == [(0, 10)]  # a leap year


@pytest.mark.parametrize("text, date", [
    ("في أغسطس / آب الماضي", "أغسطس / آب الماضي"),  # a month named in both calendars
    ("في 11 سبتمبر أيلول 2001", "11 سبتمبر أيلول 2001"),
    ("في مارس / آذار", "مارس / آذار"),  # مارس alone is also a verb; in a pair, a month
    ("يوم الأربعاء الماضي", "يوم الأربعاء الماضي"),
    ("في عام 2021م قال", "عام 2021م"),  # م: of the Gregorian calendar
    ("2 czerwca 2021r. i", "2 czerwca 2021r."),
    ("2.06.2021 r. w", "2.06.2021 r."),
])
def test_dates_are_covered_whole(text, date):
    assert [text[a:b] for a, b in find_dates(text)] == [date]


@pytest.mark.parametrize("text, date", [
    ("في 24/6/2016 قال", "24/6/2016"),
    ("on 6/24/2016 in", "6/24/2016"),  # month first: the same span
    ("٢٤/٦/٢٠١٦", "٢٤/٦/٢٠١٦"),
    ("2016/6/24 x", "2016/6/24"),
    ("في الحادي والعشرين من يونيو", "الحادي والعشرين من يونيو"),
    ("يوم الثاني عشر من مارس 2020", "الثاني عشر من مارس 2020"),
    ("الحادي والثلاثين من ديسمبر", "الحادي والثلاثين من ديسمبر"),
    ("powiedział w ubiegłą środę, że", "w ubiegłą środę"),
    ("w przyszły piątek", "w przyszły piątek"),
    ("on the 30th of December 2016, Xi", "30th of December 2016"),
])
def test_more_ways_of_writing_a_date(text, date):
    assert [text[a:b] for a, b in find_dates(text)] == [date]


@pytest.mark.parametrize("text", [
    "13/13/2016", "31/2/2016", "1/2/3/2016", "a score of 3/4", "12/2016 units", "2016/13/40",
])
def test_slashed_numbers_that_are_no_day(text):
    assert find_dates(text) == []
