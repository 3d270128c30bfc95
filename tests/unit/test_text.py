import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Direction
from annotator.core.text import (
    detect_direction,
    detect_language,
    line_direction,
    normalize_text,
    normalize_with_map,
)


@pytest.mark.parametrize("name,lang,direction", [
    ("ar-2021-06-02-xi-tokayev-phone-call.txt", "ar", Direction.RTL),
    ("ar-2022-wang-yi-meets-tokayev.txt", "ar", Direction.RTL),
    ("pl-2021-06-02-xi-tokayev-phone-call.txt", "pl", Direction.LTR),
])
def test_sample_articles(seeds_dir, name, lang, direction):
    text = (seeds_dir / name).read_text(encoding="utf-8")
    assert detect_language(text) == lang
    assert detect_direction(text) == direction


def test_english_and_unknown():
    assert detect_language("The president of the country met with the minister.") == "en"
    assert detect_language("2021-06-03 12:00") == "und"
    assert detect_language("این یک متن فارسی است که چند گفتگو دارد") == "fa"


def test_line_direction_follows_the_line_own_text():
    assert line_direction("قال Xi Jinping اليوم", Direction.LTR) == Direction.RTL
    # An English or Polish line that ends with an Arabic name is left to right.
    assert line_direction("Xi Jinping spoke to شي جين بينغ", Direction.RTL) == Direction.LTR
    assert line_direction("Rozmowa z prezydentem: قاسم-جومارت توكاييف", Direction.RTL) == Direction.LTR
    # A short Latin tag before an Arabic sentence: the majority decides.
    assert line_direction("CNN: قال الرئيس الصيني شي جين بينغ اليوم", Direction.LTR) == Direction.RTL
    assert line_direction("«شي» met Tokayev in Nur-Sultan on Wednesday", Direction.RTL) == Direction.LTR
    assert line_direction("Video PlayerClose", Direction.RTL) == Direction.LTR
    assert line_direction("2021-06-03 03:46:49", Direction.RTL) == Direction.RTL


def test_normalize_drops_bom_and_unifies_line_ends():
    assert normalize_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert normalize_text("لا تغيير ـ مُحَمَّد") == "لا تغيير ـ مُحَمَّد"


@given(st.lists(st.sampled_from(["a", "ب", "\r\n", "\r", "\n", " ", "😀"]), max_size=40))
def test_normalize_map_keeps_spans_on_the_same_characters(pieces):
    raw = "\ufeff" + "".join(pieces)
    stored, mapping = normalize_with_map(raw)
    assert stored == normalize_text(raw)
    assert normalize_with_map("no change")[1] is None
    assert len(mapping) == len(raw) + 1
    for i, ch in enumerate(raw):
        if ch not in "\r\n\ufeff":
            assert stored[mapping[i]] == ch
            assert mapping[i + 1] == mapping[i] + 1


@given(st.text(alphabet=st.sampled_from(list("abź مرحبا") + [chr(c) for c in range(0x0590, 0x0600)]
                                        + [chr(c) for c in range(0xFB1D, 0xFB50)]), max_size=30))
def test_the_byte_test_for_hebrew_never_misses_a_hebrew_letter(sample):
    from annotator.core.text import _HEBREW_LETTER, _may_hold_hebrew

    if _HEBREW_LETTER.search(sample):
        assert _may_hold_hebrew(sample)


@given(st.lists(st.sampled_from(list("ab źi w the and  .,«»") + list("مرحبا پ")
                                + ["שלום", "\n", "2021"]), max_size=60).map("".join))
def test_describe_gives_what_counting_every_script_gives(text):
    from annotator.core.text import _direction_of, _language_of, _script_counts, describe

    arabic, hebrew, ltr = _script_counts(text)
    assert describe(text) == (_direction_of(arabic + hebrew, ltr),
                              _language_of(text, arabic, hebrew, ltr))


def test_a_long_text_with_a_few_polish_names_but_no_polish_words_is_not_polish():
    french = ("Le président a rencontré le maire de Łódź et Lech Wałęsa à Gdańsk pour parler "
              "des accords entre les deux villes, puis il est reparti vers Paris avec sa "
              "délégation après une longue journée de discussions sur le commerce et la culture "
              "dans la région, selon les journaux locaux qui ont suivi la visite de très près.")
    assert len(french.split()) >= 50
    assert detect_language(french) == "und"
    assert detect_language("Łódź, Wałęsa") == "pl"  # a short text: its letters are all there is


def test_long_texts_of_languages_not_told_apart_are_und_not_polish_or_english():
    portuguese = ("O relatório do tribunal na semana passada trata do contrato da empresa com o "
                  "ministério e do pagamento feito na conta do fundo, que o relator considerou "
                  "irregular por falta de licitação. A decisão do plenário foi unânime e o caso "
                  "volta ao gabinete do ministro para novas diligências na próxima sessão, com "
                  "prazo de trinta dias para a defesa apresentar os documentos do processo.")
    german = ("Der Präsident traf am Dienstag in Berlin den Minister, und was er dort sagte, "
              "wurde in allen Zeitungen besprochen. Nach dem Treffen fuhr er in die Stadt zurück, "
              "wo ihn viele Bürger erwarteten, die über die neuen Pläne der Regierung sprechen "
              "wollten. Ein Sprecher sagte, man werde die Gespräche im nächsten Monat fortsetzen "
              "und dann über die Finanzierung entscheiden.")
    for text in (portuguese, german):
        assert len(text.split()) >= 50
        assert detect_language(text) == "und", text[:30]
    english = ("The president met the minister on Tuesday, and what he said there was in all "
               "the papers. After the meeting he went back to the city, where many people were "
               "waiting for him who wanted to talk about the new plans of the government. A "
               "spokesman said that the talks would go on next month and that a decision on the "
               "money was expected by then, with the details to follow.")
    assert detect_language(english) == "en"
