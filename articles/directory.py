"""Today's provinces by region, each with the count of published articles about it.

A count covers the province and every unit merged into it (today's An Giang
counts the articles about the former An Giang and Kiên Giang), and an
article tagged with two of those units counts once. Two queries whatever the
size of the archive: all provinces (87 rows), then one aggregate over the
article-province table that maps each tagged unit to today's unit with a
CASE built from the rows already loaded.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Value, When

from articles.caching import versioned
from articles.models import Article, Province, Region
from articles.querysets import public_q
from articles.text.normalise import search_key


@dataclass
class DirectoryEntry:
    province: Province
    count: int = 0
    predecessors: list[Province] = field(default_factory=list)


@dataclass
class RegionGroup:
    region: str
    label: str
    entries: list[DirectoryEntry]


def cached_province_directory() -> list[RegionGroup]:
    """province_directory(), computed once per content version: at 100,000 articles the
    aggregate reads the whole article-province table (a quarter of a second)."""
    return versioned("province-directory", province_directory)


def province_directory() -> list[RegionGroup]:
    provinces = {p.pk: p for p in Province.objects.all()}

    def today(unit):
        while unit.successor_id is not None:
            unit = provinces[unit.successor_id]
        return unit

    entries = {p.pk: DirectoryEntry(p) for p in provinces.values() if p.is_current}
    members: dict[int, list[int]] = {pk: [pk] for pk in entries}
    for unit in provinces.values():
        if not unit.is_current:
            successor = today(unit)
            members[successor.pk].append(unit.pk)
            entries[successor.pk].predecessors.append(unit)

    through = Article.provinces.through
    counts = (
        through.objects.filter(public_q("article__"))
        .annotate(today=Case(*[When(province_id__in=ids, then=Value(pk)) for pk, ids in members.items()],
                             output_field=IntegerField()))
        .values("today")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by()
    )
    for row in counts:
        if row["today"] in entries:
            entries[row["today"]].count = row["articles"]

    groups = []
    for region in Region:
        in_region = sorted((e for e in entries.values() if e.province.region == region.value),
                           key=lambda e: search_key(e.province.name))
        for entry in in_region:
            entry.predecessors.sort(key=lambda p: search_key(p.name))
        if in_region:
            groups.append(RegionGroup(region.value, region.label, in_region))
    return groups
