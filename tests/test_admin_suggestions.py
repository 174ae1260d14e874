"""Tag suggestions on the change form: the tagger's answer as JSON, nothing tagged or saved behind the editor's back."""

import types
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from articles import tagging
from articles.models import Article
from articles.tagging import Suggestions
from articles.text.records import ParsedQuote
from tests.factories import make_article, make_organisation, make_person, province
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db
SUGGEST = reverse("admin:articles_article_suggest")


@pytest.fixture
def tagger(monkeypatch):
    """articles.tagging.suggest() answering what a test sets, recording its calls."""
    calls = []
    answer = Suggestions()

    def suggest(*, title, lead, body, published_at):
        calls.append({"title": title, "lead": lead, "body": body, "published_at": published_at})
        return answer

    monkeypatch.setattr(tagging, "suggest", suggest)
    return types.SimpleNamespace(calls=calls, answer=answer)


def test_suggestions_for_the_text_in_the_form(client, tagger):
    nung = make_person("Lê Văn Nưng")
    hoi = make_organisation("Hội Nông dân tỉnh An Giang")
    tagger.answer.provinces += [province("an-giang"), province("kien-giang")]
    tagger.answer.organisations.append(hoi)
    tagger.answer.people.append(nung)
    tagger.answer.quotes.append(ParsedQuote(text="Dân là gốc", kind="direct", speaker="Lê Văn Nưng",
                                            speaker_title="Chủ tịch Hội Nông dân", position=0))
    client.force_login(make_reporter())

    response = client.post(SUGGEST, {"title": "Nông dân Kiên Giang", "lead": "Sapo", "body": "Thân bài"})

    assert response.status_code == 200
    data = response.json()
    assert [p["label"] for p in data["provinces"]] == ["An Giang", "Kiên Giang (đến 30/06/2025)"]
    assert data["organisations"] == [{"id": hoi.pk, "label": "Hội Nông dân tỉnh An Giang"}]
    assert data["quotes"] == [{"text": "Dân là gốc", "kind": "direct",
                               "speaker": {"id": nung.pk, "label": "Lê Văn Nưng"},
                               "speaker_title": "Chủ tịch Hội Nông dân", "position": 0}]
    assert tagger.calls[0]["title"] == "Nông dân Kiên Giang"


def test_suggesting_saves_nothing(client, tagger):
    article = make_article(status="draft", title="Trước")
    tagger.answer.provinces.append(province("an-giang"))
    client.force_login(make_editor())
    client.post(SUGGEST, {"title": "Sau", "article": article.pk})
    article.refresh_from_db()
    assert article.title == "Trước" and not article.provinces.exists()


def test_suggestions_use_the_articles_own_date(client, tagger):
    # An archive text imported with its date: provinces are those in force then.
    article = make_article(status="review", published_at=datetime(2022, 11, 25, 10, 5, tzinfo=UTC))
    client.force_login(make_editor())
    client.post(SUGGEST, {"title": article.title, "article": article.pk})
    assert tagger.calls[0]["published_at"] == article.published_at


def test_a_name_the_database_does_not_know_is_shown_but_cannot_be_accepted(client, tagger):
    tagger.answer.people.append("Người Chưa Có")
    client.force_login(make_editor())
    assert client.post(SUGGEST, {"title": "x"}).json()["people"] == [{"id": None, "label": "Người Chưa Có"}]


def test_suggestions_need_a_login_and_post(client, tagger):
    assert client.post(SUGGEST, {"title": "x"}).status_code == 302
    client.force_login(make_editor())
    assert client.get(SUGGEST).status_code == 405


def test_the_change_form_has_the_suggest_panel(client):
    client.force_login(make_reporter())
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'id="desk-suggest-button"' in page and SUGGEST in page
    assert Article.objects.count() == 0


def test_a_speaker_named_in_another_spelling_is_found(client, tagger):
    nung = make_person("Lê Văn Nưng", aliases=["ông Nưng"])
    tagger.answer.quotes.append(ParsedQuote(text="Dân là gốc", kind="direct", speaker="Lê văn Nưng"))
    tagger.answer.people.append("ông Nưng")
    client.force_login(make_editor())
    data = client.post(SUGGEST, {"title": "x"}).json()
    assert data["quotes"][0]["speaker"] == {"id": nung.pk, "label": "Lê Văn Nưng"}
    assert data["people"] == [{"id": nung.pk, "label": "Lê Văn Nưng"}]
