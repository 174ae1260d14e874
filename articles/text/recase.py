"""Texts written in capitals, read for tagging as if written in ordinary case.

Party portals and some provincial papers print headlines, and at times
headings and captions, in capitals: "THANH HÓA: UBND HUYỆN NHƯ XUÂN TỔNG
KẾT …". The tagger finds names by their capitals and unit words by their
lower case ("huyện Như Xuân"), so such a line named nothing. A Recaser
lower-cases it and gives back their written case to what the gazetteer
knows: provinces, districts, organisations and people by their names and
aliases, the words that open a body's name ("Ủy ban", "Huyện ủy", "Sở Y
tế"), and the abbreviations those are written with (UBND, HĐND, MTTQ,
TP.). Every other word stays lower case, so a capitalised word in the
result is a name the gazetteer knows, never a guess.

Only tagging reads the result: the title and every other text are stored
as written.
"""

import re
from collections.abc import Iterable

import ahocorasick

#: Words that open a body's name and are written capitalised (articles.text.entities._BODY).
BODY_WORDS = (
    "Ủy ban", "Uỷ ban", "Ban Thường vụ", "Ban Chấp hành", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ",
    "Huyện ủy", "Huyện uỷ", "Quận ủy", "Quận uỷ", "Thị ủy", "Thị uỷ", "Đảng bộ", "Đảng ủy", "Đảng uỷ",
    "Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Việt Nam", "Sở", "Kiểm tra",
)
#: Abbreviations the tagger's rules read (articles.text.entities): kept in capitals like those of the names.
ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ", "UBMTTQ", "UBMTTQVN", "VN", "BTV", "UBKT", "TP", "TX", "ĐBQH"})
_LETTERS = re.compile(r"[^\W\d_]+")
#: Province names that are also common words ("hòa bình": peace; "thái bình": at peace). In capitals
#: they are given back as names only after a unit or a body ("TỈNH HÒA BÌNH", "TỈNH ỦY THÁI BÌNH") or
#: heading the text before a colon ("HÒA BÌNH: …"), as papers name the province a story is from.
COMMON_WORD_NAMES = frozenset({"hòa bình", "hoà bình", "thái bình"})
_NAMED_AFTER = re.compile(r"(?:tỉnh|thành phố|tp\.?|ủy|uỷ|Ủy|Uỷ)\s*$")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Recaser:
    """Ordinary case for a text in capitals, from the names the tagger knows (see the module docstring)."""

    def __init__(self, names: Iterable[str]):
        names = [*names, *BODY_WORDS]
        self._spelling: dict[str, str] = {}
        for name in sorted(set(names)):
            key = name.lower()
            # A name lower() changes in length (a few non-Vietnamese letters) cannot be put back in place.
            if len(key) == len(name) and any(c.isupper() for c in name):
                self._spelling.setdefault(key, name)
        # Abbreviations keep their capitals: the all-capital words of the names ("UBND", "TP", "GD", "ĐT").
        self._abbreviations = ABBREVIATIONS | {
            word for name in names for word in _LETTERS.findall(name) if len(word) > 1 and word.isupper()
        }
        self._automaton = ahocorasick.Automaton()
        for key in self._spelling:
            self._automaton.add_word(key, key)
        if self._spelling:
            self._automaton.make_automaton()

    @staticmethod
    def shouting(text: str) -> bool:
        """Whether the text is written in capitals: no lower-case letter, and more than one word."""
        return text.isupper() and " " in text.strip()

    def recase(self, text: str) -> str:
        lowered = text.lower()
        if len(lowered) != len(text):
            return text  # letters whose lower case is longer: positions would not line up
        chars = list(lowered)
        for word in _LETTERS.finditer(text):
            if word.group() in self._abbreviations:
                chars[word.start():word.end()] = word.group()
        if self._spelling:
            self._restore_names(lowered, chars)
        return "".join(chars)

    def _restore_names(self, lowered: str, chars: list[str]) -> None:
        """The longest known name at each word start, left to right, never overlapping."""
        longest: dict[int, str] = {}
        for last, key in self._automaton.iter(lowered):
            start = last + 1 - len(key)
            end = last + 1
            if (start and _is_word_char(lowered[start - 1])) or (end < len(lowered) and _is_word_char(lowered[end])):
                continue  # inside a word
            if key in COMMON_WORD_NAMES and not self._named(lowered, start, end):
                continue
            if len(key) > len(longest.get(start, "")):
                longest[start] = key
        covered = 0
        for start in sorted(longest):
            if start < covered:
                continue
            key = longest[start]
            chars[start:start + len(key)] = self._spelling[key]
            covered = start + len(key)

    @staticmethod
    def _named(lowered: str, start: int, end: int) -> bool:
        if _NAMED_AFTER.search(lowered, max(0, start - 12), start):
            return True
        return not lowered[:start].strip() and lowered[end:].lstrip().startswith(":")
