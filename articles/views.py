"""Public pages. Each view reads the request, asks a queryset, renders."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from articles.models import Article


def front_page(request):
    titles = Article.objects.published().newest_first().values_list("title", flat=True)[:20]
    return HttpResponse("\n".join(titles), content_type="text/plain; charset=utf-8")


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return HttpResponse(article.title, content_type="text/plain; charset=utf-8")


def _not_yet(request, slug=None):
    raise Http404


article_list = province_list = province_detail = organisation_detail = person_detail = topic_detail = _not_yet
