"""How articles are read: the one definition of "public" lives here.

An article is public when an editor has published it (status published, or
scheduled) and its publication time has come. A scheduled article therefore
goes live at its time with no job to run: every public query compares
published_at with now.
"""

import datetime
import functools

from django.db import connection, models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

PUBLIC_STATUSES = ("published", "scheduled")


def public_q(prefix: str = "", *, now=None) -> Q:
    """The public rule as a Q, for models that filter through articles (prefix "articles__")."""
    now = now or timezone.now()
    return Q(**{f"{prefix}status__in": PUBLIC_STATUSES, f"{prefix}published_at__lte": now})


def public_among(ids) -> set[int]:
    """Which of these articles are public now, in one query by primary key.

    Pages built from pieces kept per content version (a list's page of ids,
    a search ranking, an article's neighbours) ask this on each request, so
    that what the database no longer finds public (withdrawn with
    QuerySet.update(), which sends no signal) is left out. It is
    Article.objects.filter(public_q(), pk__in=ids), compiled once per
    process and number of ids (_compiled).
    """
    ids = list(ids)
    if not ids:
        return set()
    sql, slots = _public_among_statement(connection.vendor, len(ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(slots, now=timezone.now(), ids=ids))
        return {row[0] for row in cursor.fetchall()}


def published_by_slug(slug: str):
    """The public article at this address (all its fields), or None: Article.objects.published().get(slug=slug),
    compiled once per process (_compiled); an article page's one query besides pieces kept per content version."""
    from .models import Article

    sql, slots = _by_slug_statement(connection.vendor)
    return next(iter(Article.objects.raw(sql, _params(slots, now=timezone.now(), slug=slug))), None)


# Building and compiling a queryset through the ORM costs about three times the CPU of running
# it, on pages whose other pieces are kept. These statements are compiled once per process from
# their querysets, with stand-in values whose places in the parameters are then filled per request.
_SENTINEL_TIME = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
_SENTINEL_ID = -10**9
_SENTINEL_SLUG = "\x00slug\x00"


def _compiled(queryset, stand_ins: dict) -> tuple[str, tuple]:
    """The queryset's SQL and, for each parameter, the slot of the stand-in it holds (stand_ins: {value: slot})
    or ("fixed", value)."""
    sql, params = queryset.query.sql_with_params()
    places = {connection.ops.adapt_datetimefield_value(value) if isinstance(value, datetime.datetime) else value: slot
              for value, slot in stand_ins.items()}
    slots = tuple(places[param] if isinstance(param, (str, int, datetime.datetime)) and param in places
                  else ("fixed", param) for param in params)
    if {slot for slot in slots if slot[0] != "fixed"} != set(stand_ins.values()):
        raise AssertionError(f"a stand-in value is missing from the compiled parameters {params!r}")
    return sql, slots


def _params(slots, *, now, ids=(), slug=None) -> list:
    values = {"now": connection.ops.adapt_datetimefield_value(now), "slug": slug}
    return [slot[1] if slot[0] == "fixed" else ids[slot[1]] if slot[0] == "id" else values[slot[0]] for slot in slots]


@functools.lru_cache(maxsize=64)
def _public_among_statement(vendor: str, count: int):
    from .models import Article

    ids = {_SENTINEL_ID - n: ("id", n) for n in range(count)}
    queryset = Article.objects.filter(public_q(now=_SENTINEL_TIME), pk__in=list(ids)).order_by()
    return _compiled(queryset.values_list("pk", flat=True), {_SENTINEL_TIME: ("now", 0), **ids})


@functools.lru_cache(maxsize=4)
def _by_slug_statement(vendor: str):
    from .models import Article

    queryset = Article.objects.filter(public_q(now=_SENTINEL_TIME), slug=_SENTINEL_SLUG).order_by()
    return _compiled(queryset, {_SENTINEL_TIME: ("now", 0), _SENTINEL_SLUG: ("slug", 0)})


def card_provinces() -> Prefetch:
    """An article card's provinces: what the card shows of them."""
    from .models import Province

    return Prefetch("provinces", queryset=Province.objects.only("id", "name", "slug", "valid_to"))


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(public_q())

    def for_list(self):
        """What a feed item shows, in a fixed number of queries whatever the number of items."""
        return self.only(
            "id", "title", "slug", "lead", "published_at", "lead_image", "lead_image_width",
            "lead_image_height", "lead_image_caption", "status", "source_name", "byline",
        ).prefetch_related(card_provinces())

    def for_cards(self, *also):
        """The columns an article card (includes/card.html) shows, and `also`. Not its
        provinces: articles.cards reads them for the cards it has to render, so a page
        whose cards are all cached skips that query."""
        return self.only("id", "title", "slug", "lead", "published_at", *also)

    def newest_first(self):
        return self.order_by("-published_at", "-id")

    def for_province(self, province, *, successor_of=None):
        """Articles tagged with the province or any unit merged into it, at any depth.

        successor_of ({unit pk: successor pk}) saves its query when the caller
        has the units already.
        """
        from .models import Article, Province

        # 87 units: one query for the whole succession, walked here, rather than one query per level.
        if successor_of is None:
            successor_of = dict(Province.objects.values_list("pk", "successor_id"))
        ids = {province.pk}
        while True:
            merged = {pk for pk, successor in successor_of.items() if successor in ids} - ids
            if not merged:
                break
            ids |= merged
        # EXISTS, not JOIN … DISTINCT: no duplicate rows to remove, so the database can
        # walk the newest-first index and stop once it has a page (and count without DISTINCT).
        tagged = Article.provinces.through.objects.filter(article_id=OuterRef("pk"), province_id__in=sorted(ids))
        return self.filter(Exists(tagged))
