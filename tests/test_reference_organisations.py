"""The organisations reference fixture: every province's standard bodies and the national ones."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Organisation, Province
from articles.reference import REFERENCE_FIXTURES

FIXTURE = Path(next(f for f in REFERENCE_FIXTURES if f.endswith("organisations.json")))


def test_the_committed_fixture_is_what_build_organisations_makes(tmp_path):
    output = tmp_path / "organisations.json"
    call_command("build_organisations", "--output", str(output), stdout=io.StringIO())
    assert output.read_bytes() == FIXTURE.read_bytes(), "run `manage.py build_organisations` and commit the result"


def test_organisations_load_after_provinces():
    names = [Path(f).name for f in REFERENCE_FIXTURES]
    assert names.index("organisations.json") > names.index("provinces.json")


@pytest.mark.django_db
def test_every_province_current_or_former_has_its_peoples_committee_and_party_committee():
    for province in Province.objects.all():
        bodies = Organisation.objects.filter(name__endswith=f" {province.name}", province__in=[province, province.today()])
        committee = bodies.get(kind=Organisation.Kind.PEOPLES_COMMITTEE)
        assert committee.name.startswith("Ủy ban nhân dân") and committee.aliases[0].startswith("UBND")
        # A former unit whose name today's unit kept shares its bodies with it.
        assert committee.province.today() == province.today()
        standing = bodies.get(name__startswith="Ban Thường vụ")
        assert standing.parent.name == standing.name.removeprefix("Ban Thường vụ ")


@pytest.mark.django_db
def test_a_provinces_bodies_are_named_as_papers_name_them():
    thanh_hoa = Organisation.objects.filter(province__slug="thanh-hoa")
    assert set(thanh_hoa.values_list("name", flat=True)) >= {
        "Tỉnh ủy Thanh Hóa", "Ban Thường vụ Tỉnh ủy Thanh Hóa", "Đảng bộ tỉnh Thanh Hóa",
        "Hội đồng nhân dân tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa"}
    assert Organisation.objects.get(name="Ủy ban nhân dân Thành phố Hồ Chí Minh").province.slug == "ho-chi-minh"
    assert Organisation.objects.get(name="Tỉnh ủy Kiên Giang").province.slug == "kien-giang"


@pytest.mark.django_db
def test_the_national_bodies_a_reader_expects_are_there_without_a_province():
    for name in ["Quốc hội", "Chính phủ", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "Bộ Chính trị",
                 "Ban Bí thư", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]:
        assert Organisation.objects.get(name=name).province is None


def test_names_and_slugs_are_unique():
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert len({r["fields"]["name"] for r in records}) == len({r["fields"]["slug"] for r in records}) == len(records)
