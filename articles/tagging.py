"""What the database knows about places, bodies and people, handed to the parser.

The parser (articles.text) is pure Python: it tags provinces, organisations
and people from a Gazetteer of plain records. This module builds that
Gazetteer from the database, once per process, and rebuilds it when a
Province, District, Organisation or Person is saved or deleted, so an
editor who adds an alias improves the next import. Several processes
(app servers, an import command) agree on when to rebuild through a version
number kept in the cache: a save bumps it, and each process compares its
copy's version with the cache's before using it.

suggest() runs the same tagging over an article being edited and returns
what it finds, as rows where they exist and as names where they do not; it
never saves anything.
"""

import datetime
import threading
import uuid
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from articles.models import District, Organisation, Person, Province
from articles.text.body import parse_body
from articles.text.entities import Tagger
from articles.text.normalise import canonical
from articles.text.parse import parse_article
from articles.text.records import (
    DistrictEntry,
    Gazetteer,
    OrganisationEntry,
    ParsedArticle,
    ParsedQuote,
    PersonEntry,
    ProvinceEntry,
)

VERSION_KEY = "articles:gazetteer-version"

_lock = threading.Lock()


class _Known:
    """One build of the Gazetteer and what is derived from it."""

    def __init__(self, version: str, gazetteer: Gazetteer):
        self.version, self.gazetteer, self.tagger = version, gazetteer, Tagger(gazetteer)

    @cached_property
    def organisation_names(self) -> dict[str, str]:
        return official_names(self.gazetteer.organisations)

    @cached_property
    def person_names(self) -> dict[str, str]:
        return official_names(self.gazetteer.people)


_known: _Known | None = None


# --- The Gazetteer -----------------------------------------------------------

def build_gazetteer() -> Gazetteer:
    """Every province, district, organisation and person, as the parser's records (four queries)."""
    provinces = tuple(
        ProvinceEntry(
            key=row["slug"],
            name=row["name"],
            kind=row["kind"],
            valid_from=row["valid_from"],
            valid_to=row["valid_to"],
            successor_key=row["successor__slug"],
            aliases=tuple(row["aliases"] or ()),
        )
        for row in Province.objects.order_by("pk").values(
            "slug", "name", "kind", "valid_from", "valid_to", "successor__slug", "aliases"
        )
    )
    districts = tuple(
        DistrictEntry(name=name, kind=kind, province_key=province)
        for name, kind, province in District.objects.order_by("pk").values_list("name", "kind", "province__slug")
    )
    organisations = tuple(
        OrganisationEntry(name=name, aliases=tuple(aliases or ()), province_key=province)
        for name, aliases, province in Organisation.objects.order_by("pk").values_list(
            "name", "aliases", "province__slug"
        )
    )
    people = tuple(
        PersonEntry(name=name, aliases=tuple(aliases or ()))
        for name, aliases in Person.objects.order_by("pk").values_list("name", "aliases")
    )
    return Gazetteer(provinces=provinces, districts=districts, organisations=organisations, people=people)


def _current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # First process to ask (or the cache was flushed): agree on a fresh
        # number; add() keeps whichever process got there first.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _current() -> _Known:
    global _known
    version = _current_version()
    with _lock:
        if _known is None or _known.version != version:
            _known = _Known(version, build_gazetteer())
        return _known


def gazetteer() -> Gazetteer:
    """The Gazetteer of the database as it is now, built once until something in it changes."""
    return _current().gazetteer


def tagger() -> Tagger:
    """The parser's Tagger over gazetteer(), built with it."""
    return _current().tagger


def invalidate(**kwargs) -> None:
    """Make every process rebuild its Gazetteer before the next use."""
    global _known
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    with _lock:
        _known = None


for _model in (Province, District, Organisation, Person):
    post_save.connect(invalidate, sender=_model, dispatch_uid=f"tagging-saved-{_model.__name__}")
    post_delete.connect(invalidate, sender=_model, dispatch_uid=f"tagging-deleted-{_model.__name__}")


# --- Names -------------------------------------------------------------------

@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form two spellings of one name share: NFC, modern tone marks, case folded.

    Not search_key(): names that differ only in diacritics (Nưng, Nừng) are
    different people.
    """
    return canonical(name).casefold()


_PARTY_WORDS = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng bộ", "Ban Thường vụ",
                "Ban Chấp hành", "Bộ Chính trị", "Ban Bí thư", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận",
                "Ban Nội chính", "Ủy ban Kiểm tra", "Chi bộ")
_KIND_PREFIXES = [
    (Organisation.Kind.PEOPLES_COMMITTEE, ("Ủy ban nhân dân",)),
    (Organisation.Kind.PEOPLES_COUNCIL, ("Hội đồng nhân dân",)),
    (Organisation.Kind.FATHERLAND_FRONT, ("Ủy ban Mặt trận Tổ quốc", "Ủy ban Trung ương Mặt trận Tổ quốc",
                                          "Mặt trận Tổ quốc")),
    (Organisation.Kind.PARTY, _PARTY_WORDS),
    (Organisation.Kind.MASS_ORGANISATION, ("Hội ", "Đoàn Thanh niên", "Liên đoàn Lao động", "Công đoàn",
                                           "Liên hiệp")),
    (Organisation.Kind.GOVERNMENT_AGENCY, ("Sở ", "Bộ ", "Cục ", "Chi cục", "Tổng cục", "Phòng ", "Ban Quản lý",
                                           "Trung tâm", "Văn phòng", "Công an", "Bộ Chỉ huy", "Tòa án",
                                           "Viện Kiểm sát", "Kho bạc", "Quốc hội", "Chính phủ", "Thanh tra",
                                           "Đoàn đại biểu Quốc hội")),
    (Organisation.Kind.PRESS, ("Báo ", "Đài ", "Tạp chí", "Thông tấn")),
    (Organisation.Kind.SCHOOL, ("Trường", "Đại học", "Học viện")),
    (Organisation.Kind.BUSINESS, ("Công ty", "Tổng công ty", "Tập đoàn", "Ngân hàng", "Hợp tác xã")),
]


def organisation_kind(name: str) -> str:
    """The Organisation.Kind an official name announces: “Ủy ban nhân dân …” is a people's committee."""
    name = canonical(name)
    for kind, prefixes in _KIND_PREFIXES:
        if name.startswith(prefixes):
            return kind
    return Organisation.Kind.OTHER


_UNIT_WORDS = ("tỉnh", "thành phố", "Tỉnh ủy", "Thành ủy", "TP.")


def organisation_province(name: str, gazetteer: Gazetteer, *, on: datetime.date | None = None) -> str | None:
    """The slug of the province a body's name makes clear, or None.

    “Ủy ban nhân dân tỉnh An Giang” names a province; “Thành ủy Châu Đốc”
    names a district-level unit whose province is known. When a name fits
    units of several periods (An Giang before and after 2025), the unit in
    force on the article's date wins, else today's unit.
    """
    key = name_key(name)
    candidates = []
    for entry in gazetteer.provinces:
        for word in _UNIT_WORDS:
            for spelling in (entry.name, *entry.aliases):
                if key.endswith(name_key(f" {word} {spelling}")) or key == name_key(f"{word} {spelling}"):
                    candidates.append(entry)
    if candidates:
        def rank(entry):
            in_force = on is not None and (entry.valid_from is None or entry.valid_from <= on) and (
                entry.valid_to is None or on <= entry.valid_to)
            return (not in_force, entry.valid_to is not None)
        return min(candidates, key=rank).key
    matches = {d.province_key for d in gazetteer.districts if key.endswith(" " + name_key(d.name))}
    # A district name shared by two provinces does not make the province clear.
    return matches.pop() if len(matches) == 1 else None


# --- Parsing with the database's knowledge ------------------------------------

def parse(text: str, *, file_name: str, with_tagger: Tagger | None = None, decoded: bool = False) -> ParsedArticle:
    """parse_article() with the database's Tagger: what the importer and suggest() both run.

    decoded: text comes from decode_bytes() (articles.importing.decode_source).
    """
    return parse_article(text, file_name=file_name, gazetteer=None, tagger=with_tagger or tagger(), decoded=decoded)


# --- Suggestions for the editors' desk ----------------------------------------

@dataclass
class Suggestions:
    """Tags the parser proposes for an article; the editor accepts or rejects each."""

    provinces: list[Province] = field(default_factory=list)
    organisations: list[Organisation | str] = field(default_factory=list)  # a str is a body not yet known
    people: list[Person | str] = field(default_factory=list)               # a str is a person not yet known
    quotes: list[ParsedQuote] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def as_source_text(*, title: str, lead: str = "", body: str = "", published_at: datetime.datetime | None = None) -> str:
    """An article's fields laid out as a source text, the form the parser reads."""
    lines = [title]
    if published_at is not None:
        lines.append(timezone.localtime(published_at).strftime("%d/%m/%Y %H:%M"))
    if lead:
        lines.append(lead)
    lines += [block.text for block in parse_body(body)]
    return "\n\n".join(line.strip() for line in lines if line and line.strip())


def official_names(entries) -> dict[str, str]:
    """name_key of every name and alias -> the official name it stands for."""
    official = {}
    for entry in entries:
        for spelling in (entry.name, *entry.aliases):
            official.setdefault(name_key(spelling), entry.name)
    return official


def _by_name(model, official: dict[str, str], names: list[str]) -> list:
    """Rows for the names (name or alias) that exist, the names themselves for the rest; order kept."""
    if not names:
        return []
    wanted = {official[name_key(n)] for n in names if name_key(n) in official}
    rows = {name_key(row.name): row for row in model.objects.filter(name__in=wanted)}
    result, seen = [], set()
    for name in names:
        item = rows.get(name_key(official.get(name_key(name), name)), name)
        marker = ("row", item.pk) if not isinstance(item, str) else ("name", name_key(item))
        if marker not in seen:
            seen.add(marker)
            result.append(item)
    return result


def suggest(*, title: str, lead: str = "", body: str = "", published_at: datetime.datetime | None = None
            ) -> Suggestions:
    """What the parser finds in an article being edited: provinces, organisations, people, quotes.

    Nothing is saved: unknown organisations and people come back as names.
    """
    if not (title or "").strip():
        return Suggestions()
    text = as_source_text(title=title, lead=lead, body=body, published_at=published_at)
    known = _current()
    parsed = parse(text, file_name="", with_tagger=known.tagger)
    slugs = [entry.key for entry in parsed.provinces]
    provinces = {p.slug: p for p in Province.objects.filter(slug__in=slugs)}
    speakers = [q.speaker for q in parsed.quotes if q.speaker]
    return Suggestions(
        provinces=[provinces[slug] for slug in dict.fromkeys(slugs) if slug in provinces],
        organisations=_by_name(Organisation, known.organisation_names, parsed.organisations),
        people=_by_name(Person, known.person_names, list(dict.fromkeys([*parsed.people, *speakers]))),
        quotes=list(parsed.quotes),
        places=list(parsed.places),
    )
