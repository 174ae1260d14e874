"""The workflow: every transition, the refused ones, scheduled visibility, old addresses."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from reversion.models import Version

from articles import publishing
from articles.models import Article, ArticleSlugRedirect
from tests.factories import make_article
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """Messages are matched in English; the desk shows them in Vietnamese (see the .po file)."""
    with translation.override("en"):
        yield


def draft_by(user, **fields):
    return make_article(status="draft", created_by=user, **fields)


def test_reporter_submits_own_draft_for_review():
    reporter = make_reporter()
    article = publishing.submit(article=draft_by(reporter), user=reporter)
    assert Article.objects.get(pk=article.pk).status == "review"


def test_reporter_cannot_submit_another_reporters_draft():
    article = draft_by(make_reporter())
    with pytest.raises(PermissionDenied):
        publishing.submit(article=article, user=make_reporter())
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_submitting_twice_is_refused_with_a_reason():
    reporter = make_reporter()
    article = publishing.submit(article=draft_by(reporter), user=reporter)
    with pytest.raises(publishing.TransitionError, match="Only a draft"):
        publishing.submit(article=article, user=reporter)


@pytest.mark.parametrize("transition", [publishing.publish, publishing.archive, publishing.return_to_draft])
def test_reporter_cannot_publish_archive_or_return(transition):
    reporter = make_reporter()
    article = make_article(status="review", created_by=reporter)
    with pytest.raises(PermissionDenied):
        transition(article=article, user=reporter)
    assert Article.objects.get(pk=article.pk).status == "review"


def test_reporter_cannot_schedule():
    reporter = make_reporter()
    with pytest.raises(PermissionDenied):
        publishing.schedule(article=draft_by(reporter), user=reporter, when=timezone.now() + timedelta(days=1))


def test_editor_publishes_an_article_in_review_now():
    editor = make_editor()
    article = make_article(status="review")
    before = timezone.now()
    publishing.publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == "published" and article.published_at >= before
    assert article.updated_by == editor
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_publishing_an_imported_archive_text_keeps_its_original_date():
    original = timezone.now() - timedelta(days=900)
    article = make_article(status="review", published_at=original)
    publishing.publish(article=article, user=make_editor())
    article.refresh_from_db()
    assert article.published_at == original


def test_editor_returns_an_article_to_its_author():
    article = make_article(status="review")
    publishing.return_to_draft(article=article, user=make_editor())
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_only_an_article_in_review_can_be_returned():
    with pytest.raises(publishing.TransitionError):
        publishing.return_to_draft(article=make_article(status="published"), user=make_editor())


def test_editor_archives_a_published_article_and_readers_no_longer_see_it():
    article = make_article(status="published")
    publishing.archive(article=article, user=make_editor())
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_a_draft_cannot_be_archived():
    with pytest.raises(publishing.TransitionError, match="Only a published"):
        publishing.archive(article=make_article(status="draft"), user=make_editor())


def test_an_archived_article_cannot_be_published_again_by_mistake():
    article = make_article(status="archived", published_at=timezone.now() - timedelta(days=1))
    with pytest.raises(publishing.TransitionError):
        publishing.publish(article=article, user=make_editor())


def test_scheduled_article_is_invisible_before_its_time_and_visible_after():
    when = timezone.now() + timedelta(hours=2)
    article = publishing.schedule(article=make_article(status="review"), user=make_editor(), when=when)
    assert article.status == "scheduled"
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert not article.is_published()
    # Two hours later nothing has run, yet the article is public.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_scheduling_in_the_past_is_refused():
    with pytest.raises(publishing.TransitionError, match="future"):
        publishing.schedule(article=make_article(status="review"), user=make_editor(),
                            when=timezone.now() - timedelta(minutes=5))


def test_publish_with_a_future_time_schedules():
    article = publishing.publish(article=make_article(status="draft"), user=make_editor(),
                                 when=timezone.now() + timedelta(days=1))
    assert article.status == "scheduled"


def test_each_transition_keeps_a_revision_saying_what_happened():
    editor = make_editor()
    article = make_article(status="review")
    publishing.publish(article=article, user=editor)
    revision = Version.objects.get_for_object(article).first().revision
    assert revision.user == editor
    assert "Published" in revision.get_comment() or "Đã đăng" in revision.get_comment()


def test_changing_a_published_articles_slug_keeps_the_old_address():
    article = make_article(status="published", title="Đối thoại với nhân dân")
    old = article.slug
    article.slug = "doi-thoai-voi-nhan-dan-an-giang"
    article.save()
    assert ArticleSlugRedirect.objects.get(old_slug=old).article == article


def test_changing_a_drafts_slug_leaves_no_redirect():
    article = make_article(status="draft")
    article.slug = "mot-dia-chi-khac"
    article.save()
    assert not ArticleSlugRedirect.objects.exists()


def test_going_back_to_an_old_slug_removes_the_redirect_loop():
    article = make_article(status="published", slug="dia-chi-dau")
    article.slug = "dia-chi-moi"
    article.save()
    article.slug = "dia-chi-dau"
    article.save()
    assert list(ArticleSlugRedirect.objects.values_list("old_slug", flat=True)) == ["dia-chi-moi"]


def test_available_transitions_for_buttons():
    reporter, editor = make_reporter(), make_editor()
    draft = draft_by(reporter)
    assert publishing.available(draft, reporter) == ["submit"]
    assert "publish" in publishing.available(draft, editor)
    assert publishing.available(make_article(status="published"), editor) == ["archive"]
    assert publishing.available(make_article(status="review", created_by=reporter), reporter) == []
