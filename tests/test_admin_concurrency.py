"""Two people editing one article: the second save is stopped, told who and what, and may overwrite knowingly."""

import pytest
import reversion
from django.test import Client

from articles.models import Article
from tests.factories import make_article
from tests.test_admin_articles import change_url, form_data
from tests.test_roles import make_editor

pytestmark = pytest.mark.django_db


def with_history(article):
    """An article saved once under django-reversion, as every admin save is."""
    with reversion.create_revision():
        article.save()
    return Article.objects.get(pk=article.pk)


def editors_with_the_form_open(article):
    """Two editors who both loaded the change form at the same version."""
    first, second = Client(), Client()
    first.force_login(make_editor("lan"))
    second.force_login(make_editor("minh"))
    for client in (first, second):
        assert client.get(change_url(article)).context["adminform"].form["loaded_version"].value() == article.version
    return first, second


def test_the_form_carries_the_version_it_was_loaded_with(client):
    article = make_article(status="draft")
    client.force_login(make_editor())
    page = client.get(change_url(article)).content.decode()
    assert f'name="loaded_version" value="{article.version}"' in page


def test_the_second_save_does_not_overwrite_the_first():
    article = with_history(make_article(status="draft", title="Tiêu đề gốc", lead="Sapo gốc"))
    first, second = editors_with_the_form_open(article)

    assert first.post(change_url(article), form_data(article, title="Tiêu đề của Lan")).status_code == 302
    response = second.post(change_url(article), form_data(article, lead="Sapo của Minh"))

    assert response.status_code == 200
    saved = Article.objects.get(pk=article.pk)
    assert saved.title == "Tiêu đề của Lan" and saved.lead == "Sapo gốc"
    form = response.context["adminform"].form
    conflict = form.conflict
    assert conflict.updated_by == "lan"
    # Lan changed the title; Minh's form still has the old one, and sees both.
    assert [(c.name, c.saved, c.yours) for c in conflict.changes] == [("title", "Tiêu đề của Lan", "Tiêu đề gốc")]
    page = response.content.decode()
    assert "lan" in page and "Tiêu đề của Lan" in page
    assert f'name="_overwrite_version" value="{saved.version}"' in page


def test_without_history_every_field_that_differs_is_shown():
    article = make_article(status="draft", title="Tiêu đề gốc", lead="Sapo gốc")
    first, second = editors_with_the_form_open(article)
    first.post(change_url(article), form_data(article, title="Tiêu đề của Lan"))
    response = second.post(change_url(article), form_data(article, lead="Sapo của Minh"))
    changes = response.context["adminform"].form.conflict.changes
    assert {c.name for c in changes} == {"title", "lead"}


def test_overwriting_is_an_explicit_choice():
    article = make_article(status="draft", title="Tiêu đề gốc")
    first, second = editors_with_the_form_open(article)
    first.post(change_url(article), form_data(article, title="Tiêu đề của Lan"))
    current = Article.objects.get(pk=article.pk).version

    response = second.post(change_url(article), form_data(article, title="Tiêu đề của Minh",
                                                          _overwrite_version=str(current)))
    assert response.status_code == 302
    saved = Article.objects.get(pk=article.pk)
    assert saved.title == "Tiêu đề của Minh" and saved.version == current + 1


def test_an_overwrite_consent_for_an_older_save_does_not_cover_a_newer_one():
    article = make_article(status="draft")
    first, second = editors_with_the_form_open(article)
    first.post(change_url(article), form_data(article, title="Lần một"))
    seen = Article.objects.get(pk=article.pk).version
    again = Article.objects.get(pk=article.pk)
    first.post(change_url(article), form_data(again, title="Lần hai"))

    response = second.post(change_url(article), form_data(article, title="Của Minh", _overwrite_version=str(seen)))
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Lần hai"


def test_a_publish_in_between_is_a_conflict_too():
    from articles import publishing

    article = make_article(status="review", title="Chờ duyệt")
    _first, second = editors_with_the_form_open(article)
    publishing.publish(article=Article.objects.get(pk=article.pk), user=make_editor())
    response = second.post(change_url(article), form_data(article, title="Sửa muộn"))
    assert response.status_code == 200 and response.context["adminform"].form.conflict
    assert Article.objects.get(pk=article.pk).title == "Chờ duyệt"


def test_saving_twice_in_a_row_from_fresh_forms_is_not_a_conflict(client):
    article = make_article(status="draft")
    client.force_login(make_editor())
    assert client.post(change_url(article), form_data(article, title="Một")).status_code == 302
    fresh = Article.objects.get(pk=article.pk)
    assert client.post(change_url(article), form_data(fresh, title="Hai")).status_code == 302
