from annotator.core.search import find_all


def test_ignores_harakat_tatweel_and_hamza_forms():
    text = "قال مُحَمَّـد إن الأمم المتحدة"
    [(start, end)] = find_all(text, "محمد")
    assert text[start:end] == "مُحَمَّـد"
    [(start, end)] = find_all(text, "ان")
    assert text[start:end] == "إن"
    [(start, end)] = find_all(text, "الامم")
    assert text[start:end] == "الأمم"


def test_query_with_harakat_finds_bare_text_and_latin_ignores_case():
    assert find_all("شي جين بينغ وشي", "شِي") == [(0, 2), (13, 15)]
    text = "Xi Jinping met XI"
    assert find_all(text, "xi") == [(0, 2), (15, 17)]
    assert find_all(text, "") == []


def test_hamza_on_waw_ya_and_the_line_are_one_letter():
    text = "شؤون المسؤول ورئيس الوزراء"
    for query, found in (("شئون", "شؤون"), ("المسئول", "المسؤول"), ("رءيس", "رئيس")):
        [(start, end)] = find_all(text, query)
        assert text[start:end] == found
    assert find_all("على مستوى", "علي") == [(0, 3)]
    # Different letters stay different: waw is not a hamza.
    assert find_all(text, "شوون") == []
