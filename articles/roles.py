"""Who may do what on the editors' desk: three groups, made from code.

Reporters write and edit their own drafts and submit them for review;
editors edit any article, publish, schedule and archive; administrators also
manage user accounts. The groups are created (and brought up to date) by
`manage.py setup_roles` and after every migrate, so a fresh database has
them. Code checks permissions, never group names: a user given the publish
permission directly is an editor for every purpose.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _

REPORTERS = "Phóng viên"
EDITORS = "Biên tập viên"
ADMINISTRATORS = "Quản trị viên"

#: Permissions the models do not declare (no migration): created on the
#: Article content type by ensure_permissions().
PUBLISH = "publish_article"
EDIT_ANY = "edit_any_article"
CUSTOM_PERMISSIONS = {
    PUBLISH: _("Can publish, schedule, archive and return articles"),
    EDIT_ANY: _("Can edit articles written by others"),
}

_REFERENCE = ["province", "district", "organisation", "person", "topic"]


def _perms(app_label, models, actions):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


# Reporters see the reference data (the autocompletes need view permission)
# and may add a person or organisation an article is the first to mention.
REPORTER_PERMISSIONS = [
    *_perms("articles", ["article"], ["add", "change", "view"]),
    *_perms("articles", ["quote"], ["add", "change", "delete", "view"]),
    *_perms("articles", _REFERENCE, ["view"]),
    *_perms("articles", ["person", "organisation"], ["add"]),
]
EDITOR_PERMISSIONS = [
    *_perms("articles", ["article", "quote", "correction"], ["add", "change", "delete", "view"]),
    *_perms("articles", ["organisation", "person", "topic"], ["add", "change", "delete", "view"]),
    *_perms("articles", ["province", "district", "articleslugredirect", "sourcetext"], ["view"]),
    f"articles.{PUBLISH}",
    f"articles.{EDIT_ANY}",
]
ADMINISTRATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    *_perms("auth", ["user", "group"], ["add", "change", "delete", "view"]),
    *_perms("articles", ["province", "district", "articleslugredirect"], ["add", "change", "delete"]),
]

ROLES = {
    REPORTERS: REPORTER_PERMISSIONS,
    EDITORS: EDITOR_PERMISSIONS,
    ADMINISTRATORS: ADMINISTRATOR_PERMISSIONS,
}


def ensure_permissions(*, apps=global_apps, using="default") -> None:
    """The model permissions and our custom ones, whether or not migrate has made them yet."""
    for label in ("auth", "articles"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    content_type = ContentType.objects.db_manager(using).get_for_model(apps.get_model("articles", "Article"))
    for codename, name in CUSTOM_PERMISSIONS.items():
        Permission.objects.db_manager(using).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": str(name)}
        )


@transaction.atomic
def setup_roles(*, using="default") -> dict[str, int]:
    """Create or update the three groups; returns how many permissions each has. Safe to run again."""
    ensure_permissions(using=using)
    counts = {}
    for group_name, wanted in ROLES.items():
        group, _created = Group.objects.db_manager(using).get_or_create(name=group_name)
        permissions = [_permission(name, using) for name in wanted]
        group.permissions.set(permissions)
        counts[group_name] = len(permissions)
    return counts


def _permission(dotted: str, using: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.db_manager(using).get(content_type__app_label=app_label, codename=codename)


def setup_roles_after_migrate(sender, *, using="default", **kwargs):
    """post_migrate receiver: a fresh (or flushed test) database gets the groups too."""
    setup_roles(using=using)


def can_publish(user) -> bool:
    return user.has_perm(f"articles.{PUBLISH}")


def can_edit_any(user) -> bool:
    return user.has_perm(f"articles.{EDIT_ANY}")


def can_edit(user, article) -> bool:
    """Editors edit any article; a reporter edits their own while it is a draft."""
    if not user.has_perm("articles.change_article"):
        return False
    if can_edit_any(user):
        return True
    return article.created_by_id == user.pk and article.status == article.Status.DRAFT
