from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # tagging connects the signals that rebuild the tagger's gazetteer when a
        # province, district, organisation or person changes.
        from articles import caching, publishing, roles, tagging  # noqa: F401

        caching.connect_signals()
        post_migrate.connect(roles.setup_roles_after_migrate, sender=self, dispatch_uid="articles.setup_roles")
        pre_save.connect(
            publishing.remember_old_slug, sender="articles.Article", dispatch_uid="articles.remember_old_slug"
        )
