"""Where token exports end sentences in the sample articles: the number of
sentences per article, and every sentence that ends in a period, with the
words around the break, to read by eye (abbreviations, ordinals, initials,
domain names must not end one).

    python bench/sentence_ends.py [FILES...]   (default: seeds/*.txt)
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.tokenize import split_sentences, tokenize


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or sorted(Path(__file__).parent.parent.glob("seeds/*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(text)
        sentences = split_sentences(text, tokens)
        print(f"{path.name}: {len(tokens)} tokens, {len(sentences)} sentences")
        for before, after in zip(sentences, sentences[1:]):
            if before[-1].text == "." and "\n" not in text[before[-1].end:after[0].start]:
                left = " ".join(t.text for t in before[-3:])
                right = " ".join(t.text for t in after[:2])
                print(f"  {left} | {right}")


if __name__ == "__main__":
    main(sys.argv[1:])
