"""Project-level views that belong to no app."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
def healthz(request):
    """Answers "ok" without touching the database: load balancers poll it, and the load
    benchmark uses it as the floor of what this stack can serve."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@never_cache
def choose_language(request):
    """Remember the reader's interface language in a cookie, then go back to the page.

    The language form in every page's header submits here with GET, unlike
    Django's set_language, which wants a POST with a CSRF token. A token in the
    page would make every public page personal: a fresh token and a Set-Cookie
    for each reader, on pages served from the cache and cacheable by a proxy.
    A language preference is nothing worth forging, so readers get no cookie
    at all until they choose a language.
    """
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest("Unknown language.", content_type="text/plain; charset=utf-8")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language,
        max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
