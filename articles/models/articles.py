from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.querysets import PUBLIC_STATUSES, ArticleQuerySet
from articles.text.body import parse_body, plain_text
from articles.text.normalise import clean, search_key
from articles.text.slugs import numbered, slugify_vi


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("in review")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("The article's address, made from the title when left empty."),
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("The sapo: one paragraph that opens the article."))
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("One block per line: “## ” starts a heading, “! ” a photo caption, anything else is a paragraph."),
    )
    lead_image = models.ImageField(
        _("lead image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_caption = models.CharField(_("lead image caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(_("lead image credit"), max_length=200, blank=True)
    lead_image_renditions = models.JSONField(
        _("lead image renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The resized copies the site shows, made once on upload."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Readers see the article from this time on, once it is published."),
    )
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    provinces = models.ManyToManyField(
        "articles.Province", verbose_name=_("provinces"), blank=True, related_name="articles"
    )
    organisations = models.ManyToManyField(
        "articles.Organisation", verbose_name=_("organisations"), blank=True, related_name="articles"
    )
    people = models.ManyToManyField("articles.Person", verbose_name=_("people"), blank=True, related_name="articles")
    topics = models.ManyToManyField("articles.Topic", verbose_name=_("topics"), blank=True, related_name="articles")
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text=_("Title, lead and body without diacritics, lower case: what search matches on SQLite."),
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text=_("Raised on every save, so two editors cannot overwrite each other.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "scheduled", "published", "archived"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=PUBLIC_STATUSES) | Q(published_at__isnull=False),
                name="article_public_has_time",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            models.Index(fields=["-published_at", "-id"], name="article_newest"),
            models.Index(fields=["-updated_at"], name="article_updated"),
            # Public lists in their order, holding only the sort key: counts and the
            # boundary of a deep page (articles.pagination) read it without the table.
            models.Index(fields=["-published_at", "-id"], condition=Q(status__in=PUBLIC_STATUSES),
                         name="article_public_newest"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean(self.title)
        if not self.slug:
            self.slug = self.unique_slug(self.title)
        self.search_text = search_key(" ".join([self.title, self.lead, plain_text(self.body)]))
        if self.pk is not None:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "search_text", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:article_detail", kwargs={"slug": self.slug})

    def unique_slug(self, title: str) -> str:
        """A slug from the title, numbered -2, -3 … when another article has it."""
        base = slugify_vi(title) or "bai-viet"
        others = Article.objects.exclude(pk=self.pk) if self.pk else Article.objects.all()
        return numbered(base, lambda slug: others.filter(slug=slug).exists())

    def is_published(self, now=None) -> bool:
        """True when readers can see this article: the row-level twin of published()."""
        now = now or timezone.now()
        return self.status in PUBLIC_STATUSES and self.published_at is not None and self.published_at <= now

    @cached_property
    def blocks(self):
        return parse_body(self.body)


class ArticleSlugRedirect(models.Model):
    """An address an article had before its slug changed; it answers with a permanent redirect."""

    old_slug = models.SlugField(_("old slug"), max_length=255, unique=True)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


class Correction(models.Model):
    """A dated note an editor adds to a published article; readers see it under the article."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(_("correction"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y}: {self.text[:60]}"


class SourceText(models.Model):
    """Where an imported article came from, kept as it arrived so an editor can always check it."""

    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="source_text"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content_hash = models.CharField(
        _("content hash"), max_length=64, unique=True, help_text=_("SHA-256 of the normalised text: one import per text.")
    )
    original_text = models.TextField(_("original text"))
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_version = models.PositiveIntegerField(
        _("version at import"), help_text=_("The article's version after the import; a higher one means an editor changed it.")
    )
    report = models.JSONField(_("parser report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("source text")
        verbose_name_plural = _("source texts")
        ordering = ["-imported_at"]

    def __str__(self):
        return self.file_name

    @property
    def edited_since_import(self) -> bool:
        return self.article.version > self.imported_version
