"""Provinces and district-level units, before and after 1 July 2025.

Vietnam had 63 provincial units until 30 June 2025 and has 34 since
1 July 2025, with no district level. Articles in the archive name units
that no longer exist; each of those keeps its row, with the dates it was in
force and the unit it became part of, so a reader of today's province also
finds what was written about its predecessors.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import AliasesField

#: The first day of the 34-unit map (Resolution 202/2025/QH15).
MERGER_DATE = datetime.date(2025, 7, 1)


class Region(models.TextChoices):
    """The six socio-economic regions used by the General Statistics Office."""

    NORTHERN_MOUNTAINS = "northern_mountains", _("Trung du và miền núi phía Bắc")
    RED_RIVER_DELTA = "red_river_delta", _("Đồng bằng sông Hồng")
    CENTRAL_COAST = "central_coast", _("Bắc Trung Bộ và duyên hải miền Trung")
    CENTRAL_HIGHLANDS = "central_highlands", _("Tây Nguyên")
    SOUTHEAST = "southeast", _("Đông Nam Bộ")
    MEKONG_DELTA = "mekong_delta", _("Đồng bằng sông Cửu Long")


class ProvinceQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None):
        """The units in force on a day (today by default): 63 before the merger, 34 after."""
        on = on or datetime.date.today()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def current(self):
        return self.filter(valid_to__isnull=True)

    def former(self):
        return self.filter(valid_to__isnull=False)


class ProvinceManager(models.Manager.from_queryset(ProvinceQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Province(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("tỉnh")
        CITY = "thanh_pho", _("thành phố trực thuộc trung ương")

    code = models.PositiveSmallIntegerField(
        _("GSO code"),
        help_text=_("The General Statistics Office code. Codes were reused in 2025, so a code alone is no key."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("Short name, as in “Thanh Hóa”."))
    full_name = models.CharField(_("full name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("The unit this one became part of when it ceased to exist."),
    )
    aliases = AliasesField(_("aliases"), help_text=_("Other spellings, one per line."))

    objects = ProvinceManager()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="province_code_per_period"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="province_valid_period",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(successor__isnull=False),
                name="province_ended_has_successor",
            ),
            models.CheckConstraint(condition=Q(kind__in=["tinh", "thanh_pho"]), name="province_kind_valid"),
        ]
        indexes = [models.Index(fields=["valid_to", "region"], name="province_current_region")]

    def __str__(self):
        if self.valid_to:
            return _("%(name)s (until %(date)s)") % {"name": self.name, "date": self.valid_to.strftime("%d/%m/%Y")}
        return self.name

    def get_absolute_url(self):
        return reverse("articles:province_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def in_force_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def today(self) -> "Province":
        """The unit in force today that this one is, or became part of."""
        unit = self
        while unit.successor_id is not None:
            unit = unit.successor
        return unit


class DistrictManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class District(models.Model):
    """A district-level unit of the 63-province map (abolished on 1 July 2025)."""

    class Kind(models.TextChoices):
        RURAL_DISTRICT = "huyen", _("huyện")
        URBAN_DISTRICT = "quan", _("quận")
        TOWN = "thi_xa", _("thị xã")
        CITY = "thanh_pho", _("thành phố thuộc tỉnh")

    code = models.PositiveIntegerField(_("GSO code"), unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("Without the unit word: “Như Xuân”."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="districts"
    )
    valid_to = models.DateField(_("in force until"), null=True, blank=True)

    objects = DistrictManager()

    class Meta:
        verbose_name = _("district-level unit")
        verbose_name_plural = _("district-level units")
        ordering = ["province__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["huyen", "quan", "thi_xa", "thanh_pho"]), name="district_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.province.name})"

    def natural_key(self):
        return (self.code,)

    natural_key.dependencies = ["articles.province"]

    @property
    def full_name(self) -> str:
        """“huyện Như Xuân”: the unit word in lower case, as articles write it."""
        return f"{self.get_kind_display()} {self.name}".replace("thành phố thuộc tỉnh", "thành phố")
