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
    Article.objects.filter(public_q(), pk__in=ids) compiled by the ORM once
    per process and number of ids, then run with this request's values:
    building and compiling that queryset cost three times as much CPU as
    running it.
    """
    ids = list(ids)
    if not ids:
        return set()
    sql, slots = _public_among_statement(connection.vendor, len(ids))
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [now if slot is _NOW else ids[slot] if isinstance(slot, int) else slot.value for slot in slots]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


_NOW = object()
_SENTINEL_TIME = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
_SENTINEL_ID = -10**9


class _Fixed:
    def __init__(self, value):
        self.value = value


@functools.lru_cache(maxsize=64)
def _public_among_statement(vendor: str, count: int):
    """The SQL of public_among() for `count` ids, and what each parameter is: _NOW, an id's index, or fixed."""
    from .models import Article

    ids = [_SENTINEL_ID - n for n in range(count)]
    query = Article.objects.filter(public_q(now=_SENTINEL_TIME), pk__in=ids).order_by().values_list("pk", flat=True)
    sql, params = query.query.sql_with_params()
    now = connection.ops.adapt_datetimefield_value(_SENTINEL_TIME)
    slots = [_NOW if param == now else _SENTINEL_ID - param if param in ids else _Fixed(param) for param in params]
    if slots.count(_NOW) != 1 or sorted(slot for slot in slots if isinstance(slot, int)) != list(range(count)):
        raise AssertionError(f"unexpected parameters for public_among: {params!r}")
    return sql, tuple(slots)


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
