"""Sitemaps: an index at /sitemap.xml, its sections, and a news sitemap.

The archive outgrows one file (50,000 addresses at most), so /sitemap.xml is
an index of sections, each paginated by Django (?p=2 …). The news section
lists the last two days' articles with the news: extension search engines
read for news. Addresses are absolute on SITE_URL; only published articles
appear.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Organisation, Person, Province, Topic
from articles.querysets import public_q

NEWS_DAYS = 2


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL rather than on whatever host the request came to."""

    limit = 10_000

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "published_at").order_by("-published_at", "-id")

    def lastmod(self, article):
        return max(article.updated_at, article.published_at)


class NewsSitemap(ArticleSitemap):
    limit = 1000  # the news extension's limit per file

    def items(self):
        since = timezone.now() - datetime.timedelta(days=NEWS_DAYS)
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "title", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )


class PageSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return ["articles:front_page", "articles:article_list", "articles:province_list"]

    def location(self, name):
        return reverse(name)


class ProvinceSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Province.objects.order_by("valid_to", "name")


class TagSitemap(SiteSitemap):
    """Organisations, people or topics that at least one published article is tagged with."""

    changefreq = "weekly"

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.filter(public_q("articles__")).distinct().order_by("slug")


SECTIONS = {
    "pages": PageSitemap,
    "provinces": ProvinceSitemap,
    "articles": ArticleSitemap,
    "organisations": TagSitemap(Organisation),
    "people": TagSitemap(Person),
    "topics": TagSitemap(Topic),
    "news": NewsSitemap,
}


def index(request):
    """The sitemap index, on SITE_URL (Django's index view would use the request's host)."""
    items = []
    for section, sitemap in SECTIONS.items():
        sitemap = sitemap() if isinstance(sitemap, type) else sitemap
        location = settings.SITE_URL + reverse("sitemap_section", kwargs={"section": section})
        if not sitemap.paginator.count:
            continue  # an empty <urlset> is not a valid sitemap: leave the section out
        pages = sitemap.paginator.num_pages
        items.append(SitemapIndexItem(location, None))
        items.extend(SitemapIndexItem(f"{location}?p={page}", None) for page in range(2, pages + 1))
    response = TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def section(request, section):
    if section not in SECTIONS:
        raise Http404
    template = "sitemaps/news.xml" if section == "news" else "sitemap.xml"
    return sitemap_views.sitemap(request, SECTIONS, section=section, template_name=template)
