"""The article workflow: draft → in review → published (or scheduled) → archived.

One function per transition, each checking who may make it, so the admin's
bulk actions, the change form's buttons, commands and tests all go through
the same door:

    submit            draft → review                 the author, or an editor
    return_to_draft   review → draft                 editors
    publish           draft/review/scheduled → published (or scheduled)   editors
    schedule          like publish, for a time still to come              editors
    archive           published/scheduled → archived  editors

A scheduled article is public from its publication time on without any job
to run: ArticleQuerySet.published() compares published_at with now.
"""

import datetime

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import roles
from articles.models import Article, ArticleSlugRedirect

Status = Article.Status

#: Statuses whose address readers may have seen (or soon will): changing the
#: slug of such an article keeps the old address as a redirect.
ADDRESSED_STATUSES = (Status.PUBLISHED, Status.SCHEDULED, Status.ARCHIVED)


class TransitionError(Exception):
    """A transition the article's current status does not allow."""


def submit(*, article: Article, user) -> Article:
    """A draft goes to the editors for review."""
    _require(article, {Status.DRAFT}, _("Only a draft can be submitted for review."))
    if not roles.can_edit(user, article):
        raise PermissionDenied(_("You may only submit your own drafts."))
    return _move(article, user, Status.REVIEW, _("Submitted for review."))


def return_to_draft(*, article: Article, user) -> Article:
    """An editor sends an article in review back to its author."""
    _require_editor(user)
    _require(article, {Status.REVIEW}, _("Only an article in review can be returned to its author."))
    return _move(article, user, Status.DRAFT, _("Returned to the author."))


def publish(*, article: Article, user, when: datetime.datetime | None = None) -> Article:
    """Make the article public now, or at `when` if that is still to come (then it is scheduled).

    Without `when`, an article that already carries a past publication time
    (an archive text imported with its original date) keeps it; otherwise it
    is published now.
    """
    _require_editor(user)
    _require(
        article,
        {Status.DRAFT, Status.REVIEW, Status.SCHEDULED},
        _("Only a draft, an article in review or a scheduled article can be published."),
    )
    now = timezone.now()
    if when is None:
        when = article.published_at if article.published_at and article.published_at <= now else now
    if timezone.is_naive(when):
        raise ValueError("publish() needs an aware datetime")
    if when > now:
        article.published_at = when
        local = timezone.localtime(when)
        return _move(article, user, Status.SCHEDULED, _("Scheduled for %(time)s.") % {"time": f"{local:%d/%m/%Y %H:%M}"})
    article.published_at = when
    return _move(article, user, Status.PUBLISHED, _("Published."))


def schedule(*, article: Article, user, when: datetime.datetime) -> Article:
    """Publish at a time still to come; readers see nothing before it."""
    if when is None or when <= timezone.now():
        raise TransitionError(_("A scheduled time must be in the future."))
    return publish(article=article, user=user, when=when)


def archive(*, article: Article, user) -> Article:
    """Take a published (or scheduled) article off the public site; it stays in the admin."""
    _require_editor(user)
    _require(article, {Status.PUBLISHED, Status.SCHEDULED}, _("Only a published or scheduled article can be archived."))
    return _move(article, user, Status.ARCHIVED, _("Archived."))


#: What the admin offers: name → (function, label). Publishing now and
#: scheduling share publish(); the form supplies the time for "schedule".
TRANSITIONS = {
    "submit": submit,
    "return_to_draft": return_to_draft,
    "publish": publish,
    "schedule": schedule,
    "archive": archive,
}


def available(article: Article, user) -> list[str]:
    """The transitions this user may make on this article now, for buttons."""
    names = []
    if article.status == Status.DRAFT and (article.pk is None or roles.can_edit(user, article)):
        names.append("submit")
    if roles.can_publish(user):
        if article.status == Status.REVIEW:
            names.append("return_to_draft")
        if article.status in (Status.DRAFT, Status.REVIEW, Status.SCHEDULED):
            names += ["publish", "schedule"]
        if article.status in (Status.PUBLISHED, Status.SCHEDULED):
            names.append("archive")
    return names


def _require_editor(user) -> None:
    if not roles.can_publish(user):
        raise PermissionDenied(_("Only editors may publish, schedule, archive or return articles."))


def _require(article: Article, allowed: set, message: str) -> None:
    if article.status not in allowed:
        raise TransitionError(f"{message} " + _("“%(title)s” is %(status)s.") % {
            "title": article.title, "status": article.get_status_display(),
        })


def _move(article: Article, user, status: str, comment: str) -> Article:
    with transaction.atomic(), reversion.create_revision():
        article.status = status
        article.updated_by = user
        article.save()
        reversion.set_user(user)
        earlier = reversion.get_comment()
        reversion.set_comment(f"{earlier} {comment}".strip() if earlier else comment)
    return article


def remember_old_slug(sender, instance: Article, raw=False, **kwargs) -> None:
    """pre_save: when a published article's slug changes, its old address keeps working.

    A model signal rather than a form hook so that every door (admin,
    restore of an old revision, importer, shell) records the redirect.
    """
    if instance.pk is None:
        return
    old = Article.objects.filter(pk=instance.pk).values("slug", "status").first()
    if not old or not instance.slug or old["slug"] == instance.slug:
        return
    if old["status"] not in ADDRESSED_STATUSES and instance.status not in ADDRESSED_STATUSES:
        return
    # Going back to an earlier slug: that address is the article's own again.
    ArticleSlugRedirect.objects.filter(old_slug=instance.slug, article_id=instance.pk).delete()
    ArticleSlugRedirect.objects.update_or_create(old_slug=old["slug"], defaults={"article_id": instance.pk})
