"""Public pages. Each view reads the request, asks a queryset or module, renders.

Everything here reads Article.objects.published(): drafts, articles in
review, scheduled articles before their time and archived ones answer 404
wherever they are asked for. Every page is served through the page cache
(articles.caching), which signed-in editors bypass.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from articles import article_page
from articles.caching import cached_page, versioned
from articles.directory import cached_province_directory
from articles.filters import ArticleFilter, Unfiltered
from articles.models import Article, ArticleSlugRedirect, Organisation, Person, Province, Topic
from articles.pagination import KeptPage, paginate
from articles.querysets import published_by_slug
from articles.search import search as search_articles

FRONT_PAGE_SIZE = 12


def _public_list():
    # The cards' provinces are read by articles.cards, only for the cards it renders.
    return Article.objects.published().for_cards().newest_first()


def _lazy_directory():
    # Read only when includes/region_list.html, kept rendered per content version, is not cached.
    return SimpleLazyObject(cached_province_directory)


@require_safe
@cached_page
def front_page(request):
    # The newest articles' ids are kept per content version, like a counted list's page: a later
    # request asks only which of them are still public, and reads no rows if their cards are kept.
    latest = KeptPage(f"page:front:{FRONT_PAGE_SIZE}", lambda: _public_list()[:FRONT_PAGE_SIZE], _public_list)
    return render(request, "articles/front_page.html", {"latest": latest, "regions": _lazy_directory()})


@require_safe
@cached_page
def article_list(request):
    if not ArticleFilter.chooses(request.GET):
        # The list's queryset is built only if a piece kept per version is missing.
        return render(request, "articles/article_list.html", {
            "filter": Unfiltered(request.GET, queryset=_public_list),
            "page_obj": paginate(request, _public_list, count_key="list:[]"),
        })
    articles = ArticleFilter(request.GET, queryset=_public_list())
    if not articles.is_valid():
        return render(request, "articles/article_list.html", {"filter": articles, "page_obj": None}, status=400)
    chosen = sorted((name, str(value)) for name, value in articles.form.cleaned_data.items() if value)
    return render(request, "articles/article_list.html", {
        "filter": articles,
        "page_obj": paginate(request, articles.qs, count_key=f"list:{chosen!r}"),
    })


@require_safe
@cached_page
def article_detail(request, slug):
    article = published_by_slug(slug)
    if article is None:
        # An old address of a published article moves permanently to the current one.
        old = ArticleSlugRedirect.objects.filter(
            old_slug=slug, article__in=Article.objects.published()
        ).select_related("article").first()
        if old is None:
            raise Http404("No Article matches the given query.")  # as get_object_or_404 says it
        return redirect(old.article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article, **article_page.for_readers(article)})


@require_safe
@cached_page
def province_list(request):
    return render(request, "articles/province_list.html", {"regions": _lazy_directory()})


def _province_history(slug):
    """The unit, today's unit, its predecessors and the succession map; None for an unknown slug.

    The page needs the unit, its successors up to today's unit, its predecessors
    and every unit merged into it: all 87 units in one query answer them all.
    """
    units = list(Province.objects.all())  # by name, as the predecessors are listed
    by_pk = {unit.pk: unit for unit in units}
    for unit in units:
        if unit.successor_id is not None:
            unit.successor = by_pk[unit.successor_id]
    province = next((unit for unit in units if unit.slug == slug), None)
    if province is None:
        return None
    return {
        "province": province,
        "today": province.today() if not province.is_current else None,
        "predecessors": [unit for unit in units if unit.successor_id == province.pk] if province.is_current else [],
        "successor_of": {unit.pk: unit.successor_id for unit in units},
    }


@require_safe
@cached_page
def province_detail(request, slug):
    # Kept per content version, like the directory: a province's change raises it.
    history = versioned(f"province-history:{slug}", lambda: _province_history(slug))
    if history is None:
        raise Http404
    province = history["province"]
    # Built only if a kept piece (count, the page's ids) is missing.
    articles = lambda: _public_list().for_province(province, successor_of=history["successor_of"])  # noqa: E731
    return render(request, "articles/province_detail.html", {
        "province": province,
        "today": history["today"],
        "predecessors": history["predecessors"],
        "page_obj": paginate(request, articles, count_key=f"province:{province.pk}"),
    })


def _tag_page(request, model, slug, relation, template):
    """An organisation's, person's or topic's page: the published articles tagged with it."""
    tag = get_object_or_404(model, slug=slug)
    articles = lambda: _public_list().filter(**{relation: tag})  # noqa: E731 (built only if a kept piece is missing)
    return render(request, template, {
        "tag": tag,
        "page_obj": paginate(request, articles, count_key=f"{relation}:{tag.pk}"),
    })


@require_safe
@cached_page
def organisation_detail(request, slug):
    return _tag_page(request, Organisation, slug, "organisations", "articles/organisation_detail.html")


@require_safe
@cached_page
def person_detail(request, slug):
    return _tag_page(request, Person, slug, "people", "articles/person_detail.html")


@require_safe
@cached_page
def topic_detail(request, slug):
    return _tag_page(request, Topic, slug, "topics", "articles/topic_detail.html")


@require_safe
@cached_page
def search(request):
    results = search_articles(request.GET.get("q", ""))
    return render(request, "articles/search.html", {
        "results": results,
        "query": results.query,
        "page_obj": paginate(request, results.articles) if results else None,
    })


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /i18n/",
        "Disallow: /language/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
