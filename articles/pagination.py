"""Pages of public lists that cost the same on page 1 and page 2,000.

Two costs grow with the archive when Django's Paginator is used as is:

- Every page asks COUNT(*) of the whole list (for "Page 3 of 5,000" and to
  tell a page that exists from one that does not). The count only changes
  when something readers see changes, so it is kept under the page cache's
  version (articles.caching.versioned) and computed once per version.
- Page n is SELECT … OFFSET (n-1)·size: the database builds and throws away
  every row before the page. For lists in the public order (newest first,
  then id) the paginator seeks instead: it looks up the (published_at, id)
  of the page's first row, reading only those two columns
  (article_public_newest, an index holding exactly them, makes that an
  index-only scan), then fetches the page's rows with
  WHERE (published_at, id) <= that boundary. Same rows, same order as
  OFFSET; tests/test_pagination.py checks it page by page. Finding the
  boundary still walks the index up to it, so a counted list keeps each
  page's boundary under the version too.
- Even a seeking page's query walks the index, testing each row against the
  list's filter (a province's page: about 200 rows and 1.5 ms of the
  database's CPU for page 1). A counted list keeps which ids each page
  holds, like its count; later requests ask the database only which of
  them are still public (KeptPage), so what it no longer finds public is
  left out.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from articles.caching import versioned
from articles.querysets import public_among

PAGE_SIZE = 20
NEWEST_FIRST = ("-published_at", "-id")


class ArchivePaginator(Paginator):
    """A Paginator whose count is cached per content version and whose deep pages seek.

    count_key names the list (e.g. "province:an-giang"); without it the count
    is computed every time, as Django does. object_list may be a function
    returning a queryset in the public order, called only when a piece kept
    per version is missing: a province's list (an EXISTS over its units) is
    about a fifth of its page's CPU to build, and a later request uses only
    the page's kept ids.
    """

    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @property
    def object_list(self):
        if self._build is not None:
            self._object_list, self._build = self._build(), None
        return self._object_list

    @object_list.setter
    def object_list(self, value):
        self._build, self._object_list = (value, None) if callable(value) else (None, value)

    def _check_object_list_is_ordered(self):
        if self._build is None:  # a function promises the public order
            super()._check_object_list_is_ordered()

    @cached_property
    def count(self):
        compute = Paginator.count.func
        if self.count_key is None:
            return compute(self)
        return versioned(f"count:{self.count_key}", lambda: compute(self))

    def seekable(self) -> bool:
        if self._build is not None:
            return True
        query = getattr(self.object_list, "query", None)
        return query is not None and tuple(query.order_by) == NEWEST_FIRST and not query.extra_order_by

    def page(self, number):
        number = self.validate_number(number)
        if self.count_key is None or not self.seekable():
            return self._read_page(number)
        rows = KeptPage(f"page:{self.count_key}:{self.per_page}:{number}", lambda: self._read_page(number).object_list,
                        lambda: self.object_list)
        return self._get_page(rows, number, self)

    def _read_page(self, number):
        bottom = (number - 1) * self.per_page
        if bottom == 0 or not self.seekable():
            return super().page(number)
        # The boundary: the page's first row, read from the index alone (12 ms for page 2,000).
        def read_boundary():
            return list(self.object_list.prefetch_related(None).values_list("published_at", "pk")[bottom:bottom + 1])

        boundary = read_boundary() if self.count_key is None else versioned(
            f"boundary:{self.count_key}:{self.per_page}:{number}", read_boundary)
        if not boundary:  # the list shrank since it was counted
            return super().page(number)
        at, pk = boundary[0]
        # published_at <= at alone lets the database walk the index from the boundary.
        rows = self.object_list.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lte=pk), published_at__lte=at)
        return self._get_page(rows[:self.per_page], number, self)


class PageOfIds:
    """A page whose articles' ids are known before any query, their rows read only when asked.

    Its cards may all be kept (articles.cards), and then the database is
    asked only which of the ids are still public (public_ids()); otherwise
    read() fetches the rows by id from `rows`, leaving out any no longer
    found there, in the ids' order. A search page is one as it is
    (articles.search); a counted list's page keeps its ids (KeptPage).
    """

    def __init__(self, ids: list[int], rows):
        self.ids, self._articles = ids, None
        self._rows = rows if callable(rows) else (lambda: rows)

    def read(self) -> list:
        if self._articles is None:
            found = self._rows().in_bulk(self.ids)
            self._articles = [found[pk] for pk in self.ids if pk in found]
        return self._articles

    def public_ids(self) -> list[int]:
        if self._articles is not None:
            return [article.pk for article in self._articles]
        public = public_among(self.ids)
        return [pk for pk in self.ids if pk in public]

    def __len__(self):
        return len(self.read())

    def __iter__(self):
        return iter(self.read())

    def __getitem__(self, index):
        return self.read()[index]


class KeptPage(PageOfIds):
    """A page of a counted list whose ids are kept per content version.

    The first request of a version reads the page (read_page()) and keeps its
    ids; later ones read the rows by id from queryset(), or only which of
    the ids are still public. Whether each is in the list is kept with the
    ids (a retagging raises the version); whether it is public is not.
    """

    def __init__(self, key, read_page, queryset):
        # Not PageOfIds.__init__: it would set ids, which are made on first use here.
        self.key, self._read_page, self._rows, self._articles = key, read_page, queryset, None

    @cached_property
    def ids(self) -> list[int]:
        def first_read():
            self._articles = list(self._read_page())
            return [article.pk for article in self._articles]

        return versioned(self.key, first_read)


def paginate(request, queryset, *, count_key=None, per_page=PAGE_SIZE):
    """The requested page of a list (a queryset, or a function building one: ArchivePaginator); a page number
    that is not a page is a 404, never a 500."""
    paginator = ArchivePaginator(queryset, per_page, count_key=count_key)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page.")) from error
