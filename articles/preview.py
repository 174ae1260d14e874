"""The article as readers will see it, before it is published.

Two doors: staff open /admin/articles/article/<id>/preview/ (logged in, may
see that article); a reviewer without an account gets a shareable link with
a signed, expiring token (django.core.signing: the article id, tamper-proof,
valid PREVIEW_MAX_AGE). Both render the readers' article template with
preview=True and are never cached.
"""

import datetime

from django.core import signing
from django.http import Http404, HttpResponse
from django.template.loader import select_template
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from articles import article_page
from articles.models import Article

PREVIEW_SALT = "articles.preview"
PREVIEW_MAX_AGE = datetime.timedelta(days=7)
TEMPLATES = ["articles/article_detail.html", "admin/articles/preview_fallback.html"]


def make_token(article: Article) -> str:
    return signing.dumps({"article": article.pk}, salt=PREVIEW_SALT, compress=True)


def share_url(article: Article) -> str:
    return reverse("preview:shared", kwargs={"token": make_token(article)})


def article_for_token(token: str) -> Article:
    """The article a token names; Http404 for a forged one, PreviewExpired for an old one."""
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewExpired from None
    except signing.BadSignature:
        raise Http404(_("This preview link is not valid.")) from None
    try:
        return Article.objects.get(pk=data["article"])
    except (Article.DoesNotExist, KeyError, TypeError):
        raise Http404(_("This article no longer exists.")) from None


class PreviewExpired(Exception):
    pass


def render_preview(request, article: Article) -> HttpResponse:
    context = {"article": article, "preview": True, **article_page.attachments(article)}
    template = select_template(TEMPLATES)
    response = HttpResponse(template.render(context, request))
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def shared_preview(request, token):
    try:
        article = article_for_token(token)
    except PreviewExpired:
        response = HttpResponse(
            _("This preview link has expired. Ask the editor for a new one."),
            status=410,
            content_type="text/plain; charset=utf-8",
        )
        add_never_cache_headers(response)
        return response
    return render_preview(request, article)
