"""Arabic little words that folding makes look like names.

A name is matched on folded keys (ى as ي, the hamza forms as alef), so the
name علي also finds the preposition على, and بان finds بأن. These words are
written in every sentence: as written, they are never a mention of a name
labelled in another spelling. A name labelled exactly as one of them (on
its own) is still found where it is written the same way.
"""

from __future__ import annotations

from annotator.core.search import IGNORED_MARKS

# As written, without harakat: prepositions, particles, pronouns,
# demonstratives and relatives, with the proclitic forms news writes most.
FUNCTION_WORDS = frozenset("""
على إلى الى حتى متى لدى سوى أنى إذ إذا إن أن بأن لأن كأن وأن فإن وإن لكن ثم أو أم بل قد لقد
لا ما لم لن ليس من عن في مع بين منذ عند نحو دون حول خلال ضد غير بعد قبل تحت فوق لدي لي
هو هي هم هن نحن أنا أنت أنتم هذا هذه ذلك تلك هؤلاء أولئك الذي التي الذين اللذين اللتين
كان كانت يكون تكون وقد وفي ومن وعلى وإلى وعن ومع وبين وهو وهي وهذا وهذه وذلك ولا وما ولم
فقد فلا فما لما كما بما مما عما فيما إنما أيضا كل بعض أي أيّ
""".split())



def _as_written(word: str) -> str:
    """A word without harakat and tatweel, its letters otherwise as written."""
    return "".join(ch for ch in word if ch not in IGNORED_MARKS)


def is_function_word(word: str) -> bool:
    return _as_written(word) in FUNCTION_WORDS


def same_as_written(a: str, b: str) -> bool:
    """``a`` and ``b`` spell one word letter for letter (harakat aside)."""
    return _as_written(a) == _as_written(b)
