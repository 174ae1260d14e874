"""Who said what: direct, indirect and motto quotes in article paragraphs.

The annotation rules (shared/gold/RULES.md) in short:

- direct: a person's words in quote marks, attributed before them
  ("<title> <Name> khẳng định: “…”") or after them ("“…” - <title> <Name>
  cho biết");
- indirect: "Theo <title> <Name>, …" or "<title> <Name> cho biết, …"
  without marks: the rest of the paragraph is the quote;
- motto: quoted slogan after phương châm, quan điểm, cơ chế, tinh thần,
  khẩu hiệu; no speaker;
- everything else in quote marks (scare quotes, names of conferences,
  campaigns, documents) and words attributed to a body ("Theo Sở Y tế, …")
  is not a quote. That is why a quote needs a *person*: a Vietnamese full
  name (common surname + one to three given syllables) at the end of the
  attribution, or Hồ Chí Minh under his usual names (Bác, Người).

The title is whatever office precedes the name, verbatim. Place names
from the gazetteer keep a province from being read as part of a name:
"tỉnh An Giang Lê Văn Nưng" splits after "An Giang".
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from .bodies import BODY, BODY_START, DEPARTMENT_SPELLINGS, alternation
from .normalise import fold_spaces, search_key
from .records import ParsedQuote

#: Common Vietnamese surnames; a person's name starts with one of them.
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Đinh Trịnh Mai Cao Tô
Đoàn Lương Hà Chu Thái Tạ Lưu Vương Kiều Quách Triệu Trương Đào Thân Tôn Khổng Hứa Mạc Nông
Lục Giáp Châu Thạch Kim Lã Lò Quàng Hầu Khúc Âu Doãn Diệp Đàm Đồng Giang Hồng Khương La Lăng
Lại Mã Mạnh Ninh Phí Phùng Quan Sầm Tăng Tiêu Ung Vi Viên Đậu Đường Nghiêm Bạch Bế Cù Đới Hàn
Thiều Tống Trình Lạc Lộc Cầm Điểu Ksor Siu Rah Kpă
Sùng Giàng Thào Vừ Mùa Lầu Sình Tráng Vàng Lù Hờ Chảo Bàn Lường Điêu
""".split())

#: Family names of the Ê Đê, Jrai and M'nông of the Central Highlands, written last: "Y Dung Niê",
#: "H’Yim Kđoh". Their names start with "Y" (a man) or "H’" (a woman), not with a surname of SURNAMES.
HIGHLAND_FAMILY_NAMES = frozenset("""
Niê Kđăm Mlô Êban Ayun Adrơng Byă Knul Kbuôr Hwing Mđrăng Bkrông Ktla Ktul Êya Hđơk Kđoh Ênuôl Arul Rcom
Rmah Rahlan Êcăm Hmŏk Mjâo Ksor Siu Nay Kpă
""".split())

#: Words before a name that are courtesy, not office: dropped from names and titles.
HONORIFICS = ("đồng chí", "ông", "bà", "anh", "chị", "cô", "chú", "em", "cụ", "thầy", "ngài", "cháu")

#: How offices and descriptors begin; a title runs from the first of these to the name.
TITLE_STARTS = tuple(sorted("""
Chủ tịch|Phó|Bí thư|Giám đốc|Trưởng|Thứ trưởng|Bộ trưởng|Tổng|Thủ tướng|Đại biểu|Chánh|Ủy viên|Uỷ viên
|Hiệu trưởng|Chủ nhiệm|Người phát ngôn|Phát ngôn viên|Kỹ sư|Bác sĩ|BS|Tiến sĩ|TS|ThS|Thạc sĩ|GS|PGS|Giáo sư
|Luật sư|Nhà báo|Nghệ nhân|Nhạc sĩ|Họa sĩ|Nhà văn|Nhà thơ|Cán bộ|Chuyên viên|Thẩm phán|Kiểm sát viên
|Đội trưởng|Tổ trưởng|Già làng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|Đại tá|Thượng tá|Trung tá
|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|Chỉ huy trưởng|Tư lệnh|Chính ủy|Hội trưởng|Chi hội trưởng
|Thư ký|Chánh văn phòng|Kế toán|Điều dưỡng|Giáo viên|Cô giáo|Thầy giáo|Học sinh|Sinh viên|Doanh nhân
|Nông dân|Người dân|người dân|Ngư dân|ngư dân|Nông dân|nông dân|Đảng viên|đảng viên|Cựu|Nguyên|Quyền
|Thường trực|Ủy viên Thường vụ|Đại sứ|Lãnh đạo|Đồng chí|Chủ doanh nghiệp|Chủ hộ|chủ hộ|Trưởng thôn
|Trưởng bản|Trưởng ấp|Bí thư Chi bộ|Lão thành|Bà mẹ|Mẹ|Anh hùng|Thương binh|Cựu chiến binh
""".replace("\n", "").split("|"), key=len, reverse=True))

#: Verbs that introduce or close reported speech.
SPEECH_VERBS = sorted("""
cho biết|nói|khẳng định|nhấn mạnh|chia sẻ|phát biểu|bày tỏ|cho rằng|nhận định|đánh giá|nêu rõ|yêu cầu
|đề nghị|kể|tâm sự|dặn|căn dặn|dạy|thông tin|giải thích|lưu ý|trả lời|thừa nhận|chỉ rõ|kết luận|kiến nghị
|cho hay|nhắn nhủ|viết|trao đổi|bộc bạch|nhớ lại|khẳng định lại|nhắc nhở|phấn khởi nói|phấn khởi cho biết
|chỉ đạo|quán triệt|khuyến cáo|tiết lộ|thổ lộ|nhận xét|phân tích|lý giải|chia sẻ thêm|nói thêm|cho biết thêm
|từng nói|từng khẳng định|từng căn dặn|đã nói|đã khẳng định|đã căn dặn|đã dạy|từng dạy|dạy rằng
|xúc động|trải lòng|trăn trở|băn khoăn|hồ hởi|phấn khởi|vui mừng|bồi hồi
|chia sẻ với phóng viên|chia sẻ với PV|nói với phóng viên|nói với PV|trao đổi với phóng viên|trao đổi với PV
|trả lời phóng viên|trả lời PV
""".replace("\n", "").split("|"), key=len, reverse=True)

#: Cue words that make the quoted text after them a motto.
MOTTO_CUES = ("phương châm", "quan điểm", "cơ chế", "tinh thần", "khẩu hiệu")

HO_CHI_MINH = "Hồ Chí Minh"
HO_CHI_MINH_TITLE = "Chủ tịch"
#: Names the press gives Hồ Chí Minh; "Người" and "Bác" only once he is named.
_HO_ALIASES = ("Chủ tịch Hồ Chí Minh", "Hồ Chủ tịch", "Bác Hồ", "Hồ Chí Minh")
_HO_PRONOUNS = ("Bác", "Người")

#: Abbreviations whose full stop does not end a sentence ("TP. Châu Đốc").
_ABBREVIATIONS = frozenset("tp t.p tx tt ths ts gs pgs bs ks cn q p h x tr ths. v.v th.s".split())

_OPENERS = "“«„"
_CLOSERS = "”»"
_ANY_QUOTE = re.compile(r"[“”«»„\"]")
# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a plain character set lets re skip
# ahead to the next full stop, twice as fast.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[”\"»)]*\s+(?=[\"“«(]?[^\W\d_])")
# Reported speech goes on after a colon, a comma or "rằng" that follows a speech verb.
_VERB_SET = frozenset(verb + tail for verb in SPEECH_VERBS for tail in ("", " thêm", " lại"))
_VERB_LAST_WORDS = frozenset(verb.rsplit(" ", 1)[-1] for verb in _VERB_SET)
_VERB_WORDS = max(verb.count(" ") + 1 for verb in _VERB_SET)


@dataclass(frozen=True, slots=True)
class _Verb:
    start: int      # where the verb begins
    end: int        # where the reported words begin


def _verb_before(text: str, end: int) -> int | None:
    """Where a speech verb (with "thêm", "lại") ending at end, spaces aside, starts; None if none does."""
    while end and text[end - 1] == " ":
        end -= 1
    last = text[text.rfind(" ", 0, end) + 1:end]
    if last not in _VERB_LAST_WORDS:
        return None  # most commas follow no verb at all
    words = text[max(0, end - 40):end].rsplit(None, _VERB_WORDS)
    for k in range(min(_VERB_WORDS, len(words)), 0, -1):
        verb = " ".join(words[-k:])
        if verb in _VERB_SET:
            start = end - len(verb)
            return None if start and text[start - 1].isalpha() else start
    return None


def _verb_automaton():
    automaton = ahocorasick.Automaton()
    for verb in _VERB_SET:
        automaton.add_word(verb, len(verb))
    automaton.make_automaton()
    return automaton


#: Every speech verb, found in one pass over a paragraph (C code): faster than looking back
#: for one from each of its commas, which most follow no verb, and than a regex of 200 verbs.
_VERBS_IN = _verb_automaton()


def _speech_verbs(text: str) -> list[_Verb]:
    """Speech verbs followed by a colon, a comma or "rằng" and more words: where reported speech may start.

    What _verb_before() would find looking back from every colon, comma and
    " rằng " of a paragraph whose spaces are folded: at each place a verb
    may end, the longest one that starts a word.
    """
    longest: dict[int, int] = {}  # where a verb ends -> where the longest one ending there starts
    for last, size in _VERBS_IN.iter(text):
        start, end = last + 1 - size, last + 1
        if (start == 0 or text[start - 1] == " ") and start < longest.get(end, end):
            longest[end] = start
    # (the colon, comma or " rằng " after the verb, where the reported words would begin, the verb's start)
    ends = []
    for end, start in longest.items():
        mark = end
        while mark < len(text) and text[mark] == " ":
            mark += 1
        if mark < len(text) and text[mark] in ":,":
            ends.append((mark, mark + 1, start))
        if text.startswith(" rằng ", end):
            ends.append((end, end + 6, start))  # "nói rằng …"
        if text.startswith(" ", end) and text.endswith(" rằng", 0, end):
            ends.append((end, end + 1, start))  # "cho rằng …": the verb holds "rằng"
    verbs = []
    for _, after, start in sorted(ends):
        if verbs and verbs[-1].start == start:
            continue
        while after < len(text) and text[after] == " ":
            after += 1
        if after < len(text):
            verbs.append(_Verb(start, after))
    return verbs


_CLOSING = re.compile(r"[.!?;…]|$")
_NON_SPACE = re.compile(r"\S")
_DASH_OR_COMMA = ",-–—"


_MOTTO_BEFORE = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(MOTTO_CUES) + r")(?:\s+[a-zà-ỹđ]+){0,2}\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|hay|hoặc)?\s*$")
#: Letters that re.IGNORECASE takes for a letter of a cue though lower() does not ("ı" for "i"),
#: or that lower() makes two of ("İ").
_CUE_CASE_TRAPS = ("ı", "i\u0307")


def _motto_before(before: str) -> bool:
    """Whether a motto cue ("phương châm", "tinh thần" …) ends the text before a quote."""
    window = before[max(0, len(before) - 60):].lower()
    # The regex is tried at each of sixty characters; a cue's absence is cheaper to see.
    if not any(cue in window for cue in MOTTO_CUES) and not any(t in window for t in _CUE_CASE_TRAPS):
        return False
    return _MOTTO_BEFORE.search(before, max(0, len(before) - 60)) is not None


#: Names that hold a comma ("Sở Văn hóa, Thể thao và Du lịch"): an office is not cut into two there.
_NAMES_WITH_COMMAS = re.compile(alternation(spelling for spelling in DEPARTMENT_SPELLINGS if "," in spelling))
_KEPT_COMMA = "\x00"


def _split_commas(text: str) -> list[str]:
    """text.split(","), but not at the commas inside a body's name."""
    if _NAMES_WITH_COMMAS.search(text) is None:
        return text.split(",")
    kept = _NAMES_WITH_COMMAS.sub(lambda match: match.group().replace(",", _KEPT_COMMA), text)
    return [part.replace(_KEPT_COMMA, ",") for part in kept.split(",")]


_REPORTED = re.compile(r"(?:^|\s)(?:lời|theo|câu nói|tư tưởng|di chúc)\s")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    title: str | None


def _is_capitalised(word: str) -> bool:
    # Apostrophes belong to names of the Central Highlands: "H’Linh Niê".
    return word[:1].isupper() and word.replace("-", "").replace("’", "").replace("'", "").isalpha()


#: A courtesy word and two to four capitalised words ending a text: "bà H’Linh Niê", "ông Y Khu Niê".
#: Names of the ethnic minorities do not start with a Kinh surname (SURNAMES), so after a
#: courtesy word any capitalised name is taken as one.
_NAME_AFTER_HONORIFIC = re.compile(
    r"(?:^|(?<=\s))(?:ông|bà|anh|chị|Ông|Bà|Anh|Chị)\s+(?P<name>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){1,3})$"
)


def _honorific_name(text: str) -> tuple[str, str] | None:
    """(what precedes, the name) when text ends with a courtesy word and a capitalised name."""
    match = _NAME_AFTER_HONORIFIC.search(text)
    if not match or not all(_is_capitalised(word) for word in match.group("name").split()):
        return None
    return text[:match.start()], match.group("name")


_HONORIFIC_FIRST = re.compile(r"^(?:" + "|".join(HONORIFICS) + r")(?:\s+|$)", re.IGNORECASE)
#: What a text must end with for _HONORIFIC_LAST to match ("$" also matches before a final line end).
_HONORIFIC_ENDINGS = (*HONORIFICS, "\n")
_HONORIFIC_LAST = re.compile(r"(?:^|[\s,]+)(?:" + "|".join(HONORIFICS) + r")$")


def _strip_honorific(text: str) -> str:
    """"ông Nguyễn Văn A" -> "Nguyễn Văn A"; also at the end of a title: "Chủ tịch UBND tỉnh, ông"."""
    text = text.strip(" ,")
    text = _HONORIFIC_FIRST.sub("", text, count=1)
    if text.endswith(_HONORIFIC_ENDINGS):  # the regex would be tried at every position
        text = _HONORIFIC_LAST.sub("", text, count=1)
    return text.strip(" ,")


class NameSplitter:
    """Separates a person's name from the office written before it."""

    def __init__(self, place_keys: Iterable[str] = ()):
        # Place names of two or more syllables, as search keys: "an giang", "chau doc".
        self._places = frozenset(k for k in place_keys if " " in k)
        self._longest = max((k.count(" ") + 1 for k in self._places), default=0)

    def _inside_place(self, keys: list[str], start: int, i: int) -> bool:
        for j in range(max(start, i - self._longest + 1), i + 1):
            for k in range(max(i + 1, j + 2), min(len(keys), j + self._longest) + 1):
                if " ".join(keys[j:k]) in self._places:
                    return True
        return False

    def _names_unit(self, words: list[str], keys: list[str], i: int) -> bool:
        """Whether words[i:] stand after a unit word as its name: "xã Lê Lợi", "TP. Hồ Chí Minh".

        After "tỉnh" only a province can stand, and none is named after a
        person: a name there that is no place is the person holding an office
        of the province the article is about ("Chủ tịch UBND tỉnh Võ Văn Hưng").
        The same after a district-level unit ("thành phố", "TP.", "huyện",
        "quận", "thị xã"): every one is a known place, and papers write "Phó
        Chủ tịch UBND thành phố Nguyễn Mạnh Quyền" and "Chủ tịch UBND huyện Lê
        Quang Phúc" for their own. A street ("phố Lê Lợi") and a commune ("xã
        Lê Lợi") may be named after a person.
        """
        unit = words[i - 1].lower() if i else ""
        if unit not in _UNIT_WORDS:
            return False
        before = words[i - 2].lower() if i > 1 else ""
        known_only = unit in _KNOWN_UNIT_WORDS or (unit, before) in (("phố", "thành"), ("xã", "thị"))
        if not known_only:
            return True
        return any(" ".join(keys[i:k]) in self._places for k in range(i + 2, len(keys) + 1))

    def split(self, segment: str) -> tuple[str, str] | None:
        """(what precedes the name, the name) when segment ends with a full name."""
        words = segment.strip(" ,").split()
        start = len(words)
        while start > 0 and _is_capitalised(words[start - 1]):
            start -= 1
        if start == len(words):
            return None
        highland = words[-1] in HIGHLAND_FAMILY_NAMES
        candidates = [i for i in range(start, len(words) - 1) if len(words) - i <= 4 and (
            words[i] in SURNAMES or (highland and (words[i] == "Y" or words[i].startswith(("H’", "H'")))))]
        if not candidates:
            return None
        # Keys of the capitalised words only: _inside_place() looks no further back.
        keys = [""] * start + [_word_key(w) for w in words[start:]]
        candidates = [i for i in candidates if not self._names_unit(words, keys, i)]
        if not candidates:
            return None
        chosen = next((i for i in candidates if not self._inside_place(keys, start, i)), None)
        if chosen is None:
            # A name that is also a place ("Chủ tịch Hồ Chí Minh") is still the person when nothing
            # else could be; but no one else is named exactly as a province or a district is: "Bí thư
            # Tỉnh ủy Hà Tĩnh nhấn mạnh", "Trường Đại học Y Hà Nội cho biết" name no one.
            chosen = candidates[0]
            if " ".join(words[chosen:]) != HO_CHI_MINH and " ".join(keys[chosen:]) in self._places:
                return None
        return " ".join(words[:chosen]), " ".join(words[chosen:])


def title_before(text: str) -> str | None:
    """The office written before a name: from the first title word, whole comma-separated offices."""
    text = _strip_honorific(text)
    if not text:
        return None
    chunks = [c.strip() for c in _split_commas(text)]
    kept: list[str] = []
    for index in range(len(chunks) - 1, -1, -1):
        chunk = _strip_honorific(chunks[index])
        if not chunk:
            continue
        position = _title_position(chunk)
        if position is None:
            break
        if position > 0:
            # "Sinh thời Chủ tịch": the office starts inside the clause, which ends the title.
            if not kept or index == len(chunks) - 1:
                kept.append(chunk[position:])
            break
        kept.append(chunk)
    if not kept:
        return None
    return ", ".join(reversed(kept))


#: Where a title word may start: at a word start, one of TITLE_STARTS follows. Overlapping
#: (a look-ahead), so every such position is found, in order.
_TITLE_CANDIDATE = re.compile(r"(?<![^ ])(?=" + "|".join(map(re.escape, TITLE_STARTS)) + ")")
_TITLES_BY_FIRST_CHAR: dict[str, tuple[str, ...]] = {}
for _start in TITLE_STARTS:
    _TITLES_BY_FIRST_CHAR[_start[0]] = (*_TITLES_BY_FIRST_CHAR.get(_start[0], ()), _start)


def _title_position(chunk: str) -> int | None:
    """Where the first title word of chunk begins: at a word start, and not inside a longer word.

    One regex finds where any title word could begin; only there are the words
    checked one by one (a search per title word was the slowest part of quotes).
    """
    for candidate in _TITLE_CANDIDATE.finditer(chunk):
        at = candidate.start()
        for start in _TITLES_BY_FIRST_CHAR[chunk[at]]:
            end = at + len(start)
            if chunk.startswith(start, at) and (end == len(chunk) or not chunk[end].isalpha()):
                return at
    return None


class QuoteFinder:
    """Finds quotes in an article's paragraphs; build once per gazetteer, reuse."""

    def __init__(self, place_keys: Iterable[str] = ()):
        self.names = NameSplitter(place_keys)

    # --- attribution

    def speaker(self, segment: str, known: "_Known", mentions_ho: bool, *, whole: bool = True) -> Speaker | None:
        """The person an attribution names, or None for a body, a document or nobody.

        whole: segment is the whole attribution, so an office alone in it ("Thủ tướng") is a person
        named before; not so while "Theo …" is read comma by comma, where more may follow.
        """
        segment = fold_spaces(segment).strip(" ,")
        if not segment:
            return None
        if _REPORTED.search(segment):
            # "theo lời Bác dạy": words recalled in a noun phrase, not said here.
            return None
        for alias in _HO_ALIASES:
            if segment.endswith(alias):
                return Speaker(HO_CHI_MINH, HO_CHI_MINH_TITLE)
        head, _, last = segment.rpartition(" ")
        if last in _HO_PRONOUNS and (not head or head.endswith(",") or head.lower() == "sinh thời"):
            return Speaker(HO_CHI_MINH, HO_CHI_MINH_TITLE) if mentions_ho else None
        split = self.names.split(segment)
        if split:
            before, name = split
            if name == HO_CHI_MINH:
                return Speaker(HO_CHI_MINH, HO_CHI_MINH_TITLE)
            title = title_before(before) if before else None
            return Speaker(name, title) if title else known.by_full_name(name)
        named = _honorific_name(segment)
        if named:
            before, name = named
            title = title_before(before) if before.strip(" ,") else None
            return Speaker(name, title) if title else known.by_full_name(name)
        # "Ông Nguyễn Văn A, người dân thôn Xuân Hồi": the name first, then what he is.
        chunks = _split_commas(segment)
        for index, chunk in enumerate(chunks):
            if chunk.count(" ") > 9:
                # Over eight words (the segment is folded): even without an honorific at
                # each end (two words each) it is more than a four-word name.
                continue
            named = self.names.split(_strip_honorific(chunk)) or _honorific_name(chunk.strip())
            # Nothing before the name but a courtesy word, or a short title ("PGS.TS", "Đại tá").
            before = named[0].strip(" ,") if named else ""
            if named and (not before or (before.count(" ") < 3 and _title_position(before) == 0)):
                office = fold_spaces(",".join(chunks[index + 1:])).strip(" ,")
                return Speaker(named[1], (office or title_before(before)) if before else (office or None))
        # "ông Lộc": a short form of someone named before.
        words = segment.split()
        if len(words) >= 2 and words[-2].lower() in HONORIFICS and _is_capitalised(words[-1]):
            return known.by_given_name(words[-1])
        # "Thủ tướng nhấn mạnh", "Phó Chủ tịch Thường trực UBND tỉnh yêu cầu": an office alone (of up to
        # ten words), for the one person named with it before.
        office = chunks[-1].strip()
        if whole and office and office.count(" ") < 10 and _title_position(office) == 0 \
                and title_before(office) == office:
            return known.by_office(office)
        return None

    def holders(self, paragraph: str, office: str) -> list[Speaker]:
        """The people of paragraph named right after office ("Thủ tướng Chính phủ Phạm Minh Chính")."""
        found = []
        for at in (m.start() for m in re.finditer(rf"(?<!\w){re.escape(office)}(?!\w)", paragraph)):
            for run in _CAPITALISED_RUN.finditer(paragraph, at, at + 120):
                split = self.names.split(paragraph[at:run.end()])
                title = title_before(split[0]) if split and split[0].strip(" ,").startswith(office) else None
                if title:
                    found.append(Speaker(split[1], title))
                    break
        return found

    def introduced(self, paragraph: str, given: str) -> Speaker | None:
        """The first person of paragraph whose full name ends with given, with the office attached to it.

        "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã …" and "Ông Nguyễn Văn Tám,
        người dân xã Minh Phú, kiến nghị …": named in passing, then quoted as
        "ông Chung", "ông Tám".
        """
        if given not in paragraph:
            return None
        for run in _CAPITALISED_RUN.finditer(paragraph):
            words = run.group().split()
            if given not in words[1:]:
                continue
            last = words.index(given, 1)
            first = next((i for i in range(max(0, last - 3), last) if words[i] in SURNAMES), None)
            if first is None:
                continue
            name = " ".join(words[first:last + 1])
            name_end = run.start() + run.group().index(name) + len(name)
            starts = [0] + [m.end() for m in _SENTENCE_END.finditer(paragraph)
                            if not self._abbreviation(paragraph, m.start())]
            sentence = paragraph[self._sentence_start(starts, name_end):name_end]
            split = self.names.split(sentence)
            if split and split[1] == name and split[0] and (title := title_before(split[0])):
                return Speaker(name, title)
            return Speaker(name, _apposition(paragraph[name_end:]))
        return None

    # --- the paragraphs

    def find(self, paragraphs: list[str]) -> list[ParsedQuote]:
        quotes: list[ParsedQuote] = []
        known = _Known(self)
        mentions_ho = False
        for paragraph in joined_quotations(paragraphs):
            mentions_ho = mentions_ho or any(alias in paragraph for alias in _HO_ALIASES)
            known.paragraphs.append(paragraph)
            for quote in self._paragraph(paragraph, known, mentions_ho):
                quote.position = len(quotes)
                quotes.append(quote)
                if quote.speaker and quote.speaker not in known.speakers:
                    known.speakers[quote.speaker] = Speaker(quote.speaker, quote.speaker_title)
        return quotes

    def _paragraph(self, text: str, known: "_Known", mentions_ho: bool) -> list[ParsedQuote]:
        has_person = _names_someone(text)
        has_marks = _ANY_QUOTE.search(text) is not None
        if not has_person and not has_marks:
            return []  # no one to quote and nothing quoted: most paragraphs
        found: list[tuple[int, ParsedQuote]] = []
        starts = [0]
        starts += [m.end() for m in _SENTENCE_END.finditer(text) if not self._abbreviation(text, m.start())]
        indirect_from = len(text)
        indirect = self._first_indirect(text, starts, known, mentions_ho) if has_person else None
        while indirect:
            indirect_from, indirect_quote, words_from = indirect
            reporter = Speaker(indirect_quote.speaker, indirect_quote.speaker_title)
            # Known already to the rest of the paragraph: "Bà Hạnh nhấn mạnh: “…”".
            known.speakers.setdefault(reporter.name, reporter)
            # Reported speech ends where a later sentence reports someone again: "X đánh giá,
            # … . Theo đồng chí X, …" are two quotes, each to where the next begins.
            later = self._first_indirect(text, [s for s in starts if s > indirect_from], known, mentions_ho)
            if later is None:
                found.append((indirect_from, indirect_quote))
                break
            if cut := _indirect_quote(text[words_from:later[0]], reporter):
                found.append((indirect_from, cut))
            indirect = later
        marks = _quote_spans(text) if has_marks else []
        previous_motto_end = None
        for open_at, close_at in marks:
            if open_at >= indirect_from:
                # Reported speech runs to the end of its paragraph, quoted words and all,
                # unless a later sentence quotes someone: "… cho biết, tỉnh sẽ … . Bà Hạnh
                # nhấn mạnh: “…”" ends the reported speech where that sentence starts.
                sentence = self._sentence_start(starts, open_at)
                if sentence <= words_from:
                    continue
                speaker = self._attributed(text[sentence:open_at], text, close_at + 1, known, mentions_ho)
                if not speaker:
                    continue
                cut = _indirect_quote(text[words_from:sentence], reporter)
                if cut is None:
                    break
                found[found.index((indirect_from, indirect_quote))] = (indirect_from, cut)
                indirect_from = len(text)
            inner = fold_spaces(text[open_at + 1:close_at])
            if not inner:
                continue
            before = text[self._sentence_start(starts, open_at):open_at]
            if _motto_before(before) or (
                previous_motto_end is not None and _LIST_GAP.match(text[previous_motto_end:open_at])
            ):
                found.append((open_at, ParsedQuote(inner, "motto")))
                previous_motto_end = close_at + 1
                continue
            previous_motto_end = None
            speaker = self._attributed(before, text, close_at + 1, known, mentions_ho)
            if speaker:
                found.append((open_at, ParsedQuote(inner, "direct", speaker.name, speaker.title)))
        found.sort(key=lambda pair: pair[0])
        return [quote for _, quote in found]

    @staticmethod
    def _abbreviation(text: str, dot: int) -> bool:
        word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
        return word.lower().strip("(") in _ABBREVIATIONS

    @staticmethod
    def _sentence_start(starts: list[int], position: int) -> int:
        best = 0
        for start in starts:
            if start > position:
                break
            best = start
        return best

    def _attributed(self, before: str, text: str, after: int, known, mentions_ho) -> Speaker | None:
        """The person a quote is attributed to: "<person> khẳng định: “…”" or "“…” - <person> cho biết".

        before is the sentence up to the opening mark; the closing mark is at text[after - 1].
        """
        trimmed = before.rstrip()
        if trimmed.endswith((":", ",")):
            trimmed = trimmed[:-1]
        elif trimmed.endswith(" rằng"):
            trimmed = trimmed[:-5]
        else:
            trimmed = None
        if trimmed is not None:
            start = _verb_before(trimmed, len(trimmed))
            if start is not None:
                speaker = self.speaker(trimmed[:start], known, mentions_ho)
                if speaker:
                    return speaker
        # The first character after the closing mark, spaces aside (found without copying the rest).
        first = _NON_SPACE.search(text, after)
        if first is None or text[first.start()] not in _DASH_OR_COMMA:
            return None
        tail = text[first.start() + 1:first.start() + 300]
        for closing in _CLOSING.finditer(tail):
            start = _verb_before(tail, closing.start())
            if start is not None:
                return self.speaker(tail[:start], known, mentions_ho)
        return None

    def _first_indirect(self, text: str, starts: list[int], known, mentions_ho):
        """(sentence start, quote, where its words start) of the first "Theo <person>, …" or "<person> cho biết, …"."""
        verbs = _speech_verbs(text)
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            if text.startswith("Theo ", start):
                theo = self._theo(text[start + 5:], known, mentions_ho)
                if theo:
                    return start, theo[0], start + 5 + theo[1]
            for verb in verbs:
                if verb.start < start:
                    continue
                if verb.start >= end:
                    break
                if _ANY_QUOTE.match(text, verb.end):
                    break  # "cho biết: “…”" is a direct quote
                speaker = self.speaker(text[start:verb.start], known, mentions_ho)
                if speaker:
                    quote = _indirect_quote(text[verb.end:], speaker)
                    if quote:
                        return start, quote, verb.end
                break
        return None

    def _theo(self, body: str, known, mentions_ho) -> tuple[ParsedQuote, int] | None:
        """"Theo <title> <Name>, …": the attribution ends at the first comma after a name,
        or at "thì" ("Theo ông Sử thì …").

        The quote, and where in body its words start.
        """
        for end in _THEO_END.finditer(body[:400]):
            speaker = self.speaker(body[: end.start()], known, mentions_ho, whole=False)
            if not speaker:
                continue
            start = end.end()
            # "Theo ông A, Giám đốc Sở Y tế, …": the office after the name.
            # That office is the one attached to the name here, whatever one was given before.
            office, *more = _split_commas(body[start:])
            if end.group() == "," and more and _title_position(office.strip()) == 0 and len(office.split()) <= 15:
                speaker, start = Speaker(speaker.name, fold_spaces(office)), start + len(office) + 1
            quote = _indirect_quote(body[start:], speaker)
            return (quote, start) if quote else None
        return None


_THEO_END = re.compile(r",|(?<= )thì(?= )")


class _Known:
    """Who an article has named up to the paragraph being read, for "ông Lộc" to be resolved."""

    def __init__(self, finder: QuoteFinder):
        self.finder = finder
        self.speakers: dict[str, Speaker] = {}  # full name -> as first quoted
        self.paragraphs: list[str] = []  # read so far, the current one last

    def by_full_name(self, name: str) -> Speaker:
        """"Ông Nguyễn Văn Ngọc khẳng định": named again without his office, which he keeps if given before."""
        if name in self.speakers:
            return self.speakers[name]
        given = name.rpartition(" ")[2]
        # Earlier paragraphs only: in the one being read, the name's first mention is this attribution.
        for paragraph in self.paragraphs[:-1]:
            speaker = self.finder.introduced(paragraph, given)
            if speaker and speaker.name == name:
                return speaker
        return Speaker(name, None)

    def by_office(self, office: str) -> Speaker | None:
        """The one person quoted or named before with this office; None if nobody, or several, were."""
        found = {speaker.name: speaker for speaker in self.speakers.values()
                 if speaker.title and speaker.title.startswith(office)}
        for paragraph in self.paragraphs:
            for speaker in self.finder.holders(paragraph, office):
                found.setdefault(speaker.name, speaker)
        return next(iter(found.values())) if len(found) == 1 else None

    def by_given_name(self, given: str) -> Speaker | None:
        """Someone quoted before whose name ends with given; else someone named before, as introduced."""
        for full, speaker in self.speakers.items():
            if full.endswith(" " + given):
                return speaker
        for paragraph in self.paragraphs:
            speaker = self.finder.introduced(paragraph, given)
            if speaker:
                return speaker
        return None


def _apposition(after_name: str) -> str | None:
    """The office set off by commas after a name: ", người dân xã Minh Phú, huyện Sóc Sơn, kiến nghị …".

    The clause's last comma-separated part is what the person did, not what
    they are; the office must begin as one (_title_position). Papers often
    leave out the comma closing the office: ", Chủ tịch UBND tỉnh Gia Lai cắt
    băng …" holds it too, up to the end of the body's name.
    """
    if not after_name.startswith(","):
        return None
    end = _CLOSING.search(after_name).start()
    parts = [part.strip() for part in _split_commas(after_name[1:end])]
    office = parts[:-1]
    for index, part in enumerate(office):
        verb = _verb_before(part, len(part))
        if verb is not None:  # ", Phó Chủ tịch UBND tỉnh cho biết, …": the office ends at the verb
            office = [*office[:index], part[:verb].strip()] if part[:verb].strip() else office[:index]
            break
    else:
        if head := _office_before_deed(parts[-1]):
            office.append(head)
    if not office or _title_position(office[0]) != 0 or any(part.count(" ") > 9 for part in office):
        return None
    return fold_spaces(", ".join(office))


def _office_before_deed(part: str) -> str | None:
    """"Bí thư Tỉnh ủy chủ trì hội nghị" -> "Bí thư Tỉnh ủy": a title and a body's name, then nothing
    or words in lower case; None for anything else."""
    if _title_position(part) != 0:
        return None
    start = BODY_START.search(part, 0, _OFFICE_BODY_REACH)
    body = BODY.match(part, start.start()) if start else None
    rest = part[body.end():] if body else None
    if rest is None or (rest and not (rest.startswith(" ") and rest.lstrip()[:1].islower())):
        return None
    return part[:body.end()]


_OFFICE_BODY_REACH = 40  # "Phó Bí thư Thường trực Tỉnh ủy": the title words before the body


def _indirect_quote(rest: str, speaker: Speaker) -> ParsedQuote | None:
    rest = fold_spaces(rest)
    if rest.endswith(".") and not rest.endswith(".."):
        rest = rest[:-1].rstrip()
    if not rest:
        return None
    return ParsedQuote(rest, "indirect", speaker.name, speaker.title)


_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper())
_CAPITALISED_RUN = re.compile(rf"[{_UPPER}]\w*(?:\s+[{_UPPER}]\w*)+")
# With Hồ Chí Minh's names ("Bác", "Người", "Hồ Chủ tịch") found by str.find, which is faster.
_COURTESY_NAME = re.compile(rf"(?:ông|bà|anh|chị|Ông|Bà|Anh|Chị) [{_UPPER}]")


def _names_someone(text: str) -> bool:
    """Whether a paragraph could quote anyone: a surname in a run of capitalised words or a
    Highland family name ending one, a courtesy word before a name ("ông Lộc"), or Hồ Chí
    Minh's names. Cheap, and false for most paragraphs."""
    if "Bác" in text or "Người" in text or "Hồ Chủ tịch" in text or _COURTESY_NAME.search(text):
        return True
    return any(not SURNAMES.isdisjoint(words[:-1]) or words[-1] in HIGHLAND_FAMILY_NAMES
               for words in map(str.split, _CAPITALISED_RUN.findall(text)))


#: A name right after a unit word is a place, not a person: "TP. Hồ Chí Minh", "xã Lê Lợi".
_UNIT_WORDS = frozenset(("tỉnh", "tp.", "tp", "t.p.", "phố", "huyện", "quận", "xã", "phường", "trấn", "thôn",
                         "đường"))
#: Unit words after which only a known place can stand ("thành phố" and "thị xã" are read by their
#: second word, with the first before it).
_KNOWN_UNIT_WORDS = frozenset(("tỉnh", "tp.", "tp", "t.p.", "huyện", "quận"))
_word_key = functools.lru_cache(maxsize=65536)(search_key)
_MARK = re.compile(r"[“”«»„\"]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of quoted passages; straight and curly marks may mix."""
    return _marks(text)[0]


def _left_open(text: str) -> bool:
    """Whether text opens a quotation it does not close: one that goes on in the next paragraph."""
    return _ANY_QUOTE.search(text) is not None and _marks(text)[1] is not None


#: A quotation runs over at most this many paragraphs.
MAX_QUOTE_PARAGRAPHS = 4


def joined_quotations(paragraphs: list[str]) -> list[str]:
    """The paragraphs, with a quotation over several of them joined into one.

    “Chúng tôi đề nghị … mặt bằng.¶ Người dân mong … cuộc sống”, ông Hùng nói.
    A paragraph left open is joined with those after it up to the one that
    closes the quotation; when none does within MAX_QUOTE_PARAGRAPHS, they
    stay apart.
    """
    joined, index = [], 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        index += 1
        if _left_open(paragraph):
            for end in range(index, min(len(paragraphs), index + MAX_QUOTE_PARAGRAPHS - 1)):
                candidate = " ".join([paragraph, *paragraphs[index:end + 1]])
                if not _left_open(candidate):
                    paragraph, index = candidate, end + 1
                    break
        joined.append(paragraph)
    return joined


def _marks(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """The quoted passages' (opening, closing) offsets, and where a passage left open opens."""
    spans = []
    open_at = None
    end = len(text)
    for match in _MARK.finditer(text):
        i, c = match.start(), match.group()
        if open_at is None:
            if c in _OPENERS or (c == '"' and (i == 0 or not text[i - 1].isalnum())
                                 and i + 1 < end and not text[i + 1].isspace()):
                open_at = i
        elif c in _CLOSERS or (c == '"' and not text[i - 1].isspace()):
            spans.append((open_at, i))
            open_at = None
        elif c in "“«" and text[open_at] == '"':
            open_at = i  # a stray straight mark before a real opening one
    return spans, open_at


def extract_quotes(paragraphs: list[str], *, place_keys: Iterable[str] = ()) -> list[ParsedQuote]:
    """Quotes of the paragraphs in order. Prefer a reused QuoteFinder when parsing many articles."""
    return QuoteFinder(place_keys).find(paragraphs)
