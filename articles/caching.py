"""Whole-page caching for readers, invalidated when anything they can see changes.

Every cached page's key holds a version number. Saving or deleting an
article, its quotes, corrections, old addresses or tags, or changing an
article's tags, raises the version: the next request renders afresh and the
old entries expire unread. Raising one number is cheaper and safer than
working out which pages show an article (front page, lists, provinces of
its predecessors, feeds, sitemap …).

Signals do not fire for QuerySet.update(), bulk_create() or
articles.bulk_insert (the benchmark generator, batch imports, data
migrations): pages built before such a change live out
their timeout, PAGE_TIMEOUT seconds at most.

A scheduled article goes live at its time with no save, so no signal: each
entry's timeout is cut to end at the next scheduled publication time, and a
page cached at 07:59:30 is not served after an 08:00 article goes live.

Signed-in users (editors) are never served from or stored in the cache, so
nobody gets a page built for somebody else, and editors see their changes at
once.

PAGE_CACHE_SECONDS = 0 switches the page cache off: every request renders,
and nothing is read from or written to the cache for the page. Smaller data
kept under the same version (list counts, the province directory, rendered
fragments such as article cards; see versioned()) stays cached: they are
what makes an uncached page cheap.
"""

import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "articles:cache-version"
PAGE_TIMEOUT = max(0, getattr(settings, "PAGE_CACHE_SECONDS", 60))
#: How long data kept under a version (counts, directory) may live: a version
#: bump makes it unreachable at once, so this only bounds memory.
DATA_TIMEOUT = 3600



#: The version a public view reads under, set by cached_page for the length of one request: a page
#: reads its kept pieces (count, ids, cards, form …) under one version, read from the cache once.
_request_version: ContextVar[int | None] = ContextVar("articles_request_version", default=None)


def current_version() -> int:
    version = _request_version.get()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, not from 1: if the key was evicted, entries
        # stored under an old small number must not become valid again.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def bump_version(**kwargs) -> None:
    _request_version.set(None)  # anything read after this in the same request reads the new version
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _next_publication(version: int):
    """The next time a scheduled article goes live (None if none), looked up once per version."""
    from articles.models import Article
    from articles.querysets import PUBLIC_STATUSES

    key = f"articles:next-publication:{version}"
    now = timezone.now()
    cached = cache.get(key)
    if cached is not None and (cached == "none" or cached > now):
        return None if cached == "none" else cached
    upcoming = Article.objects.filter(status__in=PUBLIC_STATUSES, published_at__gt=now).aggregate(
        at=Min("published_at")
    )["at"]
    cache.set(key, upcoming or "none", DATA_TIMEOUT)
    return upcoming


def _timeout_before_next_publication(version: int, ceiling: int) -> int:
    if ceiling <= 0:
        return 0
    upcoming = _next_publication(version)
    if upcoming is None:
        return ceiling
    return max(0, min(ceiling, int((upcoming - timezone.now()).total_seconds())))


def page_timeout(version: int) -> int:
    return _timeout_before_next_publication(version, PAGE_TIMEOUT)


def versioned(name: str, compute):
    """compute(), kept under the current version until anything readers see changes.

    For figures derived from published articles that are costly at archive
    size (a list's length, the province directory's counts). Like a page,
    the value expires when the next scheduled article goes live, since that
    changes what is public without any save.
    """
    version = current_version()
    key = _data_key(version, name)
    value = cache.get(key)
    if value is None:
        value = compute()
        timeout = _timeout_before_next_publication(version, DATA_TIMEOUT)
        if timeout:
            cache.set(key, value, timeout)
    return value


def _data_key(version: int, name: str) -> str:
    digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    return f"articles:data:{version}:{digest}"


def page_key(request, version: int) -> str:
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"articles:page:{version}:{get_language()}:{path}"


def _is_personal(request) -> bool:
    user = getattr(request, "user", None)
    return request.method not in ("GET", "HEAD") or bool(user and user.is_authenticated)


def cached_page(view):
    """Serve a public view from the cache, with an ETag so browsers revalidate for a 304.

    Only 200 answers are stored; 404, 400 and redirects are computed each
    time, and so is a page that holds a CSRF token: a token belongs to one
    visitor (public pages hold none; the language form submits with GET).
    The ETag is a hash of the page, the same for every visitor until the
    content changes; ConditionalGetMiddleware answers If-None-Match with 304.
    """

    def wrapper(request, *args, **kwargs):
        token = _request_version.set(current_version())
        try:
            return serve(request, *args, **kwargs)
        finally:
            _request_version.reset(token)

    def serve(request, *args, **kwargs):
        if _is_personal(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        if not PAGE_TIMEOUT:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, no_cache=True)
            patch_vary_headers(response, ["Cookie", "Accept-Language"])
            return response
        version = current_version()
        key = page_key(request, version)
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.streaming or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                return response
            body = response.content.decode(response.charset)
            entry = {
                "body": body,
                "content_type": response["Content-Type"],
                "etag": f'"{hashlib.sha256(body.encode()).hexdigest()[:32]}"',
                "headers": {h: response[h] for h in ("Last-Modified", "X-Robots-Tag") if response.has_header(h)},
            }
            timeout = page_timeout(version)
            if timeout:
                cache.set(key, entry, timeout)
        response = HttpResponse(entry["body"], content_type=entry["content_type"])
        response["ETag"] = entry["etag"]
        for header, value in entry["headers"].items():
            response[header] = value
        # Browsers keep the page but ask each time; an unchanged page costs a 304.
        patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response

    wrapper.__name__ = getattr(view, "__name__", type(view).__name__)
    wrapper.__doc__ = getattr(view, "__doc__", None)
    wrapper.__wrapped__ = view
    return wrapper


def connect_signals():
    """Raise the page version whenever something readers see is saved, deleted or retagged."""
    from articles.models import (
        Article,
        ArticleSlugRedirect,
        Correction,
        Organisation,
        Person,
        Province,
        Quote,
        Topic,
    )

    for model in (Article, ArticleSlugRedirect, Correction, Quote, Organisation, Person, Topic, Province):
        post_save.connect(bump_version, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
    for field in ("provinces", "organisations", "people", "topics"):
        through = getattr(Article, field).through
        m2m_changed.connect(bump_version, sender=through, dispatch_uid=f"page-cache-m2m-{field}")
