"""RSS and Atom feeds: the latest published articles, and per province.

Links are absolute on SITE_URL, so a feed fetched through a proxy names the
site's public address. A province's feed includes the units merged into it,
as its page does.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Province

ITEMS = 30


def absolute(path: str) -> str:
    return settings.SITE_URL + path


class LatestArticlesFeed(Feed):
    description = _("The latest articles from Vietnam's provinces.")

    def title(self):
        return _("%(site)s: latest articles") % {"site": settings.SITE_NAME}

    def link(self):
        return absolute(reverse("articles:front_page"))

    def feed_url(self):
        return absolute(reverse("feed_latest"))

    def items(self):
        return Article.objects.published().for_list().newest_first()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.byline or item.source_name or None

    def item_categories(self, item):
        return [province.name for province in item.provinces.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def feed_url(self):
        return absolute(reverse("feed_latest_atom"))


class ProvinceFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Province, slug=slug)

    def title(self, province):
        return _("%(site)s: %(province)s") % {"site": settings.SITE_NAME, "province": province.name}

    def description(self, province):
        return _("The latest articles about %(province)s.") % {"province": province.name}

    def link(self, province):
        return absolute(province.get_absolute_url())

    def feed_url(self, province):
        return absolute(reverse("feed_province", kwargs={"slug": province.slug}))

    def items(self, province):
        return Article.objects.published().for_province(province).for_list().newest_first()[:ITEMS]


class ProvinceAtomFeed(ProvinceFeed):
    feed_type = Atom1Feed

    def subtitle(self, province):
        return self.description(province)

    def feed_url(self, province):
        return absolute(reverse("feed_province_atom", kwargs={"slug": province.slug}))
