"""Provinces, organisations, people and topics: searchable without diacritics, mergeable."""

from django.contrib import admin, messages
from django.db.models import Count, F
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.admin import VersionAdmin

from articles import merging
from articles.models import District, Organisation, Person, Province, Topic
from articles.text.normalise import search_key


def matching_ids(queryset, term: str, fields: list[str]) -> list[int]:
    """Ids of rows whose fields or aliases contain every word of `term`, diacritics ignored.

    The reference tables have no search column, and SQLite cannot strip
    Vietnamese marks; their names (a few thousand rows at most) are read and
    compared in Python, which takes milliseconds.
    """
    words = search_key(term).split()
    if not words:
        return []
    has_aliases = any(f.name == "aliases" for f in queryset.model._meta.get_fields())
    columns = [*fields, "aliases"] if has_aliases else fields
    ids = []
    for pk, *values in queryset.values_list("pk", *columns):
        names = [v for v in values[: len(fields)] if v]
        if has_aliases:
            names += values[-1] or []
        text = search_key(" | ".join(names))
        if all(word in text for word in words):
            ids.append(pk)
    return ids


class KeySearchAdmin(VersionAdmin):
    """Search (and autocomplete) that finds “Kiên Giang” for “kien giang”."""

    key_search_fields = ["name"]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(pk__in=matching_ids(queryset, search_term, self.key_search_fields)), False


class MergeAdminMixin:
    """An action “Merge selected”: a confirmation page where the editor picks the record to keep."""

    actions = ["merge_selected"]

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description=gettext_lazy("Merge selected records (they are the same)"), permissions=["merge"])
    def merge_selected(self, request, queryset):
        records = list(queryset.annotate(article_count=Count("articles", distinct=True)))
        if len(records) < 2:
            self.message_user(request, _("Select at least two records to merge."), messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        if request.POST.get("post") == "yes" and keep_id:
            keep = next((r for r in records if str(r.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, _("Choose one of the selected records to keep."), messages.ERROR)
                return None
            duplicates = [r for r in records if r.pk != keep.pk]
            names = ", ".join(str(d) for d in duplicates)
            moved = merging.merge(keep=keep, duplicates=duplicates)
            self.log_change(request, keep, _("Merged into this record: %(names)s.") % {"names": names})
            self.message_user(request, _(
                "Merged %(count)d records into “%(name)s”: %(articles)d articles and %(quotes)d quotes moved."
            ) % {"count": len(duplicates), "name": keep, "articles": moved["articles"], "quotes": moved["quotes"]},
                messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge %(name)s") % {"name": self.model._meta.verbose_name_plural},
            "opts": self.model._meta,
            "records": records,
            "action": "merge_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/merge_confirm.html", context)


@admin.register(Province)
class ProvinceAdmin(KeySearchAdmin):
    list_display = ["__str__", "code", "kind", "region", "valid_from", "valid_to", "successor"]
    list_filter = ["region", "kind", ("valid_to", admin.EmptyFieldListFilter)]
    list_select_related = ["successor"]
    search_fields = ["name"]
    key_search_fields = ["name", "full_name", "slug"]
    autocomplete_fields = ["successor"]
    ordering = [F("valid_to").asc(nulls_first=True), "name"]  # today's 34 first, then the former units


@admin.register(District)
class DistrictAdmin(KeySearchAdmin):
    list_display = ["name", "kind", "province"]
    list_select_related = ["province"]
    search_fields = ["name"]
    autocomplete_fields = ["province"]


@admin.register(Organisation)
class OrganisationAdmin(MergeAdminMixin, KeySearchAdmin):
    list_display = ["name", "short_name", "kind", "province"]
    list_select_related = ["province"]
    list_filter = ["kind"]
    search_fields = ["name"]
    key_search_fields = ["name", "short_name"]
    autocomplete_fields = ["province", "parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(MergeAdminMixin, KeySearchAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(KeySearchAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
