"""Filters for the public article list (/articles/?province=an-giang&date_after=2022-01-01).

Every parameter is a slug or an ISO date; an unknown slug or a malformed date
makes the FilterSet invalid and the view answers 400 with the form and its
error, never a 500.
"""

import django_filters
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.caching import versioned
from articles.models import Article, Organisation, Person, Province, Topic


class DateRangeInputs(django_filters.widgets.DateRangeWidget):
    """Two <input type="date"> (date_after, date_before) that show and take ISO dates."""

    def __init__(self, attrs=None):
        iso = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}
        django_filters.widgets.SuffixedMultiWidget.__init__(self, (forms.DateInput(**iso), forms.DateInput(**iso)), attrs)


class VersionedSelect(forms.Select):
    """A <select> rendered once per content version, language and selected value.

    The province filter's 87 options, each rendered through Django's widget
    templates, cost more than anything else on an uncached /articles/ page,
    and they only change when a province does (which raises the version).
    A cached render also skips reading the options from the database. A value
    that is not an option (the field has an error) is rendered, not cached:
    typed addresses must not fill the cache.
    """

    def render(self, name, value, attrs=None, renderer=None):
        render = super().render
        if attrs and attrs.get("aria-invalid"):
            return render(name, value, attrs, renderer)
        key = f"select:{get_language()}:{name}:{value!r}:{sorted((attrs or {}).items())!r}"
        return versioned(key, lambda: render(name, value, attrs, renderer))


class ArticleFilter(django_filters.FilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=Province.objects.order_by("valid_to", "name"),
        to_field_name="slug",
        method="filter_province",
        empty_label=_("All provinces"),
        widget=VersionedSelect,
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="organisations",
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        distinct=True,
        widget=forms.HiddenInput,
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Person"),
        field_name="people",
        queryset=Person.objects.all(),
        to_field_name="slug",
        distinct=True,
        widget=forms.HiddenInput,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        distinct=True,
        widget=forms.HiddenInput,
    )
    date = django_filters.DateFromToRangeFilter(
        label=_("Published between"),
        field_name="published_at",
        widget=DateRangeInputs,
    )

    class Meta:
        model = Article
        fields = ["province", "organisation", "person", "topic", "date"]

    #: The parameters that choose a filter (the date range takes two); others (page, utm_source) do not.
    FILTER_PARAMETERS = ("province", "organisation", "person", "topic", "date_after", "date_before")

    @classmethod
    def chooses(cls, data) -> bool:
        """Whether these parameters choose a filter (page=2 or utm_source do not)."""
        return bool(data) and any(data.get(name) for name in cls.FILTER_PARAMETERS)

    @property
    def narrows(self) -> bool:
        """Whether the address chooses a filter. If not, the list is the whole archive and there is
        nothing to validate: building and checking the form is skipped."""
        return self.is_bound and self.chooses(self.data)

    def filter_province(self, queryset, name, value):
        # A province includes the units merged into it: today's An Giang
        # lists what was written about Kiên Giang in 2022.
        return queryset.for_province(value)

    @property
    def chosen(self):
        """The tags the list is narrowed to, for the heading: [(label, object)]."""
        if not self.narrows or not self.is_valid():
            return []
        data = self.form.cleaned_data
        return [(self.filters[name].label, data[name]) for name in ("province", "organisation", "person", "topic")
                if data.get(name)]


class Unfiltered:
    """Stands for the ArticleFilter of an address that chooses no filter (/articles/, ?page=n).

    Building a FilterSet deep-copies its five filters with their fields and
    widgets (about half a millisecond, a tenth of an uncached list page), and
    such a list needs none of it: the whole archive, the empty form kept
    rendered (article_list.html). The FilterSet is built only if something
    else is asked of it (the kept form is being rendered again).
    """

    narrows = False
    chosen = []

    def __init__(self, data, *, queryset):
        """queryset: the list's queryset, or a function building it (built only if the FilterSet is)."""
        self.data, self._queryset = data or {}, queryset
        self._filterset = None

    @property
    def queryset(self):
        if callable(self._queryset):
            self._queryset = self._queryset()
        return self._queryset

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._filterset is None:
            self._filterset = ArticleFilter(self.data or None, queryset=self.queryset)
        return getattr(self._filterset, name)
