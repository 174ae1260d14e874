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
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from articles.caching import versioned

PAGE_SIZE = 20
NEWEST_FIRST = ("-published_at", "-id")


class ArchivePaginator(Paginator):
    """A Paginator whose count is cached per content version and whose deep pages seek.

    count_key names the list (e.g. "province:an-giang"); without it the count
    is computed every time, as Django does.
    """

    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        compute = Paginator.count.func
        if self.count_key is None:
            return compute(self)
        return versioned(f"count:{self.count_key}", lambda: compute(self))

    def seekable(self) -> bool:
        query = getattr(self.object_list, "query", None)
        return query is not None and tuple(query.order_by) == NEWEST_FIRST and not query.extra_order_by

    def page(self, number):
        number = self.validate_number(number)
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


def paginate(request, queryset, *, count_key=None, per_page=PAGE_SIZE):
    """The requested page of a list; a page number that is not a page is a 404, never a 500."""
    paginator = ArchivePaginator(queryset, per_page, count_key=count_key)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page.")) from error
