"""Other mentions of a labelled name, found in the sample articles."""

from annotator.suggest.mentions import find_mentions

ARABIC = "ar-2021-06-02-xi-tokayev-phone-call"


def test_every_mention_of_a_labelled_name_is_proposed_with_its_reason(seeds_dir):
    text = (seeds_dir / f"{ARABIC}.txt").read_text(encoding="utf-8")
    proposals = find_mentions(text, [("توكاييف", "PERSON")])
    # each whole-word توكاييف, also after و or ب, and nothing inside another word
    expected = [i for i in range(len(text)) if text.startswith("توكاييف", i)]
    assert [p.span.start for p in proposals] == expected
    assert all(text[p.span.start:p.span.end] == "توكاييف" for p in proposals)
    assert {p.reason for p in proposals} == {"mention of «توكاييف»"}
    assert all(p.span.label == "PERSON" for p in proposals)
