"""Unicode normalisation for Vietnamese text.

Vietnamese arrives in several equivalent spellings: precomposed (NFC) or
decomposed (NFD) code points, the tone mark on either vowel of an open
"oa", "oe" or "uy" rhyme (Thanh Hoá / Thanh Hóa, thuỷ / thủy), non-breaking
and zero-width spaces from web pages. Everything the project stores or
compares goes through these functions first.
"""

import functools
import re
import unicodedata

# Combining tone marks: grave, acute, tilde, hook above, dot below.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = frozenset("aăâeêioôơuưy")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W\d_]+")


def nfc(text: str) -> str:
    """Precomposed form, without invisible characters (zero-width, BOM, soft hyphen)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def fold_spaces(text: str) -> str:
    """Every run of white space (NBSP included) becomes one space; ends trimmed."""
    # Most lines are folded already, and checking is cheaper than splitting into words.
    # isprintable() is false for every white space character but the plain space.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    # str.split() knows every Unicode space (NBSP, U+2000-U+200A, U+202F, U+3000 …),
    # and is three times faster than a regex substitution.
    return " ".join(text.split())


def clean(text: str) -> str:
    """The form stored for any line of text: NFC, invisible characters gone, spaces folded."""
    return fold_spaces(nfc(text))


def _split_tone(char: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if c not in TONE_MARKS)
    tone = "".join(c for c in decomposed if c in TONE_MARKS)
    return unicodedata.normalize("NFC", base), tone


@functools.lru_cache(maxsize=16384)  # names share their words: a Tagger is built in a third of the time
def _modern_tone(word: str) -> str:
    """Move the tone of a closing "oa", "oe", "uy" to its first vowel: hoà -> hòa.

    This is the placement of the official names (Thanh Hóa, Ủy ban); words
    with another rhyme, and "qu" + y (quý), are left as they are.
    """
    parts = [_split_tone(c) for c in word]
    bases = "".join(base for base, _ in parts).lower()
    vowels = [i for i, c in enumerate(bases) if c in _VOWELS]
    if len(vowels) != 2 or vowels[1] != vowels[0] + 1 or vowels[1] != len(bases) - 1:
        return word
    first, second = vowels
    if bases[first] + bases[second] not in ("oa", "oe", "uy"):
        return word
    if bases[first] == "u" and first > 0 and bases[first - 1] == "q":
        return word
    if not parts[second][1] or parts[first][1]:
        return word
    chars = list(word)
    chars[first] = unicodedata.normalize("NFC", parts[first][0] + parts[second][1])
    chars[second] = parts[second][0]
    return "".join(chars)


def modern_tones(text: str) -> str:
    """NFC text with tone marks placed as in official names (Thanh Hoá -> Thanh Hóa)."""
    return _WORD.sub(lambda m: _modern_tone(m.group(0)), nfc(text))


_OLD_TONE = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
             "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_OLD_TONE_WORD = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?![\w])", re.IGNORECASE)


def old_tones(text: str) -> str:
    """Thanh Hóa -> Thanh Hoá: the other placement, so both spellings are found by lookup."""
    def swap(match):
        found = match.group(1)
        old = _OLD_TONE[found.lower()]
        return old[0].upper() + old[1:] if found[0].isupper() else old
    return _OLD_TONE_WORD.sub(swap, text)


def canonical(text: str) -> str:
    """The spelling to store and compare names in: clean, with modern tone placement."""
    return fold_spaces(modern_tones(text))


_MARKS = re.compile("[\u0300-\u036f]+")
_WIDE_PUNCTUATION = re.compile("[\u2013\u2014\u2026\u00a0]")


def strip_diacritics(text: str) -> str:
    """Vietnamese without marks, as readers type it: "Đối thoại" -> "Doi thoai"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def search_key(text: str) -> str:
    """Lower-case, unmarked, space-folded ASCII: the form two spellings of one word share.

    Thanh Hoá, Thanh Hóa, THANH HOA and an NFD "Thanh Hóa" all give "thanh hoa".
    Whatever is not ASCII once the marks are gone (curly quotes, dashes) is
    dropped or becomes a space: this is a key for matching words, not text
    to show. It runs on every word of every article, so it stays in C calls.
    """
    text = _WIDE_PUNCTUATION.sub(" ", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(ascii_text.lower().split())
