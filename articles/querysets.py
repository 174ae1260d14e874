"""How articles are read: the one definition of "public" lives here.

An article is public when an editor has published it (status published, or
scheduled) and its publication time has come. A scheduled article therefore
goes live at its time with no job to run: every public query compares
published_at with now.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

PUBLIC_STATUSES = ("published", "scheduled")


def public_q(prefix: str = "", *, now=None) -> Q:
    """The public rule as a Q, for models that filter through articles (prefix "articles__")."""
    now = now or timezone.now()
    return Q(**{f"{prefix}status__in": PUBLIC_STATUSES, f"{prefix}published_at__lte": now})


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
