"""Articles on the editors' desk: the list, the form, the workflow buttons, previews, history."""

import difflib

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext, ngettext_lazy
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles import images, preview, publishing, roles, tagging
from articles.admin.reference import matching_ids
from articles.admin_forms import ArticleAdminForm
from articles.models import Article, Correction, Organisation, Person, Province, Quote
from articles.search import search_document, terms_of
from articles.text.normalise import search_key

if not reversion.is_registered(Quote):
    reversion.register(Quote)
if not reversion.is_registered(Correction):
    reversion.register(Correction)
if not reversion.is_registered(Article):
    # Quotes are part of the text a revision restores; corrections are not:
    # restoring older wording must never take back a note readers have seen.
    reversion.register(Article, follow=["quotes"])

TRANSITION_LABELS = {
    "submit": gettext_lazy("Save and submit for review"),
    "return_to_draft": gettext_lazy("Save and return to the author"),
    "publish": gettext_lazy("Save and publish now"),
    "schedule": gettext_lazy("Save and schedule"),
    "archive": gettext_lazy("Archive"),
}


class OrganisationFilter(admin.SimpleListFilter):
    """A text box rather than a list: there are far too many organisations to list."""

    title = gettext_lazy("organisation")
    parameter_name = "organisation"
    template = "admin/articles/input_filter.html"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        ids = matching_ids(Organisation.objects.all(), self.value(), ["name", "short_name"])
        return queryset.filter(organisations__in=ids).distinct()

    def choices(self, changelist):
        yield {
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "others": [(k, v) for k, v in changelist.params.items() if k != self.parameter_name],
            "clear": changelist.get_query_string(remove=[self.parameter_name]),
        }


class UsedOnlyFieldListFilter(admin.RelatedFieldListFilter):
    """The choices of RelatedOnlyFieldListFilter (only what the listed articles use), asked as one EXISTS per choice.

    Django's filter collects the distinct values over every row of the list: for the provinces of
    100,000 articles a pass over 300,000 tag links, 120 ms of each changelist request. A province
    is used as soon as one link to a listed article names it, which the link table's index tells at
    once for each of the 87.
    """

    def field_choices(self, field, request, model_admin):
        listed = model_admin.get_queryset(request)
        # An editor's list holds every article, so any link counts: no join to the articles,
        # which would make the database read every link (a reporter's list is their own articles).
        restricted = {"pk__in": listed.order_by().values("pk")} if listed.query.where else {}
        if field.many_to_many:
            through = field.remote_field.through
            own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
            restricted = {f"{own}__{key}": value for key, value in restricted.items()}
            used = through.objects.filter(**{other: OuterRef("pk")}, **restricted)
        else:
            used = field.model.objects.filter(**{field.name: OuterRef("pk")}, **restricted)
        return [(obj.pk, str(obj)) for obj in field.related_model._default_manager.filter(Exists(used))]


class SearchPaginator(Paginator):
    """A desk search's pages, its matches counted up to `cap` and no further.

    A common word is in nearly every article: counting 93,000 matches reads every article's
    search document (0.6–0.8 s at 100,000 articles) to print a number nobody pages through.
    Counting stops after the cap; the list then says "more than 1,000" and asks for more words.
    """

    cap = 1000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["position", "text", "speaker", "speaker_title", "kind"]
    ordering = ["position", "id"]


class CorrectionInline(admin.StackedInline):
    """Dated notes readers see under a published article."""

    model = Correction
    extra = 0
    fields = ["created_at", "text", "created_by"]
    readonly_fields = ["created_by"]
    verbose_name_plural = gettext_lazy("corrections (shown to readers under the article)")


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    list_display = ["title", "status", "published_at", "provinces_list", "created_by"]
    list_display_links = ["title"]
    list_select_related = ["created_by"]
    list_filter = [
        "status",
        ("provinces", UsedOnlyFieldListFilter),
        OrganisationFilter,
        ("published_at", admin.DateFieldListFilter),
        ("created_by", UsedOnlyFieldListFilter),
    ]
    list_per_page = 50
    search_fields = ["title"]  # the box; get_search_results searches without diacritics
    search_help_text = gettext_lazy("Words of the title, lead or body, with or without diacritics.")
    date_hierarchy = None
    autocomplete_fields = ["provinces", "organisations", "people", "topics"]
    readonly_fields = ["status", "created_by", "updated_by", "updated_at"]
    actions = ["submit_selected", "publish_selected", "archive_selected", "return_selected"]
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"
    history_latest_first = True
    save_on_top = True

    class Media:
        js = ["admin/js/jquery.init.js", "admin_desk/js/article_form.js"]
        css = {"all": ["admin_desk/css/desk.css"]}

    # --- Form -------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        workflow = ["status", "published_at"] if roles.can_publish(request.user) else ["status"]
        return [
            (None, {"fields": ["title", "slug", "lead", "body", "loaded_version"]}),
            (_("Lead image"), {"fields": ["lead_image", "lead_image_caption", "lead_image_credit"]}),
            (_("Tags"), {"fields": ["provinces", "organisations", "people", "topics"]}),
            (_("Source"), {"fields": ["byline", "source_name", "source_url"]}),
            (_("Workflow"), {"fields": [*workflow, "created_by", "updated_by", "updated_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if not roles.can_publish(request.user):
            fields.append("published_at")  # reporters' articles get their time when an editor publishes
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        live = getattr(request, "_desk_live_version", None)
        if live is not None:
            form = type(form.__name__, (form,), {"live_version": live})
        return form

    def get_inlines(self, request, obj):
        if obj is not None and obj.status in publishing.ADDRESSED_STATUSES:
            return [QuoteInline, CorrectionInline]
        return [QuoteInline]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published() else None

    # --- Who sees and changes what ---------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related(
            Prefetch("provinces", queryset=Province.objects.only("id", "name", "valid_to"))
        )
        if not roles.can_edit_any(request.user):
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or roles.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or roles.can_edit_any(request.user)

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    # --- Saving -------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        obj._desk_schedule_at = form.cleaned_data.get("schedule_at")
        super().save_model(request, obj, form, change)
        if "lead_image" in form.changed_data:
            images.refresh_renditions(obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Correction) and instance.created_by_id is None:
                instance.created_by = request.user
            instance.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        """A workflow button was pressed: the form is saved, now make the transition."""
        name = request.POST.get("_transition")
        if not name:
            return None
        change_url = reverse("admin:articles_article_change", args=[obj.pk])
        if name not in publishing.TRANSITIONS:
            messages.error(request, _("Unknown action."))
            return HttpResponseRedirect(change_url)
        kwargs = {"article": obj, "user": request.user}
        if name == "schedule":
            kwargs["when"] = getattr(obj, "_desk_schedule_at", None)
        try:
            publishing.TRANSITIONS[name](**kwargs)
        except (PermissionDenied, publishing.TransitionError) as error:
            messages.error(request, str(error) or _("You may not do that."))
            return HttpResponseRedirect(change_url)
        messages.success(request, _("“%(title)s” is now %(status)s.") % {
            "title": obj.title, "status": obj.get_status_display(),
        })
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    # --- Change form context ------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(created_by=request.user)
        editable = add or self.has_change_permission(request, obj)
        names = publishing.available(article, request.user) if editable else []
        context["transitions"] = [(name, TRANSITION_LABELS[name]) for name in names]
        context["suggest_url"] = reverse("admin:articles_article_suggest")
        if obj is not None and obj.pk:
            context["preview_url"] = reverse("admin:articles_article_preview", args=[obj.pk])
            context["share_url"] = request.build_absolute_uri(preview.share_url(obj))
            context["share_days"] = preview.PREVIEW_MAX_AGE.days
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- Changelist -----------------------------------------------------------

    @admin.display(description=gettext_lazy("provinces"))
    def provinces_list(self, obj):
        return ", ".join(str(p) for p in obj.provinces.all()) or "—"

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if request.GET.get(SEARCH_VAR, "").strip():
            return SearchPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def get_search_results(self, request, queryset, search_term):
        """Articles holding every word of the query, diacritics ignored; the last word may be a word's start.

        On PostgreSQL through the stored tsvector and its GIN index (articles.search): a scan of
        every article's text for each word took 5 s at 100,000 articles. SQLite, the development
        database, looks for each word in the text.
        """
        terms = terms_of(search_term)
        if not terms:
            return queryset, False
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery

            # Terms are [a-z0-9]+ (terms_of), so they are safe in tsquery syntax.
            words = SearchQuery(" & ".join([*terms[:-1], f"{terms[-1]}:*"]), config="simple", search_type="raw")
            return queryset.alias(document=search_document()).filter(document=words), False
        for word in terms:
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False

    # --- Bulk actions: the same functions as the buttons ---------------------------

    def _bulk(self, request, queryset, transition, done_message):
        done, refused = 0, []
        for article in queryset:
            try:
                transition(article=article, user=request.user)
                done += 1
            except (PermissionDenied, publishing.TransitionError) as error:
                refused.append(f"{article.title}: {error}")
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    @admin.action(description=gettext_lazy("Submit selected drafts for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, publishing.submit,
                   lambda n: ngettext("%d article submitted for review.", "%d articles submitted for review.", n) % n)

    @admin.action(description=gettext_lazy("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, publishing.publish,
                   lambda n: ngettext("%d article published.", "%d articles published.", n) % n)

    @admin.action(description=gettext_lazy("Archive selected articles"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, publishing.archive,
                   lambda n: ngettext("%d article archived.", "%d articles archived.", n) % n)

    @admin.action(description=gettext_lazy("Return selected articles to their authors"), permissions=["publish"])
    def return_selected(self, request, queryset):
        self._bulk(request, queryset, publishing.return_to_draft,
                   lambda n: ngettext("%d article returned to its author.", "%d articles returned to their authors.", n) % n)

    # --- Extra pages: preview, tag suggestions, compare ------------------------------

    def get_urls(self):
        extra = [
            path("suggest-tags/", self.admin_site.admin_view(require_POST(self.suggest_view)),
                 name="articles_article_suggest"),
            path("<path:object_id>/preview/", self.admin_site.admin_view(self.preview_view),
                 name="articles_article_preview"),
            path("<path:object_id>/history/<int:version_id>/compare/",
                 self.admin_site.admin_view(self.compare_view), name="articles_article_compare"),
        ]
        return extra + super().get_urls()

    def _visible_article(self, request, object_id) -> Article:
        article = self.get_queryset(request).filter(pk=unquote(object_id)).first()
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        return article

    def preview_view(self, request, object_id):
        return preview.render_preview(request, self._visible_article(request, object_id))

    def suggest_view(self, request):
        """The tagger's suggestions for the text in the form, as JSON. Nothing is saved."""
        if not self.has_add_permission(request) and not self.has_change_permission(request):
            raise PermissionDenied
        published_at = None
        if request.POST.get("article", "").isdigit():
            article = self.get_queryset(request).filter(pk=request.POST["article"]).first()
            published_at = article.published_at if article else None
        suggestions = tagging.suggest(
            title=request.POST.get("title", ""),
            lead=request.POST.get("lead", ""),
            body=request.POST.get("body", ""),
            published_at=published_at or timezone.now(),
        )
        return JsonResponse(suggestions_as_json(suggestions))

    def compare_view(self, request, object_id, version_id):
        """One saved version beside the article as it is now, field by field."""
        article = self._visible_article(request, object_id)
        version = get_object_or_404(
            Version.objects.get_for_object(article).select_related("revision__user"), pk=version_id
        )
        old = version.field_dict
        rows = []
        for field in Article._meta.get_fields():
            if not getattr(field, "editable", False) or not hasattr(field, "attname") or field.name == "id":
                continue
            then, now = old.get(field.attname), field.value_from_object(article)
            if field.many_to_many:
                then = ", ".join(str(o) for o in field.related_model.objects.filter(pk__in=then or []))
                now = ", ".join(str(o) for o in now)
            then, now = "" if then is None else str(then), "" if now is None else str(now)
            if then != now:
                diff = difflib.HtmlDiff(wrapcolumn=70).make_table(
                    then.splitlines() or [""], now.splitlines() or [""], _("That version"), _("Now")
                )
                rows.append({"label": field.verbose_name, "diff": diff})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "version": version,
            "rows": rows,
            "title": _("Compare versions of “%(title)s”") % {"title": article.title},
            "revision_url": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring rewrites the row to the old version first; the form must
        # compare against (and move past) the version that is live now.
        request._desk_live_version = (
            Article.objects.filter(pk=unquote(object_id)).values_list("version", flat=True).first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "compare_url_name": "admin:articles_article_compare"}
        return super().history_view(request, object_id, extra_context)


def suggestions_as_json(suggestions) -> dict:
    """Suggestions(provinces, organisations, people, quotes) → what the change form's panel shows."""
    return {
        "provinces": [_choice(Province, item) for item in suggestions.provinces],
        "organisations": [_choice(Organisation, item) for item in suggestions.organisations],
        "people": [_choice(Person, item) for item in suggestions.people],
        "quotes": [_quote(item) for item in suggestions.quotes],
    }


def _choice(model, item) -> dict:
    """A suggestion as {id, label}: a model instance, or a name (or slug) the tagger found.

    A name matches a record whose name or alias has the same search key
    (“Lê văn Nưng” finds “Lê Văn Nưng”); an unknown one comes back with id None.
    """
    if not isinstance(item, model):
        name = getattr(item, "key", None) or getattr(item, "name", None) or str(item)
        item = model.objects.filter(slug=name).first() or model.objects.filter(name=name).first()
        if item is None:
            key = search_key(name)
            ids = [pk for pk in matching_ids(model.objects.all(), name, ["name"])
                   if _same_name(model.objects.get(pk=pk), key)]
            item = model.objects.filter(pk__in=ids[:1]).first()
        if item is None:
            return {"id": None, "label": name}
    return {"id": item.pk, "label": str(item)}


def _same_name(record, key: str) -> bool:
    return any(search_key(n) == key for n in [record.name, *getattr(record, "aliases", [])])


def _quote(item) -> dict:
    speaker = getattr(item, "speaker", None)
    return {
        "text": item.text,
        "kind": getattr(item, "kind", "direct") or "direct",
        "speaker": _choice(Person, speaker) if speaker else None,
        "speaker_title": getattr(item, "speaker_title", "") or "",
        "position": getattr(item, "position", 0) or 0,
    }


# django-reversion ships no Vietnamese catalogue: the strings its pages show are translated in ours.
_REVERSION_STRINGS = (
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover deleted %(verbose_name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Comment"),
)
# Django's own Vietnamese catalogue lacks these (the admin asks for the plural form).
_ADMIN_STRINGS = (
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
)
