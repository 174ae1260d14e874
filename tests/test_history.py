"""History: every admin save keeps a revision; an old one can be compared and restored."""

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.factories import make_article, make_person, make_quote
from tests.test_admin_articles import change_url, form_data
from tests.test_roles import make_editor

pytestmark = pytest.mark.django_db


def saved_twice(client):
    """An article saved through the admin as “Bản một”, then as “Bản hai”."""
    article = make_article(status="draft", title="Bản một")
    client.post(change_url(article), form_data(article, title="Bản một", lead="Sapo một"))
    article.refresh_from_db()
    client.post(change_url(article), form_data(article, title="Bản hai", lead="Sapo hai"))
    article.refresh_from_db()
    return article


def test_every_admin_save_keeps_a_revision_with_who_and_what(client):
    editor = make_editor()
    client.force_login(editor)
    article = saved_twice(client)
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    latest = versions.first().revision
    assert latest.user == editor
    comment = latest.get_comment()
    assert "tiêu đề" in comment.lower() or "title" in comment.lower()


def test_history_page_lists_the_versions_with_compare_links(client):
    client.force_login(make_editor())
    article = saved_twice(client)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    version = Version.objects.get_for_object(article).last()
    assert reverse("admin:articles_article_compare", args=[article.pk, version.pk]) in page


def test_compare_shows_what_changed_since_a_version(client):
    client.force_login(make_editor())
    article = saved_twice(client)
    first = Version.objects.get_for_object(article).last()
    response = client.get(reverse("admin:articles_article_compare", args=[article.pk, first.pk]))
    labels = [str(row["label"]) for row in response.context["rows"]]
    assert "tiêu đề" in labels and "sapo" in labels
    assert "Bản một" in response.content.decode() and "Bản hai" in response.content.decode()


def test_restoring_an_old_revision_brings_back_its_text_and_quotes(client):
    client.force_login(make_editor())
    article = make_article(status="draft", title="Bản một")
    speaker = make_person("Lê Văn Nưng")
    make_quote(article, "Dân là gốc", speaker=speaker)
    client.post(change_url(article), form_data(article, **{
        "quotes-TOTAL_FORMS": "1", "quotes-INITIAL_FORMS": "1",
        "quotes-0-id": str(article.quotes.get().pk), "quotes-0-article": str(article.pk),
        "quotes-0-text": "Dân là gốc", "quotes-0-speaker": str(speaker.pk), "quotes-0-kind": "direct",
        "quotes-0-position": "0", "quotes-0-speaker_title": "",
    }))
    first = Version.objects.get_for_object(article).first()
    quote_id = str(article.quotes.get().pk)
    article.refresh_from_db()
    client.post(change_url(article), form_data(article, title="Bản hai", **{
        "quotes-TOTAL_FORMS": "1", "quotes-INITIAL_FORMS": "1",
        "quotes-0-id": str(article.quotes.get().pk), "quotes-0-article": str(article.pk),
        "quotes-0-text": "Dân là gốc", "quotes-0-DELETE": "on", "quotes-0-kind": "direct",
        "quotes-0-position": "0", "quotes-0-speaker": "", "quotes-0-speaker_title": "",
    }))
    article.refresh_from_db()
    assert article.title == "Bản hai" and not article.quotes.exists()
    live_version = article.version

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = client.get(revision_url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert form["loaded_version"].value() == live_version  # no false conflict on restore
    data = form_data(article, title="Bản một", loaded_version=str(live_version), **{
                         "quotes-TOTAL_FORMS": "1", "quotes-INITIAL_FORMS": "1",
                         "quotes-0-id": quote_id,
                         "quotes-0-article": str(article.pk), "quotes-0-text": "Dân là gốc",
                         "quotes-0-speaker": str(speaker.pk), "quotes-0-kind": "direct",
                         "quotes-0-position": "0", "quotes-0-speaker_title": "",
                     })
    response = client.post(revision_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    restored = Article.objects.get(pk=article.pk)
    assert restored.title == "Bản một"
    assert list(restored.quotes.values_list("text", flat=True)) == ["Dân là gốc"]
    # The version number moves forward, so forms opened before the restore see a conflict.
    assert restored.version > live_version


def test_restoring_an_old_revision_keeps_the_corrections_readers_have_seen(client):
    from articles.models import Correction

    client.force_login(make_editor())
    article = make_article(status="published", title="Bản một")
    client.post(change_url(article), form_data(article))
    first = Version.objects.get_for_object(article).first()
    Correction.objects.create(article=article, text="Sửa tên xã.")
    article.refresh_from_db()
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    loaded = client.get(revision_url).context["adminform"].form["loaded_version"].value()
    correction = Correction.objects.get()
    response = client.post(revision_url, form_data(article, loaded_version=str(loaded), **{
        "corrections-TOTAL_FORMS": "1", "corrections-INITIAL_FORMS": "1",
        "corrections-0-id": str(correction.pk), "corrections-0-article": str(article.pk),
        "corrections-0-text": correction.text,
        "corrections-0-created_at_0": f"{timezone.localtime(correction.created_at):%d/%m/%Y}",
        "corrections-0-created_at_1": f"{timezone.localtime(correction.created_at):%H:%M:%S}",
    }))
    assert response.status_code == 302
    assert Correction.objects.filter(article=article).count() == 1
