"""The article form of the editors' desk: slug, image and concurrent-save checks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles.concurrency import find_conflict
from articles.images import validate_image
from articles.models import Article, ArticleSlugRedirect
from articles.text.slugs import numbered

BODY_HELP = _(
    "One block per line. A line starting with “## ” is a heading, a line starting with “! ” is the caption "
    "of a photo, any other line is a paragraph. Blank lines are ignored."
)


class LeadImageFormField(forms.ImageField):
    """Checks the real format, bytes and pixels before Django's own image check, with clearer messages."""

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        upright = validate_image(data)
        return super().to_python(upright or data)


class ArticleAdminForm(forms.ModelForm):
    source_url = forms.URLField(
        label=capfirst(Article._meta.get_field("source_url").verbose_name), max_length=500, required=False,
        assume_scheme="https", widget=forms.URLInput(attrs={"class": "vURLField"}),
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    schedule_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"],
        help_text=_("For “Schedule”: the article becomes public by itself at this time."),
    )

    #: Set by the admin when an old revision is being restored: the article's
    #: version before the restore (the restore itself rewrites the row).
    live_version = None

    class Meta:
        model = Article
        # The admin's fieldsets choose what each user sees; these are all the editable fields.
        fields = [
            "title", "slug", "lead", "body", "lead_image", "lead_image_caption", "lead_image_credit",
            "status", "published_at", "source_name", "source_url", "byline",
            "provinces", "organisations", "people", "topics",
        ]
        field_classes = {"lead_image": LeadImageFormField}
        widgets = {
            "title": forms.TextInput(attrs={"class": "vTextField desk-title", "autocomplete": "off"}),
            "slug": forms.TextInput(attrs={"class": "vTextField desk-slug", "autocomplete": "off"}),
            "lead": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
            "body": forms.Textarea(attrs={"rows": 20, "class": "vLargeTextField desk-body"}),
        }
        help_texts = {"body": BODY_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if not self.is_bound and self.instance.pk:
            self.initial["loaded_version"] = self._live_version()

    def _live_version(self) -> int | None:
        if self.live_version is not None:
            return self.live_version
        return Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if not slug:
            return slug  # made from the title on save
        others = Article.objects.exclude(pk=self.instance.pk) if self.instance.pk else Article.objects.all()
        holder = others.filter(slug=slug).only("title").first()
        if holder is not None:
            free = numbered(slug, lambda s: others.filter(slug=s).exists())
            raise ValidationError(
                _("Another article already has the address “%(slug)s” (“%(title)s”). Choose another, for example “%(free)s”."),
                code="slug_taken",
                params={"slug": slug, "title": holder.title, "free": free},
            )
        redirect = ArticleSlugRedirect.objects.filter(old_slug=slug).select_related("article").first()
        if redirect is not None and redirect.article_id != self.instance.pk:
            raise ValidationError(
                _("The address “%(slug)s” used to belong to “%(title)s” and still leads there. Choose another."),
                code="slug_redirected",
                params={"slug": slug, "title": redirect.article.title},
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("loaded_version") is not None:
            self._check_version(cleaned)
        return cleaned

    def _check_version(self, cleaned):
        conflict = find_conflict(
            article_id=self.instance.pk,
            loaded_version=cleaned["loaded_version"],
            cleaned_data=cleaned,
            fields=self.fields,
            current_version=self.live_version,
        )
        overwrite = self.data.get("_overwrite_version")
        if conflict is not None and overwrite != str(conflict.current_version):
            self.conflict = conflict
            raise ValidationError(
                _("%(user)s saved this article at %(time)s, after you opened it. Your changes are not saved yet: "
                  "reload to see theirs, or tick “Save mine over theirs” and save again."),
                code="conflict",
                params={"user": conflict.updated_by, "time": _local(conflict.updated_at)},
            )
        if conflict is not None or self.live_version is not None:
            # Saving over a newer version (knowingly, or by restoring an old
            # revision) still moves the version number forward.
            current = conflict.current_version if conflict else self.live_version
            self.instance.version = max(self.instance.version, current)


def _local(moment) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}" if moment else "?"
