"""Provinces, organisations and people on the desk: found without diacritics, aliases edited as lines."""

import pytest
from django.urls import reverse

from articles.models import Organisation
from tests.factories import make_organisation, make_person
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db


def autocomplete(client, model, term, field="provinces"):
    response = client.get(reverse("admin:autocomplete"), {
        "app_label": "articles", "model_name": "article", "field_name": field, "term": term,
    })
    assert response.status_code == 200
    return [r["text"] for r in response.json()["results"]]


def test_province_autocomplete_finds_names_without_diacritics_and_labels_former_units(client):
    client.force_login(make_reporter())
    found = autocomplete(client, "province", "kien giang")
    assert found == ["Kiên Giang (đến 30/06/2025)"]


def test_province_autocomplete_lists_current_units_before_former_ones(client):
    client.force_login(make_editor())
    found = autocomplete(client, "province", "an giang")
    assert found[0] == "An Giang" and "(đến 30/06/2025)" in found[1]


def test_organisation_autocomplete_matches_aliases(client):
    make_organisation("Ủy ban nhân dân tỉnh Thanh Hóa", aliases=["UBND tỉnh Thanh Hóa"])
    client.force_login(make_editor())
    assert autocomplete(client, "organisation", "ubnd thanh hoa", field="organisations") == [
        "Ủy ban nhân dân tỉnh Thanh Hóa"
    ]


def test_person_search_without_diacritics(client):
    make_person("Lê Văn Nưng")
    make_person("Trần Thị Mai")
    client.force_login(make_editor())
    listed = client.get(reverse("admin:articles_person_changelist"), {"q": "le van nung"}).context["cl"].result_list
    assert [p.name for p in listed] == ["Lê Văn Nưng"]


def test_aliases_are_edited_one_per_line(client):
    organisation = make_organisation("Hội Nông dân tỉnh An Giang")
    client.force_login(make_editor())
    response = client.post(reverse("admin:articles_organisation_change", args=[organisation.pk]), {
        "name": organisation.name, "short_name": "", "slug": organisation.slug, "kind": "mass",
        "aliases": "Hội ND An Giang\n\nhội nd an giang\nHND tỉnh An Giang", "province": "", "parent": "",
    })
    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).aliases == ["Hội ND An Giang", "HND tỉnh An Giang"]


def test_reporters_see_but_cannot_change_provinces(client):
    client.force_login(make_reporter())
    assert client.get(reverse("admin:articles_province_changelist")).status_code == 200
    response = client.get(reverse("admin:articles_province_change", args=[1]))
    assert response.status_code == 200 and not response.context["has_change_permission"]
