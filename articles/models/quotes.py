from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Quote(models.Model):
    """Who said what in an article, with the title they held when they said it."""

    class Kind(models.TextChoices):
        DIRECT = "direct", _("direct")
        INDIRECT = "indirect", _("indirect")
        MOTTO = "motto", _("motto")

    article = models.ForeignKey("articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(_("text"))
    speaker = models.ForeignKey(
        "articles.Person",
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text=_("Empty for mottos and slogans."),
    )
    speaker_title = models.CharField(
        _("speaker's title"), max_length=300, blank=True, help_text=_("As written at the time.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order in the article."))

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["article", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["direct", "indirect", "motto"]), name="quote_kind_valid"),
            models.CheckConstraint(condition=~Q(kind="motto") | Q(speaker__isnull=True), name="quote_motto_has_no_speaker"),
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
        ]

    def __str__(self):
        short = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"“{short}” — {self.speaker}" if self.speaker_id else f"“{short}”"
