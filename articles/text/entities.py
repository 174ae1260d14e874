"""Provinces, organisations, places and people named in an article.

A Tagger is built once from a Gazetteer (the reference tables as plain
records) and reused for every article: building the lookup tables costs
milliseconds, tagging an article a fraction of one.

Provinces are reported as in force on the article's date: 63 units before
1 July 2025, 34 from then on, so "Bình Định" in a 2026 article is Gia Lai
and "Kon Tum" in 2023 stays Kon Tum. A district-level unit implies its
province ("huyện Như Xuân": Thanh Hóa), but a lower unit sharing a
province's name does not ("huyện Quảng Ninh" is in Quảng Bình), nor does
a person or anything named after one ("Chủ tịch Hồ Chí Minh").
"""

import bisect
import datetime
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ahocorasick

from . import organisations as org
from .bodies import (
    BOARD_SPELLINGS,
    BODY,
    BODY_START,
    COMMITTEE_LEVEL,
    DEPARTMENT_SPELLINGS,
    INNER_PARTY_SPELLINGS,
    JOIN,
    LOCAL_SPELLINGS,
    WORD,
)
from .normalise import canonical, fold_spaces, nfc, old_tones, search_key
from .quotes import SURNAMES, QuoteFinder
from .recase import Recaser
from .records import DistrictEntry, Gazetteer, ProvinceEntry

#: A run of capitalised words: "Châu Đốc Lâm Quang Thi", "Bà Rịa - Vũng Tàu".
# No look-behind for a word start: it would triple the cost, and Vietnamese words do
# not change case inside.
_RUN = re.compile(rf"{WORD}(?:{JOIN}{WORD})*")
_TOKEN = re.compile(r"[^\s-]+")

#: Unit words before a name, as written; upper-case forms are the abbreviations.
_UNIT_BEFORE = re.compile(
    r"(?:^|(?<=[\s(,;:]))(?P<unit>tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|T\.P\.?|Tp\.?"
    r"|huyện|quận|[tT]hị xã|TX\.|xã|phường"
    r"|[tT]hị trấn|[đĐ]ặc khu|thôn|bản|ấp)\s*$"
)
#: How each unit word of _UNIT_BEFORE ends: a run with none of these before it has no unit word.
_UNIT_ENDINGS = ("tỉnh", "Tỉnh", "phố", "TP.", "TP", "T.P.", "T.P", "Tp.", "Tp", "huyện", "quận", "TX.", "xã",
                 "phường", "trấn", "khu", "thôn", "bản", "ấp")
_CAPITAL_UNIT = {"Tỉnh": "tỉnh", "Huyện": "huyện", "Quận": "quận", "Phường": "phường", "Xã": "xã"}
_CAPITAL_UNITS = tuple(_CAPITAL_UNIT)
_DISTRICT_LEVEL = {"huyện": "huyen", "quận": "quan", "thị xã": "thi_xa", "thành phố": "thanh_pho"}
_LOWER_LEVEL = frozenset({"xã", "phường", "thị trấn", "đặc khu", "thôn", "bản", "ấp"})
#: "văn bản Hướng dẫn", "phiên bản …": "bản" as a word, not a village; "Phát triển nông thôn
#: Nghệ An": "thôn" in "nông thôn" (the countryside), not a hamlet.
_NOT_A_UNIT = {
    "bản": re.compile(r"(?:văn|phiên|kịch|dự thảo|phác|mẫu|nguyên|tờ|bức|bài)\s+bản\s*$", re.IGNORECASE),
    "thôn": re.compile(r"nông\s+thôn\s*$", re.IGNORECASE),
}
#: "các xã A, B và C", also opening a sentence ("Các xã …", "Hai huyện …").
_LIST_BEFORE = re.compile(r"(?:[cC]ác|[nN]hững|[hH]ai|[bB]a|[bB]ốn|[nN]ăm)\s+$")
#: "quận 1", "phường 3": numbered units, which no capitalised run finds.
_NUMBERED = re.compile(r"(?<![\w])(?P<unit>quận|phường) (?P<name>\d{1,2})(?![\w])")
_LIST_GAP = re.compile(r"\s*(?:,|và|;)\s*")
#: The number some wards' names end with ("phường Hà Giang 1"), where the sentence or list goes on after it;
#: not "xã Tân Lập 2 lần", a count.
_WARD_NUMBER = re.compile(r" (\d{1,2})(?=[,.;:)]|\s+và\s|\s*$)")
_FORMER = re.compile(r"\s+cũ\b")
#: Names that begin with a province's name and are not the province: the Pacific Ocean, and with it
#: "châu Á - Thái Bình Dương" (Asia-Pacific), which news of APEC names often.
_NOT_THE_PROVINCE = frozenset({("Thái", "Bình", "Dương")})
_CENTRAL = re.compile(r"(?:Trung ương|Chính phủ|Quốc hội)\s*$")

_PLURAL = re.compile(r"(?:các|những|mỗi)\s+$")
_LEVEL = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp.": "thành phố", "tp": "thành phố",
          "t.p.": "thành phố",
          "t.p": "thành phố", "huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "tx.": "thị xã",
          "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "đặc khu": "đặc khu", "thôn": "thôn",
          "bản": "bản", "ấp": "ấp"}
_PROVINCE_LEVEL = {"tinh": "tỉnh", "thanh_pho": "thành phố"}
#: How far after a bare "Thành ủy" or "Đảng bộ" the locality it belongs to may be named.
_LOCALITY_REACH = 90


@dataclass(slots=True)
class Entities:
    provinces: list[ProvinceEntry] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Place:
    text: int              # index of the text it was found in
    start: int
    level: str             # "huyện", "thành phố", "tỉnh" …
    name: str
    province: bool         # a province itself, not a unit inside one


def _spellings(name: str) -> set[str]:
    """A name as articles may write it: official tone placement or the older one, hyphen or not."""
    base = fold_spaces(nfc(name).replace("-", " "))
    return {base, canonical(base), old_tones(base)}


def _in_force(entry: ProvinceEntry, day: datetime.date) -> bool:
    started = entry.valid_from is None or entry.valid_from <= day
    return started and (entry.valid_to is None or day <= entry.valid_to)


class Tagger:
    """Lookup tables for one Gazetteer; tag() any number of articles with it."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._by_key = {p.key: p for p in gazetteer.provinces}
        self._provinces: dict[str, list[ProvinceEntry]] = {}
        for entry in gazetteer.provinces:
            for spelling in {s for n in (entry.name, *entry.aliases) for s in _spellings(n)}:
                self._provinces.setdefault(spelling, []).append(entry)
        self._people = {
            s: p.name for p in gazetteer.people for n in (p.name, *p.aliases) for s in _spellings(n)
        }
        self._successors: dict[str, list[ProvinceEntry]] = {}
        for entry in gazetteer.provinces:
            if entry.successor_key:
                self._successors.setdefault(entry.successor_key, []).append(entry)
        self._districts: dict[str, list[DistrictEntry]] = {}
        for district in gazetteer.districts:
            for spelling in _spellings(district.name):
                self._districts.setdefault(spelling, []).append(district)
        # First words of every name: most capitalised words start none, and are passed over.
        self._first_words = frozenset(s.split(" ", 1)[0] for s in (*self._provinces, *self._people))
        self._longest = max((s.count(" ") + 1 for s in (*self._provinces, *self._districts)), default=1)
        self._organisations = _OrganisationMatcher(gazetteer)
        place_keys = {search_key(p.name) for p in gazetteer.provinces}
        place_keys |= {search_key(d.name) for d in gazetteer.districts}
        self.quotes = QuoteFinder(place_keys)
        self._recaser: Recaser | None = None

    @property
    def recaser(self) -> Recaser:
        """Reads texts written in capitals; built on the first such text (most imports have none)."""
        if self._recaser is None:
            organisations = {s for entry in self.gazetteer.organisations
                             for n in (entry.name, *entry.aliases) for s in _spellings(n)}
            self._recaser = Recaser([*self._provinces, *self._districts, *self._people, *organisations,
                                     *(" ".join(name) for name in _NOT_THE_PROVINCE),
                                     *(f"Sở {spelling}" for spelling in DEPARTMENT_SPELLINGS),
                                     *BOARD_SPELLINGS, *LOCAL_SPELLINGS])
        return self._recaser

    # --- provinces on a date

    def resolve(self, entries: Sequence[ProvinceEntry], day: datetime.date | None,
                former: bool = False) -> ProvinceEntry | None:
        """The unit in force on day that a name refers to ("Bình Định" in 2026: Gia Lai)."""
        if not entries:
            return None
        if former:
            entries = [e for e in entries if e.valid_to is not None] or list(entries)
        if day is None:
            # Undated: as named; of two units with one name, today's.
            return next((e for e in entries if e.valid_to is None), entries[0])
        for entry in entries:
            if _in_force(entry, day):
                return entry
        for entry in entries:
            current, seen = entry, set()
            while current and current.valid_to and current.valid_to < day and current.key not in seen:
                seen.add(current.key)
                current = self._by_key.get(current.successor_key or "")
            if current and _in_force(current, day):
                return current
        for entry in entries:
            # Named by a later name (Huế before 2025): the unit it was formed from, if only one.
            earlier = [e for e in self._successors.get(entry.key, ()) if _in_force(e, day)]
            if len(earlier) == 1:
                return earlier[0]
        return None

    # --- one article

    def tag(self, texts: Sequence[str], *, published_at: datetime.datetime | None = None,
            speakers: Iterable[str] = (), folded: bool = False) -> Entities:
        """folded: every text's spaces are folded already (fold_spaces), as the parser's lines are."""
        day = published_at.date() if published_at else None
        if any(map(Recaser.shouting, texts)):
            texts = [self.recaser.recase(text) if Recaser.shouting(text) else text for text in texts]
            folded = False
        places: list[_Place] = []
        found_provinces: list[ProvinceEntry] = []
        district_hits: list[list[DistrictEntry]] = []
        place_names: dict[str, str] = {}
        people: dict[str, None] = dict.fromkeys(speakers)
        for index, text in enumerate(texts):
            self._scan_names(index, text, day, places, found_provinces, district_hits, people)
            if "quận " in text or "phường " in text:  # the regex scans every position; few texts need it
                places.extend(_Place(index, m.start(), m.group("unit"), m.group("name"), False)
                              for m in _NUMBERED.finditer(text))
        places.sort(key=lambda place: (place.text, place.start))
        for place in places:
            if not place.province:
                full = f"{place.level} {place.name}"
                place_names.setdefault(search_key(full), full)

        # Districts imply their province; a name shared by several districts only
        # confirms a province the article names anyway.
        named_keys = {p.key for p in found_provinces}
        for districts in district_hits:
            owners = []
            for district in districts:
                owner = self.resolve([self._by_key[district.province_key]], day) \
                    if district.province_key in self._by_key else None
                if owner and owner not in owners:
                    owners.append(owner)
            if len(owners) > 1:
                owners = [o for o in owners if o.key in named_keys]
            if len(owners) == 1:
                found_provinces.append(owners[0])

        counts = Counter(p.key for p in found_provinces)
        provinces = list(dict.fromkeys(found_provinces))
        context = max(provinces, key=lambda p: (counts[p.key], -provinces.index(p))) if provinces else None

        bodies: dict[str, str] = {}
        named = self._organisations.find_each(texts, folded=folded)
        for index, text in enumerate(texts):
            for name in self._bodies(index, text, places, context):
                bodies.setdefault(name.casefold(), name)
            for name in named[index]:
                bodies.setdefault(name.casefold(), name)
        return Entities(
            provinces=provinces,
            organisations=list(bodies.values()),
            places=list(place_names.values()),
            people=list(people),
        )

    def _scan_names(self, index, text, day, places, provinces, district_hits, people):
        list_level, list_end = None, -1
        first_words = self._first_words
        for run in _RUN.finditer(text):
            start = run.start()
            unit_match = None
            window = start - 12 if start > 12 else 0
            if text[window:start].rstrip().endswith(_UNIT_ENDINGS):  # cheaper than the regex
                unit_match = _UNIT_BEFORE.search(text, window, start)
            words = run.group()
            if unit_match is None and list_level is None and not words.startswith(_CAPITAL_UNITS):
                # Most runs ("Nhân dân", "Đảng", a sentence's first word) have no unit word before
                # them and are no list's next item: only a bare province or a person can be in them.
                list_end = run.end()
                if words.isalnum():  # one word: nothing to split
                    if words in first_words:
                        self._scan_rest([words], 0, day, provinces, people)
                    continue
                tokens = words.replace("-", " ").split()  # _TOKEN.findall(), faster
                if not first_words.isdisjoint(tokens):
                    self._scan_rest(tokens, 0, day, provinces, people)
                continue
            tokens = _TOKEN.findall(words)
            unit = _LEVEL.get(unit_match.group("unit").lower()) if unit_match else None
            if unit in _NOT_A_UNIT and _NOT_A_UNIT[unit].search(text, max(0, start - 20), start):
                unit = None
            if unit is None and tokens[0] in _CAPITAL_UNIT and len(tokens) > 1:
                # "Tỉnh Thanh Hóa có …" at the start of a sentence.
                unit, tokens = _CAPITAL_UNIT[tokens[0]], tokens[1:]
            if unit is None and list_level and _LIST_GAP.fullmatch(text, list_end, start):
                unit = list_level  # "các xã Xuân Hòa, Xuân Bình": one place each
            elif unit_match and _LIST_BEFORE.search(text, max(0, start - 40), unit_match.start()):
                list_level = unit
            else:
                list_level = None
            list_end = run.end()
            former = bool(_FORMER.match(text, run.end()))

            if unit in ("tỉnh", "thành phố"):
                size, entries = self._longest_province(tokens, 0)
                if entries and (unit == "tỉnh" or any(e.kind == "thanh_pho" for e in entries)):
                    self._add_province(entries, day, former, provinces)
                    places.append(_Place(index, start, unit, " ".join(tokens[:size]), True))
                    self._scan_rest(tokens, size, day, provinces, people)
                    continue
                if unit == "tỉnh":
                    self._scan_rest(tokens, 0, day, provinces, people)
                    continue
            if unit in _DISTRICT_LEVEL:
                size, districts = self._longest_district(tokens, _DISTRICT_LEVEL[unit])
                if not size and _reads_as_a_person(tokens):
                    # "Phó Chủ tịch UBND thành phố Nguyễn Mạnh Quyền": no district-level unit is
                    # missing from the gazetteer, so an unknown name that reads as a person's is one.
                    self._scan_rest(tokens, 0, day, provinces, people)
                    continue
                name = " ".join(tokens[:size]) if size else _place_name(tokens)
                if districts:
                    district_hits.append(districts)
                places.append(_Place(index, start, unit, name, False))
                self._scan_rest(tokens, size or len(name.split()), day, provinces, people)
                continue
            if unit in _LOWER_LEVEL:
                name = _place_name(tokens)
                size = len(name.split())
                if size == len(tokens) and (number := _WARD_NUMBER.match(text, run.end())):
                    name = f"{name} {number.group(1)}"  # "phường Hà Giang 1", "phường Hà Giang 2": two wards
                places.append(_Place(index, start, unit, name, False))
                if unit == "đặc khu":
                    # The special zones (since 1 July 2025) replaced island districts of the same names:
                    # "đặc khu Phú Quốc" is in the province the district of Phú Quốc now belongs to.
                    _, districts = self._longest_district(tokens, "")
                    if districts:
                        district_hits.append(districts)
                self._scan_rest(tokens, size, day, provinces, people)
                continue
            self._scan_rest(tokens, 0, day, provinces, people)

    def _scan_rest(self, tokens, i, day, provinces, people):
        """Bare province names and known people in a run of capitalised words."""
        n = len(tokens)
        first_words = self._first_words
        while i < n:
            if tokens[i] not in first_words:
                i += 1
                continue
            size, entries = self._longest_province(tokens, i)
            if entries and tuple(tokens[i:i + size + 1]) in _NOT_THE_PROVINCE:
                i += size + 1  # and no province inside it either ("Bình Dương")
                continue
            if entries and self._bare_province_ok(tokens, i, size):
                self._add_province(entries, day, False, provinces)
                i += size
                continue
            if self._people:
                for size in range(min(4, n - i), 1, -1):
                    person = self._people.get(" ".join(tokens[i:i + size]))
                    if person:
                        people.setdefault(person, None)
                        break
            i += 1

    @staticmethod
    def _bare_province_ok(tokens, i, size) -> bool:
        name = tokens[i:i + size]
        if len(name) >= 3 and name[0] in SURNAMES:
            return False  # named after a person: only "TP. Hồ Chí Minh" is the city
        if i + size == len(tokens) and any(
            tokens[j] in SURNAMES and len(tokens) - j <= 4 for j in range(max(0, i - 3), i)
        ):
            return False  # a person's given names: "Ông Nguyễn Thái Bình"
        rest = tokens[i + size:]
        return not rest or rest[0] in SURNAMES or not rest[0][:1].isalpha()

    def _longest_province(self, tokens, i):
        for size in range(min(self._longest, len(tokens) - i), 0, -1):
            entries = self._provinces.get(" ".join(tokens[i:i + size]))
            if entries:
                return size, entries
        return 0, None

    def _longest_district(self, tokens, kind):
        for size in range(min(self._longest, len(tokens)), 0, -1):
            districts = self._districts.get(" ".join(tokens[:size]))
            if districts:
                same_kind = [d for d in districts if d.kind == kind]
                # A town that has since become a city is still found under its old unit word.
                return size, same_kind or districts
        return 0, None

    def _add_province(self, entries, day, former, provinces):
        entry = self.resolve(entries, day, former)
        if entry:
            provinces.append(entry)

    # --- organisations

    def _bodies(self, index, text, places, context):
        end = 0
        for start in BODY_START.finditer(text):
            if start.start() < end:
                continue
            if start.start() and text[start.start() - 1].isalnum():
                continue  # inside a word
            match = BODY.match(text, start.start())
            if not match:
                continue
            end = match.end()
            before = max(0, match.start() - 20)
            if _PLURAL.search(text, before, match.start()) or _CENTRAL.search(text, before, match.start()):
                continue
            name = self._body(index, match, places, context)
            if name:
                yield name

    def _body(self, index, match, places, context):
        groups = match.groupdict()
        level = _LEVEL.get((groups["level"] or "").lower())
        name = groups["name"]
        if groups["department"]:
            return self._department(DEPARTMENT_SPELLINGS[groups["department"]], level, name, context)
        head = None
        if groups["board"]:
            kind, level = org.BOARD, COMMITTEE_LEVEL[groups["board_level"]]
            head = BOARD_SPELLINGS[groups["board"]]
        elif groups["local"]:
            kind, head = org.LOCAL, LOCAL_SPELLINGS[groups["local"]]
        elif groups["inspection"]:
            kind, level = org.INSPECTION, COMMITTEE_LEVEL[groups["inspection_level"]]
        elif groups["party_level"]:
            kind, level = org.PARTY, COMMITTEE_LEVEL[groups["party_level"]]
        elif groups["union_level"]:
            kind, level, head = org.LOCAL, COMMITTEE_LEVEL[groups["union_level"]], org.YOUTH_UNION
        elif groups["cell_level"]:
            kind, level = org.PARTY, groups["cell_level"]
        elif groups["inner_party"]:
            # "Đảng bộ" or "Đảng ủy" (written "uỷ" too) of the body.
            party = org.PARTY_ORGANISATION if groups["inner_party"] == org.PARTY_ORGANISATION else org.PARTY_EXECUTIVE
            kind, head = org.LOCAL, f"{party} {INNER_PARTY_SPELLINGS[groups['inner_body']]}"
        elif groups["party_body"]:
            kind = org.PARTY_BODY
        elif groups["committee"]:
            kind = org.COMMITTEE
        elif groups["council"]:
            kind = org.COUNCIL
        else:
            kind = org.FRONT
        if kind in (org.BOARD, org.INSPECTION, org.PARTY) and groups["level"]:
            # "Tỉnh ủy tỉnh X" is not written; "Huyện ủy huyện X" sometimes is.
            name = name if _LEVEL.get(groups["level"].lower()) == level else None
        if name:
            located = self._locality_name(name, level)
            if located:
                name, found_level = located
                level = level or found_level
                if level is None:
                    return None
                if level in _LOWER_LEVEL and name == groups["name"] and (
                        number := _WARD_NUMBER.match(match.string, match.end())):
                    name = f"{name} {number.group(1)}"  # "UBND phường Hà Giang 1", as its place is read
                return org.body_name(kind, level, name, head)
            if name.split(" ", 1)[0] not in SURNAMES:
                return None
            # "Chủ tịch UBND tỉnh Võ Văn Hưng", "Bí thư Huyện ủy Lý Ngọc Lan": a person, so the
            # holder of an office of the unit the article is about, found as a bare "UBND tỉnh".
        if groups["all_levels"] or (level is None and kind in (org.FRONT, org.PARTY_BODY)):
            # "MTTQ các cấp", a bare "MTTQ" or "Đảng bộ": the province the article is about,
            # or one named right after ("Đảng bộ và nhân dân tỉnh An Giang").
            place = _next_place(places, index, match.end(), ("tỉnh", "thành phố"), province=True)
            if place:
                return org.body_name(kind, place.level, self._province_name(place.name), head)
            return _provincial(kind, context, head)
        if level in ("tỉnh",) or (level == "thành phố" and context and context.kind == "thanh_pho"):
            if context is None:
                return None
            return _provincial(kind, context, head)
        if level in ("thành phố", "huyện", "quận", "thị xã"):
            place = _next_place(places, index, match.end(), (level,), province=False) \
                or _last_place(places, index, match.start(), level)
            return org.body_name(kind, level, place.name, head) if place else None
        return None

    def _department(self, department, level, name, context):
        """A province's department: of the province named after it, else of the article's province.

        Departments exist only at province level, so "Giám đốc Sở Y tế Nguyễn
        Văn A" is the Sở Y tế of the province the article is about.
        """
        located = self._locality_name(name, level) if name and level in (None, "tỉnh", "thành phố") else None
        if located and located[1] in ("tỉnh", "thành phố"):
            return org.department_name(department, located[1], located[0])
        if level not in (None, "tỉnh", "thành phố") or context is None:
            return None
        return org.department_name(department, _PROVINCE_LEVEL.get(context.kind, "tỉnh"), context.name)

    def _locality_name(self, name, level):
        """(name, level) for the locality after a body word, trimmed of any person's name after it."""
        tokens = _TOKEN.findall(name)
        if level in (None, "tỉnh", "thành phố"):
            size, entries = self._longest_province(tokens, 0)
            if entries and (level != "thành phố" or any(e.kind == "thanh_pho" for e in entries)):
                entry = entries[0]
                # The unit's name, not the text's spelling: "UBND TP.HCM" is Hồ Chí Minh's.
                return entry.name, level or _PROVINCE_LEVEL[entry.kind]
        district_kind = _DISTRICT_LEVEL.get(level) if level else None
        if level is None or district_kind:
            size, districts = self._longest_district(tokens, district_kind or "")
            if districts:
                found = level or next(k for k, v in _DISTRICT_LEVEL.items() if v == districts[0].kind)
                return " ".join(tokens[:size]), found
        if level is None or level == "tỉnh":
            return None
        joined = " ".join(tokens)
        if tokens[0] in SURNAMES and 2 <= len(tokens) <= 4 and joined not in self._provinces \
                and joined not in self._districts:
            # "Bí thư Huyện ủy Nguyễn Văn A": the holder, not an unknown district. Since 2025 many wards
            # and communes bear a former province's or district's name ("UBND phường Thái Bình"): a place.
            return None
        return _place_name(tokens), level

    def _province_name(self, name):
        entries = self._provinces.get(" ".join(_TOKEN.findall(name)))
        return entries[0].name if entries else canonical(name)


def _provincial(kind, context: ProvinceEntry | None, head: str | None = None) -> str | None:
    if context is None:
        return None
    return org.body_name(kind, _PROVINCE_LEVEL.get(context.kind, "tỉnh"), context.name, head)


def _next_place(places, index, after, levels, *, province):
    for place in places:
        if place.text == index and after <= place.start <= after + _LOCALITY_REACH \
                and place.level in levels and place.province == province:
            return place
    return None


def _last_place(places, index, before, level):
    found = None
    for place in places:
        if (place.text, place.start) >= (index, before):
            break
        if place.level == level and not place.province:
            found = place
    return found


def _reads_as_a_person(tokens: list[str]) -> bool:
    """A surname and one to three more names: "Nguyễn Mạnh Quyền", "Lương Nguyễn Minh Triết"."""
    return tokens[0] in SURNAMES and 2 <= len(tokens) <= 4


def _place_name(tokens: list[str]) -> str:
    """A lower unit's name: at most four syllables, and not the person named after it."""
    tokens = tokens[:6]
    for i in range(1, len(tokens) - 1):
        if tokens[i] in SURNAMES and 2 <= len(tokens) - i <= 4:
            return " ".join(tokens[:i])
    if len(tokens) > 4:
        tokens = tokens[:4]
    return " ".join(tokens)


class _OrganisationMatcher:
    """Finds the gazetteer's organisations by name or alias.

    The names once made one case-insensitive regex, tried at every character
    of every paragraph: the slowest step of tagging. find_each() lower-cases
    the article and finds every name in it in one pass of an Aho-Corasick
    automaton (C code), then keeps what the regex would have matched: at a
    word start, the longest name that ends at a word end, left to right,
    never overlapping. The regex stays for the rare text where lower-casing
    and re.IGNORECASE disagree.
    """

    def __init__(self, gazetteer: Gazetteer):
        self._names: dict[str, str] = {}
        for entry in gazetteer.organisations:
            for spelling in {s for n in (entry.name, *entry.aliases) for s in _spellings(n)}:
                self._names.setdefault(spelling.casefold(), entry.name)
        self._automaton = ahocorasick.Automaton()
        for name in self._names:
            self._automaton.add_word(name, name)
        if self._names:
            self._automaton.make_automaton()
        # Lower-casing agrees with re.IGNORECASE except for a few letters (ı, ſ, ς, ϐ …) that
        # IGNORECASE takes for another one; a text holding any of those takes the regex.
        self._traps = _case_traps(self._names)
        if any(name != name.lower() for name in self._names):
            self._traps = None  # names lower() would change (some scripts' casefold): always the regex

    @functools.cached_property
    def _regex(self) -> re.Pattern:
        # Compiled on first use, for the rare text that needs it: a third of building a Tagger.
        return _trie_regex(self._names)

    def find(self, text: str) -> list[str]:
        return self.find_each([text])[0]

    def find_each(self, texts: Sequence[str], *, folded: bool = False) -> list[list[str]]:
        """The organisations each text names, in order, as one regex search per text would find them.

        folded: the texts' spaces are folded already, and are not folded again.
        """
        found: list[list[str]] = [[] for _ in texts]
        if not self._names:
            return found
        if not folded:
            texts = [fold_spaces(text) for text in texts]
        # One string for the whole article: names never hold a line end, and "\n" is no
        # word character, so a match neither crosses texts nor changes at their edges.
        joined = "\n".join(texts)
        lowered = joined.lower()
        if self._traps is None or len(lowered) != len(joined) or any(c in lowered for c in self._traps):
            for index, text in enumerate(texts):
                found[index] = [self._names[m.group().casefold()] for m in self._regex.finditer(text)]
            return found
        at_start: dict[int, list[str]] = {}
        for last, name in self._automaton.iter(lowered):
            at_start.setdefault(last + 1 - len(name), []).append(name)
        ends = list(itertools.accumulate(len(text) + 1 for text in texts))
        end = 0
        for start in sorted(at_start):
            if start < end or (start and _is_word_char(joined[start - 1])):
                continue  # inside the last match, or not at a word start
            for name in sorted(at_start[start], key=len, reverse=True):
                after = start + len(name)
                if after == len(joined) or not _is_word_char(joined[after]):
                    found[bisect.bisect_right(ends, start)].append(self._names[name])
                    end = after
                    break
        return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def _case_traps(names: Iterable[str]) -> frozenset[str] | None:
    """Letters that re.IGNORECASE matches to a letter of names though lower() keeps them apart."""
    try:
        from re import _casefix  # the table the re module itself compiles IGNORECASE from
    except ImportError:
        return None
    letters = {ord(c) for name in names for c in name}
    return frozenset(chr(o) for c in letters for o in _casefix._EXTRA_CASES.get(c, ()))


def _trie_regex(words: Iterable[str]) -> re.Pattern:
    """One alternation for many phrases, factored by prefix so each position tries few branches."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node) -> str:
        branches, optional = [], False
        for char, child in sorted(node.items()):
            if char == "":
                optional = True
                continue
            branches.append(re.escape(char) + pattern(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return re.compile(r"(?<!\w)" + pattern(trie) + r"(?!\w)", re.IGNORECASE)


_TAGGERS: dict[int, tuple[Gazetteer, Tagger]] = {}


def tagger_for(gazetteer: Gazetteer) -> Tagger:
    """The Tagger of a Gazetteer, built on first use and kept while the Gazetteer is in use."""
    cached = _TAGGERS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        if len(_TAGGERS) > 8:
            _TAGGERS.clear()
        cached = _TAGGERS[id(gazetteer)] = (gazetteer, Tagger(gazetteer))
    return cached[1]


def find_entities(texts: Sequence[str], *, published_at: datetime.datetime | None,
                  gazetteer: Gazetteer | None = None, tagger: Tagger | None = None,
                  speakers: Iterable[str] = ()) -> Entities:
    """Provinces, organisations, places and people of an article's title, captions, headings, paragraphs."""
    if tagger is None:
        tagger = tagger_for(gazetteer or Gazetteer())
    return tagger.tag(texts, published_at=published_at, speakers=speakers)
