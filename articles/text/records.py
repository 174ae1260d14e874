"""The typed records the text pipeline produces and consumes.

parse.parse_article() turns one source text into a ParsedArticle; the
importer turns that into rows, and as_gold_dict() into the JSON contract
that `import_articles --dry-run --json` prints (the shape of
shared/gold/seeds.json).
"""

import datetime
from dataclasses import dataclass, field

from .body import Block
from .pickling import pickled_by_fields


class SourceError(ValueError):
    """A text that cannot be imported: says which file, where and why."""

    def __init__(self, file_name: str, reason: str, line: int | None = None):
        self.file_name, self.reason, self.line = file_name, reason, line
        where = f"{file_name}:{line}" if line else file_name
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # Rebuilt from its fields, not from the message in self.args: errors
        # found while parsing in a worker process travel back pickled.
        return type(self), (self.file_name, self.reason, self.line)


# --- What the tagger knows: plain values, loaded from the database by
# --- articles.tagging or built from fixture files in tests.

@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ProvinceEntry:
    key: str                      # the Province slug: "an-giang", "an-giang-cu"
    name: str                     # short canonical name: "An Giang"
    kind: str                     # "tinh" or "thanh_pho"
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    successor_key: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DistrictEntry:
    name: str                     # without the unit word: "Như Xuân"
    kind: str                     # "huyen", "quan", "thi_xa", "thanh_pho"
    province_key: str             # slug of the (pre-2025) province it belonged to


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    name: str                     # official full name
    aliases: tuple[str, ...] = ()
    province_key: str | None = None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    provinces: tuple[ProvinceEntry, ...] = ()
    districts: tuple[DistrictEntry, ...] = ()
    organisations: tuple[OrganisationEntry, ...] = ()
    people: tuple[PersonEntry, ...] = ()


# --- What the parser finds.

@pickled_by_fields
@dataclass(slots=True)
class ParsedQuote:
    text: str
    kind: str                     # "direct", "indirect", "motto"
    speaker: str | None = None
    speaker_title: str | None = None
    position: int = 0             # order of appearance in the article


@pickled_by_fields
@dataclass(slots=True)
class ParsedArticle:
    file_name: str
    title: str
    published_at: datetime.datetime | None = None   # aware, Asia/Ho_Chi_Minh
    source_name: str | None = None
    source_url: str | None = None
    byline: str | None = None
    lead: str | None = None
    blocks: list[Block] = field(default_factory=list)        # body in order: paragraphs, headings, captions
    captions: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    body_paragraphs: list[str] = field(default_factory=list)  # the lead counts among them
    quotes: list[ParsedQuote] = field(default_factory=list)
    provinces: list[ProvinceEntry] = field(default_factory=list)  # in force on the article's date
    organisations: list[str] = field(default_factory=list)       # official full names
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)              # "huyện Như Xuân", "thành phố Châu Đốc"
    boilerplate_removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The Article fields made from this record (article_fields.article_fields()), once made.
    prepared: "ArticleFields | None" = field(default=None, compare=False, repr=False)  # noqa: F821
