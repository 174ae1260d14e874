"""Facts about the administrative map a reader would check."""

import datetime

import pytest
from django.core.management import call_command

from articles import tagging
from articles.models import District, Organisation, Province

pytestmark = pytest.mark.django_db

BEFORE = datetime.date(2025, 6, 30)
AFTER = datetime.date(2025, 7, 1)


def test_63_units_before_the_merger_and_34_after():
    assert Province.objects.in_force(BEFORE).count() == 63
    assert Province.objects.in_force(datetime.date(2020, 1, 1)).count() == 63
    assert Province.objects.in_force(AFTER).count() == 34
    assert Province.objects.current().count() == 34


def test_an_giang_and_kien_giang_became_todays_an_giang():
    today = Province.objects.get(slug="an-giang")
    assert (today.code, today.valid_from) == (91, AFTER)
    assert set(today.predecessors.values_list("name", "code")) == {("An Giang", 89), ("Kiên Giang", 91)}


def test_codes_are_reused_so_code_alone_is_not_a_key():
    assert set(Province.objects.filter(code=91).values_list("slug", flat=True)) == {"an-giang", "kien-giang"}


def test_thanh_hoa_is_one_unit_valid_throughout():
    thanh_hoa = Province.objects.get(name="Thanh Hóa")
    assert (thanh_hoa.valid_from, thanh_hoa.valid_to, thanh_hoa.successor) == (None, None, None)
    assert thanh_hoa.in_force_on(datetime.date(2010, 1, 1)) and thanh_hoa.in_force_on(AFTER)


def test_every_unit_that_ended_has_a_successor_in_force_today():
    ended = Province.objects.former()
    assert ended.count() == 53  # 52 merged on 1 July 2025, and Thừa Thiên Huế
    for unit in ended:
        assert unit.successor is not None, unit
        assert unit.today().is_current


def test_thua_thien_hue_became_hue_city_in_january_2025():
    old = Province.objects.get(slug="thua-thien-hue")
    assert old.valid_to == datetime.date(2024, 12, 31)
    assert old.successor.slug == "hue" and old.successor.kind == Province.Kind.CITY


def test_ho_chi_minh_city_absorbed_binh_duong_and_ba_ria_vung_tau():
    hcm = Province.objects.get(slug="ho-chi-minh")
    assert hcm.kind == Province.Kind.CITY
    assert set(hcm.predecessors.values_list("name", flat=True)) == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}


def test_every_current_unit_has_a_region():
    assert not Province.objects.current().filter(region="").exists()
    assert Province.objects.current().values("region").distinct().count() == 6


def test_district_level_units_lead_to_their_province():
    nhu_xuan = District.objects.get(name="Như Xuân")
    assert nhu_xuan.full_name == "huyện Như Xuân" and nhu_xuan.province.name == "Thanh Hóa"
    chau_doc = District.objects.get(name="Châu Đốc")
    assert chau_doc.full_name == "thành phố Châu Đốc"
    assert chau_doc.province.slug == "an-giang-cu" and chau_doc.province.today().slug == "an-giang"
    assert District.objects.count() == 696


def test_loading_the_reference_data_again_keeps_the_aliases_editors_added(django_capture_on_commit_callbacks):
    city = Province.objects.get(slug="ho-chi-minh")
    city.aliases = [*city.aliases, "Sài Gòn"]
    city.save()
    body = Organisation.objects.get(name="Ủy ban nhân dân tỉnh Thanh Hóa")
    body.aliases = [*body.aliases, "UBND Thanh Hóa"]
    body.name = "Ủy ban nhân dân tỉnh Thanh Hoá (sửa)"  # a field the fixtures hold: theirs wins
    body.save()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_reference_data", verbosity=0)

    city.refresh_from_db()
    body.refresh_from_db()
    assert city.aliases == ["HCM", "TPHCM", "Sài Gòn"]
    assert body.aliases[-1] == "UBND Thanh Hóa"
    assert body.name == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert "Sài Gòn" in next(p for p in tagging.gazetteer().provinces if p.key == "ho-chi-minh").aliases
