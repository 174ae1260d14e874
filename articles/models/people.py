from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import AliasesField


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Person(models.Model):
    """Someone articles quote or name. Titles change, so they live on each Quote."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    aliases = AliasesField(_("aliases"), help_text=_("Other spellings of the name, one per line."))

    objects = SlugManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="person_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:person_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = SlugManager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)
