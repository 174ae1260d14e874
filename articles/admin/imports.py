"""Uploading source texts in the admin, and the provenance of imported articles.

An editor uploads one or more .txt files, sees what the parser found in
each (nothing is saved yet), and saves them as drafts. Both steps go through
articles.importing, the module the import_articles command uses; between
them the uploaded bytes wait in the editor's session, so what is saved is
exactly what was previewed.
"""

import base64
import json
import secrets

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.importing import MAX_SOURCE_BYTES, Importer, Outcome, decode_source
from articles.models import SourceText
from articles.text.records import SourceError

#: More files than this in one upload is a job for the import_articles command.
MAX_FILES = 50
SESSION_PREFIX = "articles:import:"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        if not any(files):
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class SourceUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Source texts"),
        help_text=_("Plain-text files (.txt, UTF-8) as scraped, one article each; at most %(count)s files "
                    "of %(size)s MB.") % {"count": MAX_FILES, "size": MAX_SOURCE_BYTES // 1_048_576},
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
        allow_empty_file=True,  # the importer says which file is empty, Django's message does not
    )

    def clean_files(self):
        """(file name, bytes) for each file; every file that is not a readable text is an error."""
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(_("At most %(count)s files at once; use the import_articles command for more."),
                                  params={"count": MAX_FILES})
        sources, errors = [], []
        for upload in files:
            if not upload.name.lower().endswith(".txt"):
                errors.append(_("%(name)s: not a .txt file.") % {"name": upload.name})
            elif upload.size > MAX_SOURCE_BYTES:
                errors.append(_("%(name)s: %(size).1f MB is too large for one article (at most %(max)s MB).")
                              % {"name": upload.name, "size": upload.size / 1_048_576,
                                 "max": MAX_SOURCE_BYTES // 1_048_576})
            else:
                data = upload.read()
                try:
                    decode_source(data, file_name=upload.name)
                except SourceError as error:
                    errors.append(str(error))
                else:
                    sources.append((upload.name, data))
        if errors:
            raise ValidationError(errors)
        return sources


@admin.register(SourceText)
class SourceTextAdmin(admin.ModelAdmin):
    """Read-only provenance; "add" is the upload page."""

    list_display = ["file_name", "article_link", "imported_at", "edited"]
    list_select_related = ["article"]
    search_fields = ["file_name", "article__title", "content_hash"]
    date_hierarchy = "imported_at"
    fields = ["article_link", "file_name", "content_hash", "imported_at", "imported_version", "edited",
              "report_display", "original_text_display"]
    readonly_fields = fields
    change_list_template = "admin/articles/import/sourcetext_change_list.html"

    @admin.display(description=_("article"))
    def article_link(self, obj):
        url = reverse("admin:articles_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.title)

    @admin.display(description=_("edited since import"), boolean=True)
    def edited(self, obj):
        return obj.edited_since_import

    @admin.display(description=_("parser report"))
    def report_display(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.report, ensure_ascii=False, indent=1))

    @admin.display(description=_("original text"))
    def original_text_display(self, obj):
        return format_html('<pre style="white-space: pre-wrap">{}</pre>', obj.original_text)

    def has_add_permission(self, request):
        return request.user.has_perm("articles.add_article")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_sourcetext") or request.user.has_perm(
            "articles.view_article") or request.user.has_perm("articles.change_article")

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:articles_sourcetext_import")

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="articles_sourcetext_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload -> preview (a dry run) -> save as drafts."""
        if not request.user.has_perm("articles.add_article"):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Import source texts"), "max_files": MAX_FILES}
        if request.method == "POST" and "token" in request.POST:
            return self._save(request, context)
        form = SourceUploadForm(request.POST, request.FILES) if request.method == "POST" else SourceUploadForm()
        if form.is_bound and form.is_valid():
            sources = form.cleaned_data["files"]
            importer = Importer(dry_run=True, user=request.user)
            results = [importer.import_source(data, file_name=name) for name, data in sources]
            savable = [(name, data) for (name, data), r in zip(sources, results, strict=True)
                       if r.outcome == Outcome.CREATED]
            token = secrets.token_urlsafe(16)
            request.session[SESSION_PREFIX + token] = [(name, base64.b64encode(data).decode("ascii"))
                                                       for name, data in savable]
            return TemplateResponse(request, "admin/articles/import/preview.html",
                                    {**context, "results": results, "token": token, "savable": len(savable)})
        return TemplateResponse(request, "admin/articles/import/upload.html", {**context, "form": form})

    def _save(self, request, context):
        stored = request.session.pop(SESSION_PREFIX + request.POST["token"], None)
        if stored is None:
            return TemplateResponse(request, "admin/articles/import/upload.html", {
                **context, "form": SourceUploadForm(),
                "problem": _("This preview has expired or was already saved; upload the files again."),
            })
        importer = Importer(user=request.user)
        results = [importer.import_source(base64.b64decode(data), file_name=name) for name, data in stored]
        return TemplateResponse(request, "admin/articles/import/preview.html",
                                {**context, "results": results, "saved": True,
                                 "title": _("Imported source texts")})
