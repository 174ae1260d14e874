import datetime

import pytest

from articles.text.dates import VIETNAM
from articles.text.entities import Tagger, find_entities, tagger_for
from articles.text.organisations import standard_bodies
from articles.text.records import Gazetteer, OrganisationEntry, PersonEntry
from tests.text_support import reference_gazetteer, with_organisations

GAZETTEER = reference_gazetteer()
TAGGER = Tagger(GAZETTEER)


def at(year, month=1, day=1):
    return datetime.datetime(year, month, day, 8, 0, tzinfo=VIETNAM)


def tag(*texts, published_at=None, tagger=TAGGER):
    return tagger.tag(list(texts), published_at=published_at)


def provinces(*texts, published_at=None):
    return [p.name for p in tag(*texts, published_at=published_at).provinces]


def test_province_named_as_a_place_and_inside_a_body():
    assert provinces("Đoàn công tác làm việc tại tỉnh Nghệ An.") == ["Nghệ An"]
    assert provinces("UBND tỉnh Quảng Ngãi ban hành kế hoạch.", published_at=at(2023)) == ["Quảng Ngãi"]


def test_tone_mark_variants_are_one_province():
    assert provinces("Tỉnh ủy Thanh Hoá chỉ đạo; tỉnh Thanh Hóa triển khai.") == ["Thanh Hóa"]


def test_city_of_ho_chi_minh_but_not_the_man_or_his_museum():
    assert provinces("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.") == []
    assert provinces("Chủ tịch Hồ Chí Minh và Bảo tàng Hồ Chí Minh.") == []
    assert provinces("Đoàn đại biểu TP. Hồ Chí Minh thăm Bảo tàng Hồ Chí Minh.") == ["Hồ Chí Minh"]
    assert provinces("Thành phố Hồ Chí Minh và T.P. Cần Thơ hợp tác.", published_at=at(2024)) == [
        "Hồ Chí Minh", "Cần Thơ"]


def test_the_press_abbreviations_of_ho_chi_minh_city_are_the_city_and_its_bodies():
    found = tag("UBND TP.HCM và Thành đoàn TPHCM ra quân tại quận 1; Tp. HCM có 22 quận, huyện.",
                published_at=at(2023))
    assert [p.name for p in found.provinces] == ["Hồ Chí Minh"]
    assert found.organisations == ["Ủy ban nhân dân Thành phố Hồ Chí Minh",
                                   "Đoàn Thanh niên Cộng sản Hồ Chí Minh Thành phố Hồ Chí Minh"]
    assert found.places == ["quận 1"]  # the city is a province, no place inside one
    assert provinces("Tỉnh BR-VT đón 2 triệu lượt khách.", published_at=at(2024)) == ["Bà Rịa - Vũng Tàu"]


def test_dak_lak_spelled_without_its_tone_marks():
    assert provinces("Tỉnh Đăk Lăk và tỉnh Đăk Nông ký kết hợp tác.", published_at=at(2021)) == [
        "Đắk Lắk", "Đắk Nông"]


def test_district_implies_its_province():
    found = tag("Lãnh đạo huyện Như Xuân xuống cơ sở.", published_at=at(2022))
    assert [p.name for p in found.provinces] == ["Thanh Hóa"]
    assert found.places == ["huyện Như Xuân"]
    found = tag("UBND TP. Châu Đốc tổ chức đối thoại.", published_at=at(2022))
    assert [p.name for p in found.provinces] == ["An Giang"]
    assert found.places == ["thành phố Châu Đốc"]


def test_district_sharing_a_province_name_gives_its_own_province():
    found = tag("Nông dân huyện Quảng Ninh thu hoạch lúa.", published_at=at(2020))
    assert [p.name for p in found.provinces] == ["Quảng Bình"]
    assert found.places == ["huyện Quảng Ninh"]


def test_merged_province_after_july_2025_maps_to_its_successor():
    assert provinces("Các xã vùng biển tỉnh Bình Định cũ phát triển du lịch.", published_at=at(2026, 3)) == [
        "Gia Lai"]
    assert provinces("Huyện Như Xuân và huyện Đăk Hà.", published_at=at(2026)) != []


def test_province_merged_later_keeps_its_name_before_the_merger():
    assert provinces("Tỉnh Kon Tum đẩy mạnh trồng sâm Ngọc Linh.", published_at=at(2023, 5)) == ["Kon Tum"]
    assert provinces("Tỉnh Kon Tum đẩy mạnh trồng sâm Ngọc Linh.", published_at=at(2025, 8)) == ["Quảng Ngãi"]


def test_thua_thien_hue_is_hue_from_2025():
    assert provinces("tỉnh Thừa Thiên Huế", published_at=at(2024, 6)) == ["Thừa Thiên Huế"]
    assert provinces("tỉnh Thừa Thiên Huế", published_at=at(2025, 2)) == ["Huế"]


def test_undated_article_tags_provinces_as_named():
    assert provinces("tỉnh Bình Định và tỉnh Kon Tum") == ["Bình Định", "Kon Tum"]


def test_person_with_a_province_in_the_name_tags_nothing():
    assert provinces("Ông Nguyễn Thái Bình phát biểu.") == []


def test_places_with_lists_and_lower_units():
    found = tag("Mưa lớn gây ngập các xã Xuân Hòa, Xuân Bình và Tân Lập; "
                "thị trấn Yên Cát, thôn Xuân Hồi, quận 1.")
    assert found.places == ["xã Xuân Hòa", "xã Xuân Bình", "xã Tân Lập", "thị trấn Yên Cát", "thôn Xuân Hồi",
                            "quận 1"]


def test_a_list_of_places_opening_a_sentence_gives_each_place():
    assert tag("Các xã Hồng Thủy, Hồng Vân và Hồng Kim đã về đích.").places == [
        "xã Hồng Thủy", "xã Hồng Vân", "xã Hồng Kim"]
    assert tag("Hai huyện Phù Cát và Phù Mỹ được biểu dương.").places == ["huyện Phù Cát", "huyện Phù Mỹ"]


def test_a_special_zone_is_in_the_province_of_the_island_district_it_replaced():
    found = tag("Du khách đến đặc khu Phú Quốc và Đặc khu Côn Đảo.", published_at=at(2026, 3))
    assert [p.name for p in found.provinces] == ["An Giang", "Hồ Chí Minh"]
    assert found.places == ["đặc khu Phú Quốc", "đặc khu Côn Đảo"]
    assert provinces("Đặc khu Thổ Châu đón đoàn công tác.", published_at=at(2026, 3)) == []  # no district before


def test_a_unit_word_opening_a_sentence_keeps_its_first_syllable():
    found = tag("Thị xã Quảng Trị và Thị trấn Gio Linh được biểu dương.", published_at=at(2024))
    assert found.places == ["thị xã Quảng Trị", "thị trấn Gio Linh"]
    assert [p.name for p in found.provinces] == ["Quảng Trị"]


def test_a_person_named_after_a_city_or_district_council_is_no_place():
    # The papers of the six cities, and of a district about itself, name their own council without
    # the place: "UBND thành phố" then the official's name. Every city and district is a known place.
    found = tag("Phó Chủ tịch UBND thành phố Nguyễn Mạnh Quyền chủ trì buổi lễ tại phường Hoàn Kiếm.",
                "Chủ tịch UBND huyện Lê Quang Phúc và Chủ tịch UBND thành phố Lương Nguyễn Minh Triết dự.",
                published_at=at(2024))
    assert found.places == ["phường Hoàn Kiếm"]
    # A known district whose name begins with a surname is still the district.
    found = tag("Đoàn công tác làm việc tại quận Ngô Quyền và huyện Như Xuân.", published_at=at(2024))
    assert found.places == ["quận Ngô Quyền", "huyện Như Xuân"]


def test_a_commune_ends_where_a_hmong_or_thai_name_begins():
    found = tag("Chủ tịch UBND xã Mèo Vạc Sùng Mí Chá và Chủ tịch UBND xã Mường Lát Lường Văn Pấn dự.",
                published_at=at(2025, 12))
    assert found.places == ["xã Mèo Vạc", "xã Mường Lát"]


def test_wards_whose_names_end_with_a_number_are_each_a_place_and_a_count_is_no_name():
    found = tag("Phường Hà Giang 1, phường Hà Giang 2 và phường Minh Xuân dẫn đầu; xã Tân Lập 2 lần được khen.",
                published_at=at(2025, 12))
    assert found.places == ["phường Hà Giang 1", "phường Hà Giang 2", "phường Minh Xuân", "xã Tân Lập"]


def test_the_countryside_is_no_hamlet():
    found = tag("Giám đốc Sở Nông nghiệp và Phát triển nông thôn Nghệ An; thôn Xuân Hồi.")
    assert found.places == ["thôn Xuân Hồi"]


def test_place_name_stops_before_a_person():
    found = tag("Chủ tịch UBND xã Xuân Hòa Nguyễn Văn Dũng cho biết.")
    assert found.places == ["xã Xuân Hòa"]


def test_organisations_expanded_with_the_province_of_the_article():
    found = tag(
        "Ban Thường vụ Tỉnh ủy Thanh Hoá đã chỉ đạo xây dựng Đảng bộ tỉnh đoàn kết.",
        "UBND tỉnh tập trung chỉ đạo; hệ thống MTTQ và các đoàn thể từ tỉnh đến cơ sở vào cuộc.",
        "Các cấp ủy, chính quyền, Đảng, Nhà nước và Trung ương.",
    )
    assert found.organisations == [
        "Ban Thường vụ Tỉnh ủy Thanh Hóa", "Đảng bộ tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa",
    ]


def test_a_provincial_body_followed_by_its_holder_is_the_body_of_the_article_province():
    found = tag("Tỉnh ủy Quảng Trị họp. Theo Chủ tịch UBND tỉnh Võ Văn Hưng, kinh tế tăng trưởng.",
                published_at=at(2024))
    assert found.organisations == ["Tỉnh ủy Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị"]
    assert [p.name for p in found.provinces] == ["Quảng Trị"]


def test_bare_city_committee_takes_the_city_named_after_it():
    found = tag("Bí thư Thành ủy, Chủ tịch UBND TP. Châu Đốc và Chủ tịch HĐND tỉnh An Giang dự.",
                published_at=at(2022))
    assert found.organisations == ["Thành ủy Châu Đốc", "Ủy ban nhân dân thành phố Châu Đốc",
                                   "Hội đồng nhân dân tỉnh An Giang"]


def test_district_and_commune_bodies():
    found = tag("Huyện ủy Như Xuân, UBND huyện Như Xuân và Đảng ủy xã Xuân Hòa họp.", published_at=at(2022))
    assert found.organisations == [
        "Huyện ủy Như Xuân", "Ủy ban nhân dân huyện Như Xuân", "Đảng ủy xã Xuân Hòa"]


def test_generic_plurals_are_not_organisations():
    assert tag("Các UBND xã và các Đảng bộ cơ sở cùng UBMTTQ Việt Nam các cấp tham gia.").organisations == []


def test_gazetteer_organisations_and_people_are_found_by_alias():
    gazetteer = Gazetteer(
        GAZETTEER.provinces, GAZETTEER.districts,
        (OrganisationEntry("Sở Giáo dục và Đào tạo tỉnh Nghệ An", ("Sở GD&ĐT Nghệ An",)),),
        (PersonEntry("Nguyễn Đức Trung", ("Bí thư Nguyễn Đức Trung",)),),
    )
    found = tag("Sở GD&ĐT Nghệ An phối hợp; đồng chí Nguyễn Đức Trung dự.", tagger=Tagger(gazetteer))
    assert "Sở Giáo dục và Đào tạo tỉnh Nghệ An" in found.organisations
    assert found.people == ["Nguyễn Đức Trung"]


def test_standard_bodies_of_a_province_and_a_city():
    bodies = dict(standard_bodies("Thanh Hoá", "tinh"))
    assert list(bodies) == [
        "Tỉnh ủy Thanh Hóa", "Ban Thường vụ Tỉnh ủy Thanh Hóa", "Đảng bộ tỉnh Thanh Hóa",
        "Hội đồng nhân dân tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa", "Đoàn đại biểu Quốc hội tỉnh Thanh Hóa",
    ]
    assert "UBND tỉnh Thanh Hóa" in bodies["Ủy ban nhân dân tỉnh Thanh Hóa"]
    assert "Đoàn ĐBQH tỉnh Thanh Hóa" in bodies["Đoàn đại biểu Quốc hội tỉnh Thanh Hóa"]
    city = dict(standard_bodies("Đà Nẵng", "thanh_pho"))
    assert "Thành ủy Đà Nẵng" in city
    assert "HĐND TP. Đà Nẵng" in city["Hội đồng nhân dân thành phố Đà Nẵng"]
    with pytest.raises(ValueError):
        standard_bodies("Huế", "huyen")


def test_standard_bodies_as_gazetteer_organisations_agree_with_the_rules():
    entries = [OrganisationEntry(name, aliases) for name, aliases in standard_bodies("Gia Lai", "tinh")]
    tagger = Tagger(with_organisations(GAZETTEER, *entries))
    found = tag("UBND tỉnh Gia Lai và HĐND tỉnh Gia Lai.", tagger=tagger, published_at=at(2026))
    assert found.organisations == ["Ủy ban nhân dân tỉnh Gia Lai", "Hội đồng nhân dân tỉnh Gia Lai"]


def test_a_provinces_assembly_delegation_is_its_own_body_not_the_national_assembly():
    entries = [OrganisationEntry(name, aliases) for name, aliases in standard_bodies("Quảng Ninh", "tinh")]
    tagger = Tagger(with_organisations(GAZETTEER, *entries, OrganisationEntry("Quốc hội", ())))
    found = tag("Đoàn ĐBQH tỉnh Quảng Ninh tiếp xúc cử tri; Đoàn đại biểu Quốc hội tỉnh Quảng Ninh báo cáo "
                "kết quả kỳ họp Quốc hội.", tagger=tagger, published_at=at(2023))
    assert found.organisations == ["Đoàn đại biểu Quốc hội tỉnh Quảng Ninh", "Quốc hội"]


def test_a_provinces_departments_by_name_and_abbreviation():
    found = tag("Sở GD&ĐT tỉnh Thanh Hoá, Sở Văn hoá, Thể thao và Du lịch Hà Tĩnh và Sở NN&PTNT TP. Hồ Chí Minh "
                "phối hợp; các sở, ngành tham gia.", published_at=at(2023))
    assert found.organisations == ["Sở Giáo dục và Đào tạo tỉnh Thanh Hóa",
                                   "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh",
                                   "Sở Nông nghiệp và Phát triển nông thôn Thành phố Hồ Chí Minh"]


def test_a_department_named_bare_or_before_its_director_is_the_article_provinces():
    found = tag("UBND tỉnh Nghệ An chỉ đạo.", "Giám đốc Sở Y tế Nguyễn Văn Dũng cho biết, Sở Tài chính đã cấp kinh phí.",
                published_at=at(2023))
    assert found.organisations == ["Ủy ban nhân dân tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An"]
    assert tag("Sở Y tế huyện Như Xuân.", published_at=at(2023)).organisations == []  # no such body


def test_a_party_committees_boards_are_bodies_of_their_own():
    found = tag("Ban Dân vận Tỉnh ủy Nghệ An phối hợp với Ban Tuyên giáo Tỉnh ủy và Văn phòng Huyện ủy Nghĩa Đàn.",
                published_at=at(2024))
    assert found.organisations == ["Ban Dân vận Tỉnh ủy Nghệ An", "Ban Tuyên giáo Tỉnh ủy Nghệ An",
                                   "Văn phòng Huyện ủy Nghĩa Đàn"]


def test_the_fronts_organisations_police_and_military_command_of_each_locality():
    found = tag("Hội LHPN tỉnh Nghệ An, Hội Nông dân huyện Nghĩa Đàn, LĐLĐ tỉnh, Công an xã Nghĩa Lộc "
                "và Bộ CHQS tỉnh Nghệ An ký kết phối hợp.", published_at=at(2024))
    assert found.organisations == ["Hội Liên hiệp Phụ nữ tỉnh Nghệ An", "Hội Nông dân huyện Nghĩa Đàn",
                                   "Liên đoàn Lao động tỉnh Nghệ An", "Công an xã Nghĩa Lộc",
                                   "Bộ Chỉ huy Quân sự tỉnh Nghệ An"]
    # The words alone are no body: "lực lượng công an", "hội nghị".
    assert tag("Lực lượng công an dự Hội nghị tổng kết.", published_at=at(2024)).organisations == []


def test_the_courts_procuracies_and_border_guards_of_each_locality():
    found = tag("TAND tỉnh Cà Mau, VKSND huyện Năm Căn và Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp.",
                published_at=at(2024))
    assert found.organisations == ["Tòa án nhân dân tỉnh Cà Mau", "Viện Kiểm sát nhân dân huyện Năm Căn",
                                   "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cà Mau"]
    # The supreme court is no locality's.
    assert tag("Tòa án nhân dân tối cao hướng dẫn xét xử.", published_at=at(2024)).organisations == []


def test_wards_and_communes_named_after_a_former_province_or_district_have_their_bodies():
    # Since July 2025: "phường Thái Bình" (Hưng Yên), "xã Hà Trung" (Thanh Hóa). Their names start with a
    # surname, but they are places, not the holder of an office.
    found = tag("UBND phường Thái Bình và Đảng ủy xã Hà Trung họp.", published_at=at(2025, 9))
    assert found.organisations == ["Ủy ban nhân dân phường Thái Bình", "Đảng ủy xã Hà Trung"]
    # The holder of a commune's office is still no commune's body.
    assert tag("Chủ tịch UBND xã Lê Văn Tám phát biểu.", published_at=at(2025, 9)).organisations == []


def test_a_numbered_wards_bodies_keep_its_number():
    found = tag("Đảng ủy phường Hà Giang 1 và UBND phường Hà Giang 2, tỉnh Tuyên Quang.", published_at=at(2025, 9))
    assert found.organisations == ["Đảng ủy phường Hà Giang 1", "Ủy ban nhân dân phường Hà Giang 2"]
    assert found.places == ["phường Hà Giang 1", "phường Hà Giang 2"]
    # A count after the name is not part of it.
    assert tag("UBND xã Tân Lập 3 năm liền đạt chuẩn.", published_at=at(2025, 9)).organisations == [
        "Ủy ban nhân dân xã Tân Lập"]


def test_the_youth_union_of_each_locality_however_papers_name_it():
    found = tag("Tỉnh đoàn Thanh Hóa phối hợp với Đoàn TNCS Hồ Chí Minh huyện Như Xuân và Huyện đoàn Quan Hóa.",
                published_at=at(2024))
    assert found.organisations == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Thanh Hóa",
                                   "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Như Xuân",
                                   "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Quan Hóa"]
    # Named after Hồ Chí Minh, the union is no sign of the city.
    assert [p.name for p in found.provinces] == ["Thanh Hóa"]
    # A bare "Tỉnh đoàn" is the province's the article is about; its secretary is no place.
    found = tag("UBND tỉnh Nghệ An khen thưởng. Bí thư Tỉnh đoàn Lê Văn Minh phát biểu.", published_at=at(2024))
    assert "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An" in found.organisations
    # Words, not the union: "Thành đoàn kết" (Thành, a name, unites), the national union, the union of a school.
    assert tag("Anh Nguyễn Văn Thành đoàn kết mọi người. Kỷ niệm ngày thành lập Đoàn TNCS Hồ Chí Minh. "
               "Đoàn Thanh niên trường THPT Lam Sơn ra quân.", published_at=at(2024)).organisations == []


def test_the_party_committees_inside_a_provinces_bodies_are_their_own_bodies():
    # Since 2025 the People's Committee, the police and the Party's own offices each have a Party committee.
    found = tag("Đại hội Đảng bộ UBND tỉnh Gia Lai lần thứ I. Đảng ủy Công an tỉnh và Đảng ủy các cơ quan Đảng "
                "tỉnh cũng họp.", published_at=at(2025, 9))
    assert found.organisations == ["Đảng bộ Ủy ban nhân dân tỉnh Gia Lai", "Đảng ủy Công an tỉnh Gia Lai",
                                   "Đảng ủy các cơ quan Đảng tỉnh Gia Lai"]
    # The committee is not the People's Committee it sits in, which is tagged when named on its own.
    found = tag("Đảng ủy UBND tỉnh Gia Lai ban hành nghị quyết; UBND tỉnh Gia Lai triển khai.", published_at=at(2025, 9))
    assert found.organisations == ["Đảng ủy Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai"]


def test_a_locality_executive_committee_is_its_party_organisation_and_the_central_one_nothing():
    found = tag("Ban Chấp hành Đảng bộ tỉnh Đắk Lắk và Ban Chấp hành Hội LHPN tỉnh họp.", published_at=at(2025, 12))
    assert found.organisations == ["Đảng bộ tỉnh Đắk Lắk", "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk"]
    assert tag("Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 13.", published_at=at(2025, 12)).organisations == []


def test_the_holder_after_a_district_party_committee_is_no_district():
    assert tag("Tại huyện Như Xuân, Bí thư Huyện ủy Lê Văn Tám phát biểu.", published_at=at(2023)).organisations == [
        "Huyện ủy Như Xuân"]
    assert tag("Bí thư Huyện ủy Lý Ngọc Lan phát biểu.", published_at=at(2023)).organisations == []


def test_find_entities_reuses_one_tagger_per_gazetteer():
    assert tagger_for(GAZETTEER) is tagger_for(GAZETTEER)
    found = find_entities(["huyện Như Xuân"], published_at=None, gazetteer=GAZETTEER)
    assert [p.name for p in found.provinces] == ["Thanh Hóa"]


def test_a_headline_in_capitals_names_what_the_same_words_in_ordinary_case_name():
    found = tag("THANH HÓA: UBND HUYỆN NHƯ XUÂN TỔNG KẾT CÔNG TÁC NĂM 2023", published_at=at(2023, 12))
    assert [p.name for p in found.provinces] == ["Thanh Hóa"]
    assert found.organisations == ["Ủy ban nhân dân huyện Như Xuân"]
    assert found.places == ["huyện Như Xuân"]
    # Tone placement, abbreviations and the bodies' own words come through capitals too.
    found = tag("BAN THƯỜNG VỤ TỈNH ỦY THANH HOÁ LÀM VIỆC VỚI SỞ GD&ĐT VÀ HĐND TỈNH", published_at=at(2024))
    assert found.organisations == ["Ban Thường vụ Tỉnh ủy Thanh Hóa", "Sở Giáo dục và Đào tạo tỉnh Thanh Hóa",
                                   "Hội đồng nhân dân tỉnh Thanh Hóa"]


def test_a_headline_in_capitals_keeps_the_rule_on_ho_chi_minh():
    assert provinces("HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC CHỦ TỊCH HỒ CHÍ MINH") == []
    assert provinces("ĐOÀN ĐẠI BIỂU TP. HỒ CHÍ MINH THĂM BẢO TÀNG HỒ CHÍ MINH", published_at=at(2024)) == [
        "Hồ Chí Minh"]


def test_a_person_the_gazetteer_knows_is_found_in_capitals():
    gazetteer = Gazetteer(GAZETTEER.provinces, GAZETTEER.districts, (), (PersonEntry("Đỗ Trọng Hưng"),))
    assert tag("BÍ THƯ TỈNH ỦY ĐỖ TRỌNG HƯNG THĂM HỘ NGHÈO", tagger=Tagger(gazetteer)).people == ["Đỗ Trọng Hưng"]


def test_capitals_are_read_only_where_a_whole_text_is_written_in_them():
    # An abbreviation in an ordinary sentence is no shouting: "ỦY BAN" alone is not read again.
    found = tag("Hội nghị do UBND tỉnh Nghệ An tổ chức; HỘI NGHỊ kéo dài hai ngày.", published_at=at(2023))
    assert found.organisations == ["Ủy ban nhân dân tỉnh Nghệ An"]
    # Words the gazetteer does not know stay common words: no unknown "Xuân Hòa" commune is made up.
    assert tag("CÁC XÃ XUÂN HÒA, XUÂN BÌNH VỀ ĐÍCH NÔNG THÔN MỚI").places == []


def test_the_pacific_is_no_province():
    assert provinces("Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) họp tại Đà Nẵng.",
                     published_at=at(2017)) == ["Đà Nẵng"]
    assert provinces("HỢP TÁC CHÂU Á - THÁI BÌNH DƯƠNG") == []


def test_in_capitals_a_province_that_is_also_a_common_word_needs_a_unit_or_a_dateline_colon():
    assert provinces("CHUNG TAY VÌ HÒA BÌNH THẾ GIỚI") == []  # peace
    assert provinces("UBND TỈNH THÁI BÌNH PHÁT ĐỘNG PHONG TRÀO THI ĐUA", published_at=at(2024)) == ["Thái Bình"]
    assert provinces("HÒA BÌNH: RA QUÂN CHIẾN DỊCH THANH NIÊN TÌNH NGUYỆN HÈ", published_at=at(2024)) == [
        "Hòa Bình"]
