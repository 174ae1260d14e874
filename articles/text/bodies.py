"""How the names of bodies are written: the regular expression that finds them in a text.

"UBND tỉnh Thanh Hóa", "Tỉnh ủy", "Sở GD&ĐT", "Ban Dân vận Huyện ủy", "Công an
xã Nghĩa Lộc": a body's kind, its level and the locality it belongs to, as
papers write them (organisations.py holds the names and abbreviations).
The tagger reads organisations with BODY (entities.py); the quote finder
reads where an office written after a name ends (quotes.py).
"""

import re

from . import organisations as org
from .normalise import old_tones

# Every upper-case letter Vietnamese uses (Latin, Latin-1, Latin Extended Additional).
UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
UPPER_CLASS = "[" + re.escape(UPPER) + "]"
WORD = UPPER_CLASS + r"[\w'’]*"
JOIN = r"(?:[ \t\u00a0]+|[ \t\u00a0]?-[ \t\u00a0]?)"

_UY = "(?:ủy|uỷ)"
_UY_UPPER = "(?:Ủy|Uỷ)"
_LEVEL_WORD = r"(?:tỉnh|thành phố|TP\.?|T\.P\.?|Tp\.?|huyện|quận|thị xã|TX\.|xã|phường|thị trấn|đặc khu)"


def alternation(spellings) -> str:
    """One regex alternative per spelling, longest first so that a longer one wins."""
    return "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))


#: Each way of writing a department's name (both tone placements, abbreviations), and the name.
DEPARTMENT_SPELLINGS = {
    spelling: department
    for department, abbreviations in org.DEPARTMENTS.items()
    for written in (department, *abbreviations)
    for spelling in (written, old_tones(written))
}
_DEPARTMENT = alternation(DEPARTMENT_SPELLINGS)
#: The same for a party committee's boards ("Ban Dân vận", "BTV") and for LOCAL_BODIES ("Hội LHPN").
BOARD_SPELLINGS = {spelling: board for board, abbreviations in org.PARTY_BOARDS.items()
                    for spelling in (board, *abbreviations)}
LOCAL_SPELLINGS = {spelling: body for body, abbreviations in org.LOCAL_BODIES.items()
                    for spelling in (body, *abbreviations)}
INNER_PARTY_SPELLINGS = {spelling: body for body, abbreviations in org.INNER_PARTY_BODIES.items()
                         for spelling in (body, *abbreviations)}


def by_first_letter(words) -> str:
    """The alternation of words, in their order, grouped by first letter: "U(?:BKT|BND)|Ủy ban".

    It matches what "UBKT|Ủy ban|UBND" does, and where it does: two words with different first
    letters never match at the same place, and within a group the order is kept. re then tries
    one branch per letter, not one per word, at each capital of a text: twice as fast here.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                    for first, rests in groups.items())


#: Where a body's name can start; cheap to search, so BODY runs only there.
BODY_START = re.compile(by_first_letter([
    "UBKT", "Ủy ban", "Uỷ ban", "Tỉnh", "Thành", "Huyện", "Quận", "Thị", "Đảng", "UBND", "HĐND", "Hội đồng",
    "UBMTTQ", "MTTQ", "Mặt trận", "Sở ",
    *sorted({*BOARD_SPELLINGS, *LOCAL_SPELLINGS}, key=len, reverse=True),
]))
BODY = re.compile(
    r"(?:"
    rf"(?P<board>{alternation(BOARD_SPELLINGS)})\s+(?P<board_level>Tỉnh|Thành|Huyện|Quận|Thị)\s+{_UY}"
    rf"|(?P<inspection>UBKT|{_UY_UPPER} ban Kiểm tra)"
    rf"\s+(?P<inspection_level>Tỉnh|Thành|Huyện|Quận|Thị)\s+{_UY}"
    rf"|(?P<party_level>Tỉnh|Thành|Huyện|Quận|Thị)\s+{_UY}"
    # The Youth Union's committee, named like the Party's: "Tỉnh đoàn", "Thành đoàn"; not "Thành đoàn kết"
    # (Thành, a name, unites).
    r"|(?P<union_level>Tỉnh|Thành|Huyện|Quận|Thị)\s+[đĐ]oàn(?!\s+(?:kết|tụ|viên|tàu|xe|thể|công tác))"
    rf"|Đảng\s+{_UY}\s+(?P<cell_level>xã|phường|thị trấn|đặc khu)"
    # The Party's committee inside a body (2025): "Đảng ủy UBND tỉnh", "Đảng bộ Công an tỉnh".
    rf"|(?P<inner_party>Đảng\s+{_UY}|Đảng bộ)\s+(?P<inner_body>{alternation(INNER_PARTY_SPELLINGS)})(?=\s)"
    r"|(?P<party_body>Đảng bộ)"
    rf"|(?P<committee>UBND|{_UY_UPPER} ban nhân dân)"
    r"|(?P<council>HĐND|Hội đồng nhân dân)"
    rf"|Sở\s+(?P<department>{_DEPARTMENT})(?![\w&])"
    rf"|(?P<front>UBMTTQVN|UBMTTQ|{_UY_UPPER} ban MTTQ(?: Việt Nam| VN)?"
    rf"|{_UY_UPPER} ban Mặt trận Tổ quốc(?: Việt Nam)?"
    r"|MTTQ(?: Việt Nam| VN)?|Mặt trận Tổ quốc(?: Việt Nam)?)"
    rf"|(?P<local>{alternation(LOCAL_SPELLINGS)})"
    r")"
    rf"(?:\s+(?P<all_levels>các cấp|từ tỉnh đến cơ sở))?"
    rf"(?:\s+(?P<level>{_LEVEL_WORD}))?"
    rf"(?:\s*(?P<name>{WORD}(?:{JOIN}{WORD})*|\d+))?"
    r"(?![\w])"
)
COMMITTEE_LEVEL = {"Tỉnh": "tỉnh", "Thành": "thành phố", "Huyện": "huyện", "Quận": "quận", "Thị": "thị xã"}
