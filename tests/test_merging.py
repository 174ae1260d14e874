"""Merging duplicate people and organisations: tags and quotes move, names become aliases, one transaction."""

import pytest
from django.urls import reverse

from articles import merging
from articles.models import Organisation, Person, Quote
from tests.factories import make_article, make_organisation, make_person, make_quote
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db


def test_merging_people_moves_articles_and_quotes_and_keeps_the_names():
    keep = make_person("Lê Văn Nưng", aliases=["ông Nưng"])
    duplicate = make_person("Lê văn Nưng", aliases=["Nưng"])
    both = make_article(title="Cả hai")
    both.people.add(keep, duplicate)
    only_duplicate = make_article(title="Chỉ bản trùng")
    only_duplicate.people.add(duplicate)
    quote = make_quote(only_duplicate, "Dân là gốc", speaker=duplicate)

    moved = merging.merge(keep=keep, duplicates=[duplicate])

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert list(both.people.all()) == [keep] and list(only_duplicate.people.all()) == [keep]
    assert Quote.objects.get(pk=quote.pk).speaker == keep
    keep.refresh_from_db()
    assert keep.aliases == ["ông Nưng", "Nưng"]  # “Lê văn Nưng” is the kept name in another case
    assert moved == {"articles": 1, "quotes": 1, "children": 0}


def test_merging_organisations_moves_children_and_short_names():
    keep = make_organisation("Ủy ban nhân dân tỉnh An Giang")
    duplicate = make_organisation("UBND tỉnh An Giang", short_name="UBND An Giang")
    child = make_organisation("Sở Nông nghiệp tỉnh An Giang", parent=duplicate)
    article = make_article()
    article.organisations.add(duplicate)
    merging.merge(keep=keep, duplicates=[duplicate])
    keep.refresh_from_db()
    assert set(keep.aliases) == {"UBND tỉnh An Giang", "UBND An Giang"}
    assert Organisation.objects.get(pk=child.pk).parent == keep
    assert list(article.organisations.all()) == [keep]


def test_a_failed_merge_changes_nothing(monkeypatch):
    keep, duplicate = make_person("Nguyễn Văn A"), make_person("Nguyễn văn A")
    article = make_article()
    article.people.add(duplicate)

    def broken_save(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Person, "save", broken_save)
    with pytest.raises(RuntimeError):
        merging.merge(keep=keep, duplicates=[duplicate])
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert list(article.people.all()) == [duplicate]


def test_merging_a_record_into_itself_is_refused():
    person = make_person()
    with pytest.raises(merging.MergeError):
        merging.merge(keep=person, duplicates=[person])


def test_the_admin_action_asks_which_to_keep_then_merges(client):
    keep, duplicate = make_person("Trần Văn Bình"), make_person("Tran Van Binh")
    client.force_login(make_editor())
    url = reverse("admin:articles_person_changelist")
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, duplicate.pk]}
    confirm = client.post(url, selected)
    assert confirm.status_code == 200
    assert "Trần Văn Bình" in confirm.content.decode() and 'name="keep"' in confirm.content.decode()
    assert Person.objects.count() >= 2

    done = client.post(url, {**selected, "post": "yes", "keep": keep.pk})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert "Tran Van Binh" in Person.objects.get(pk=keep.pk).aliases


def test_reporters_cannot_merge(client):
    a, b = make_person("Người A"), make_person("Người B")
    client.force_login(make_reporter())
    client.post(reverse("admin:articles_person_changelist"),
                {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "post": "yes", "keep": a.pk})
    assert Person.objects.filter(pk=b.pk).exists()
