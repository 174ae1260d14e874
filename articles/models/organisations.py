from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import AliasesField


class OrganisationManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Organisation(models.Model):
    """A specific body: “Ủy ban nhân dân tỉnh Thanh Hóa”, not “chính quyền”."""

    class Kind(models.TextChoices):
        PARTY = "party", _("party committee")
        PEOPLES_COUNCIL = "council", _("people's council")
        PEOPLES_COMMITTEE = "committee", _("people's committee")
        FATHERLAND_FRONT = "front", _("Fatherland Front")
        MASS_ORGANISATION = "mass", _("mass organisation")
        GOVERNMENT_AGENCY = "agency", _("government agency")
        PRESS = "press", _("press")
        SCHOOL = "school", _("school")
        BUSINESS = "business", _("business")
        OTHER = "other", _("other")

    name = models.CharField(_("full name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    aliases = AliasesField(
        _("aliases"),
        help_text=_("Other names and abbreviations that mean exactly this body, one per line (“UBND tỉnh Thanh Hóa”)."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    province = models.ForeignKey(
        "articles.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Empty for national bodies."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )

    objects = OrganisationManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=["party", "council", "committee", "front", "mass", "agency", "press", "school", "business", "other"]), name="organisation_kind_valid"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:organisation_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["articles.province"]
