import pytest

from articles.text.normalise import search_key
from articles.text.quotes import NameSplitter, QuoteFinder, extract_quotes

PLACES = [search_key(n) for n in ("An Giang", "Hà Tĩnh", "Châu Đốc", "Hồ Chí Minh", "Quảng Trị")]
FINDER = QuoteFinder(PLACES)


def quotes(*paragraphs):
    return [(q.kind, q.text, q.speaker, q.speaker_title) for q in FINDER.find(list(paragraphs))]


def test_direct_quote_attributed_before_with_curly_marks():
    found = quotes("Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải nhấn mạnh: “Phải lấy dân "
                   "làm gốc”.")
    assert found == [("direct", "Phải lấy dân làm gốc", "Võ Trọng Hải", "Chủ tịch UBND tỉnh Hà Tĩnh")]


def test_direct_quote_attributed_after_with_a_dash():
    assert quotes("“Đối thoại giúp tháo gỡ vướng mắc” - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh "
                  "An Giang Lê Văn Nưng cho biết.") == [
        ("direct", "Đối thoại giúp tháo gỡ vướng mắc", "Lê Văn Nưng",
         "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh An Giang"),
    ]


@pytest.mark.parametrize("marked", ['"Người dân rất đồng thuận"', "«Người dân rất đồng thuận»",
                                    "“Người dân rất đồng thuận\"", '"Người dân rất đồng thuận”'])
def test_straight_guillemet_and_mixed_marks(marked):
    found = quotes(f"{marked}, ông Trần Văn Bình, Bí thư Đảng ủy xã Hải Phú, chia sẻ.")
    assert found == [("direct", "Người dân rất đồng thuận", "Trần Văn Bình", "Bí thư Đảng ủy xã Hải Phú")]


def test_an_office_in_a_body_whose_name_holds_a_comma_is_kept_whole():
    assert quotes("Giám đốc Sở Văn hóa, Thể thao và Du lịch Nguyễn Trung Kiên khẳng định: «Du lịch là mũi "
                  "nhọn».") == [
        ("direct", "Du lịch là mũi nhọn", "Nguyễn Trung Kiên", "Giám đốc Sở Văn hóa, Thể thao và Du lịch")]
    assert quotes("Theo Giám đốc Sở Văn hoá, Thể thao và Du lịch Hà Nội Đỗ Đình Hồng, thành phố sẽ tổ chức "
                  "lại các tuyến phố đi bộ.") == [
        ("indirect", "thành phố sẽ tổ chức lại các tuyến phố đi bộ", "Đỗ Đình Hồng",
         "Giám đốc Sở Văn hoá, Thể thao và Du lịch Hà Nội")]
    assert quotes("Theo bà Bạch Liên Hương, Giám đốc Sở Lao động, Thương binh và Xã hội, thành phố sẽ hỗ trợ "
                  "các hộ kinh doanh.") == [
        ("indirect", "thành phố sẽ hỗ trợ các hộ kinh doanh", "Bạch Liên Hương",
         "Giám đốc Sở Lao động, Thương binh và Xã hội")]


def test_an_official_named_after_the_city_or_district_council_without_its_place():
    assert quotes("Phó Chủ tịch UBND thành phố Nguyễn Mạnh Quyền nhấn mạnh: “Phải xử lý dứt điểm”.") == [
        ("direct", "Phải xử lý dứt điểm", "Nguyễn Mạnh Quyền", "Phó Chủ tịch UBND thành phố")]
    assert quotes("Chủ tịch UBND huyện Lê Quang Phúc chia sẻ: “Qua đối thoại, bà con đồng thuận”.") == [
        ("direct", "Qua đối thoại, bà con đồng thuận", "Lê Quang Phúc", "Chủ tịch UBND huyện")]
    # A city that is a known place: its name is no person's, though it begins with a surname.
    assert quotes("Chủ tịch UBND TP. Châu Đốc Lâm Quang Thi cho biết: “Đối thoại giúp dân hiểu”.") == [
        ("direct", "Đối thoại giúp dân hiểu", "Lâm Quang Thi", "Chủ tịch UBND TP. Châu Đốc")]


@pytest.mark.parametrize("verb", ["xúc động", "trải lòng", "chia sẻ với phóng viên", "trả lời PV"])
def test_words_of_feeling_and_answers_to_the_reporter_attribute_a_quote(verb):
    found = quotes(f"Ông Đinh Văn Thơm, người dân xã Ba Tơ {verb}: “Cảm ơn Mặt trận đã không bỏ rơi bà con”.")
    assert found == [("direct", "Cảm ơn Mặt trận đã không bỏ rơi bà con", "Đinh Văn Thơm", "người dân xã Ba Tơ")]


def test_descriptor_after_the_name_is_the_title():
    found = quotes("Anh Hà Văn Tùng, người dân thôn Xuân Hồi, cho biết: “Đường mới giúp bà con đi lại dễ”.")
    assert found == [("direct", "Đường mới giúp bà con đi lại dễ", "Hà Văn Tùng", "người dân thôn Xuân Hồi")]


def test_ho_chi_minh_under_his_usual_names():
    found = quotes(
        "Sinh thời Chủ tịch Hồ Chí Minh khẳng định: “Dễ trăm lần không dân cũng chịu”.",
        "Bác căn dặn: “Phải gần dân, hiểu dân”. Học và làm theo lời Bác dạy, tỉnh đã làm tốt dân vận.",
    )
    assert found == [
        ("direct", "Dễ trăm lần không dân cũng chịu", "Hồ Chí Minh", "Chủ tịch"),
        ("direct", "Phải gần dân, hiểu dân", "Hồ Chí Minh", "Chủ tịch"),
    ]


def test_indirect_after_theo_runs_to_the_end_of_the_paragraph():
    found = quotes("Theo Bí thư Thành ủy, Chủ tịch UBND TP. Châu Đốc Lâm Quang Thi, hội nghị “Đối thoại với "
                   "nhân dân” được tổ chức hằng năm. Qua đó nhiều kiến nghị được giải quyết.")
    assert found == [(
        "indirect",
        "hội nghị “Đối thoại với nhân dân” được tổ chức hằng năm. Qua đó nhiều kiến nghị được giải quyết",
        "Lâm Quang Thi", "Bí thư Thành ủy, Chủ tịch UBND TP. Châu Đốc",
    )]


def test_indirect_after_theo_ends_its_attribution_at_thi():
    found = quotes("Ông Lê Văn Sử, Phó Chủ tịch UBND tỉnh Cà Mau cho rằng, đê biển phải xong trước Tết.",
                   "Theo ông Sử thì nguồn vốn đã được bố trí đủ.")
    assert found[1] == ("indirect", "nguồn vốn đã được bố trí đủ", "Lê Văn Sử", "Phó Chủ tịch UBND tỉnh Cà Mau")
    assert quotes("Theo kế hoạch thì công trình xong trước Tết.") == []


def test_a_name_after_tinh_is_the_speaker_when_it_is_no_province():
    found = quotes("Theo Chủ tịch UBND tỉnh Võ Văn Hưng, tăng trưởng quý I ước đạt 6,5%.")
    assert found == [("indirect", "tăng trưởng quý I ước đạt 6,5%", "Võ Văn Hưng", "Chủ tịch UBND tỉnh")]
    # A province after "tỉnh" stays a place, and the name after it the speaker.
    found = quotes("Theo Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng, tăng trưởng khá.")
    assert found == [("indirect", "tăng trưởng khá", "Võ Văn Hưng", "Chủ tịch UBND tỉnh Quảng Trị")]


def test_indirect_after_a_speech_verb_and_short_name_resolves():
    found = quotes(
        "Ông Nguyễn Văn Lộc, Chủ tịch UBND xã Quảng Thành, cho biết: “Xã đã về đích nông thôn mới”.",
        "Tại buổi làm việc, ông Lộc cho biết thêm, năm nay xã sẽ làm mới 5 km đường giao thông.",
    )
    assert found[1] == ("indirect", "năm nay xã sẽ làm mới 5 km đường giao thông", "Nguyễn Văn Lộc",
                        "Chủ tịch UBND xã Quảng Thành")


def test_a_short_name_resolves_to_someone_named_in_passing_before():
    found = quotes(
        "Chiều 19/12, tại huyện Sóc Sơn, Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã đối thoại với nông dân.",
        "Tại buổi đối thoại, ông Chung khẳng định: “Thành phố luôn đồng hành cùng nông dân”.",
    )
    assert found == [("direct", "Thành phố luôn đồng hành cùng nông dân", "Nguyễn Đức Chung",
                      "Chủ tịch UBND TP Hà Nội")]


def test_a_short_name_resolves_to_someone_introduced_with_an_office_after_the_name():
    found = quotes("Ông Nguyễn Văn Tám, người dân xã Minh Phú, huyện Sóc Sơn, kiến nghị tháo gỡ khó khăn. "
                   "“Chúng tôi mong được cấp giấy chứng nhận sớm”, ông Tám nói.")
    assert found == [("direct", "Chúng tôi mong được cấp giấy chứng nhận sớm", "Nguyễn Văn Tám",
                      "người dân xã Minh Phú, huyện Sóc Sơn")]


def test_a_full_name_named_again_without_an_office_keeps_the_office_given_before():
    found = quotes(
        "Chiều 13/10, Chủ tịch UBND huyện Cẩm Xuyên Nguyễn Văn Ngọc chủ trì buổi đối thoại với người dân.",
        "Ông Nguyễn Văn Ngọc khẳng định: “Huyện sẽ rà soát từng hồ sơ”.",
        "“Mọi kiến nghị đều được trả lời”, Nguyễn Văn Ngọc nói.",
    )
    assert found == [
        ("direct", "Huyện sẽ rà soát từng hồ sơ", "Nguyễn Văn Ngọc", "Chủ tịch UBND huyện Cẩm Xuyên"),
        ("direct", "Mọi kiến nghị đều được trả lời", "Nguyễn Văn Ngọc", "Chủ tịch UBND huyện Cẩm Xuyên"),
    ]
    # Named for the first time without an office: none.
    assert quotes("Ông Nguyễn Văn Ngọc khẳng định: “Huyện sẽ rà soát từng hồ sơ”.") == [
        ("direct", "Huyện sẽ rà soát từng hồ sơ", "Nguyễn Văn Ngọc", None)]


def test_an_office_after_the_name_without_its_closing_comma_ends_with_the_bodys_name():
    found = quotes(
        "Ông Phạm Anh Tuấn, Chủ tịch UBND tỉnh Gia Lai cắt băng khánh thành cây cầu.",
        "Đ/c Lê Văn Tám, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì hội nghị.",
        "Phát biểu tại buổi lễ, ông Phạm Anh Tuấn cho biết: “Tỉnh sẽ ưu tiên nguồn lực cho miền núi”.",
        "Kết luận, đồng chí Lê Văn Tám nhấn mạnh: “Các cấp ủy phải hành động quyết liệt”.",
    )
    assert [(speaker, title) for _, _, speaker, title in found] == [
        ("Phạm Anh Tuấn", "Chủ tịch UBND tỉnh Gia Lai"), ("Lê Văn Tám", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy")]
    # What follows an office that names no body is what the person did: no office is read into it.
    assert quotes("Ông Phạm Anh Tuấn, Chủ tịch nước trao tặng huân chương.",
                  "Ông Phạm Anh Tuấn cho biết: “Đây là phần thưởng xứng đáng”.")[0][3] is None


def test_reported_speech_after_a_name_and_its_office_starts_after_the_office():
    found = quotes("Theo ông Lê Lợi, Chủ tịch UBND xã, năm nay xã trồng mới 20 ha rừng.")
    assert found == [("indirect", "năm nay xã trồng mới 20 ha rừng", "Lê Lợi", "Chủ tịch UBND xã")]


@pytest.mark.parametrize("title", ["PGS.TS", "TS", "Đại tá"])
def test_a_short_title_before_the_name_and_an_office_after_it(title):
    found = quotes(f"{title} Nguyễn Văn Minh, Hiệu trưởng Trường Đại học Vinh, cho biết: “Nhà trường tuyển 5.000 "
                   "sinh viên”.")
    assert found == [("direct", "Nhà trường tuyển 5.000 sinh viên", "Nguyễn Văn Minh",
                      "Hiệu trưởng Trường Đại học Vinh")]
    # With no office after the name, the title before it is the title.
    assert quotes(f"{title} Nguyễn Văn Minh cho biết: “Tốt”.")[0][3] == title


def test_an_office_alone_is_the_one_person_named_with_it_before():
    found = quotes(
        "Chiều 12/8, Thủ tướng Chính phủ Phạm Minh Chính làm việc với tỉnh Gia Lai.",
        "Phát biểu kết luận, Thủ tướng nhấn mạnh: “Gia Lai phải trở thành cực tăng trưởng”.",
    )
    assert found == [("direct", "Gia Lai phải trở thành cực tăng trưởng", "Phạm Minh Chính", "Thủ tướng Chính phủ")]
    # Nobody named with it, or two people: no speaker to give.
    assert quotes("Phó Chủ tịch nhấn mạnh: “Cần làm ngay”.") == []
    assert quotes(
        "Dự có Phó Chủ tịch UBND tỉnh Lê Văn A và Phó Chủ tịch HĐND tỉnh Trần Văn B.",
        "Phó Chủ tịch nhấn mạnh: “Cần làm ngay”.",
    ) == []


def test_an_office_of_a_place_named_with_no_one_after_it_is_its_holder_named_before():
    # "Hà Tĩnh" after the office is the province, not a person called Hà Tĩnh.
    found = quotes(
        "Dự hội nghị có Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng.",
        "Bí thư Tỉnh ủy Hà Tĩnh nhấn mạnh: “Phải lấy dân làm gốc”.",
    )
    assert found == [("direct", "Phải lấy dân làm gốc", "Hoàng Trung Dũng", "Bí thư Tỉnh ủy Hà Tĩnh")]
    found = quotes(
        "Dự có Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Hồng Lĩnh.",
        "Phó Chủ tịch Thường trực UBND tỉnh yêu cầu: “Cần làm ngay”.",
    )
    assert found == [("direct", "Cần làm ngay", "Nguyễn Hồng Lĩnh", "Phó Chủ tịch Thường trực UBND tỉnh")]
    # A body named after a place says things, but it is no one's quote.
    assert quotes("Trường Đại học Y Hà Tĩnh cho biết, năm nay trường tuyển 1.000 sinh viên.") == []
    assert NameSplitter(PLACES).split("Giám đốc Sở Y tế Hà Tĩnh") is None


def test_names_of_the_central_highlands_start_with_y_or_h_and_end_with_the_family_name():
    assert quotes("Nghệ nhân ưu tú Y Dung Niê chia sẻ: “Chúng tôi giữ gìn tiếng chiêng”.") == [
        ("direct", "Chúng tôi giữ gìn tiếng chiêng", "Y Dung Niê", "Nghệ nhân ưu tú")]
    assert quotes("Già làng Y Khu Niê cho biết, buôn có 200 hộ.") == [
        ("indirect", "buôn có 200 hộ", "Y Khu Niê", "Già làng")]
    assert quotes("Phó Chủ tịch UBND tỉnh Đắk Lắk H’Yim Kđoh phát biểu: “Cần chăm lo đời sống đồng bào”.") == [
        ("direct", "Cần chăm lo đời sống đồng bào", "H’Yim Kđoh", "Phó Chủ tịch UBND tỉnh Đắk Lắk")]
    # "Y" as medicine, in a body's name, is no one.
    assert quotes("Giám đốc Học viện Y Dược cho biết, năm nay tuyển 500 sinh viên.") == []


def test_a_short_name_of_nobody_named_is_no_speaker():
    assert quotes("“Chúng tôi mong được cấp giấy chứng nhận sớm”, ông Tám nói.") == []


def test_indirect_after_cho_rang_without_a_comma():
    found = quotes("Bà Nguyễn Thị Lệ, Phó Bí thư Thành ủy, Chủ tịch HĐND TP.HCM cho rằng phong trào đã lan tỏa.")
    assert found == [("indirect", "phong trào đã lan tỏa", "Nguyễn Thị Lệ",
                      "Phó Bí thư Thành ủy, Chủ tịch HĐND TP.HCM")]


@pytest.mark.parametrize(("paragraph", "title"), [
    ("“Ngôi nhà mới giúp gia đình tôi yên tâm làm ăn” - bà H’Linh Niê, người dân buôn Ako Dhông, chia sẻ.",
     "người dân buôn Ako Dhông"),
    ("Người dân buôn Ako Dhông, bà H’Linh Niê chia sẻ: “Ngôi nhà mới giúp gia đình tôi yên tâm làm ăn”.",
     "Người dân buôn Ako Dhông"),
])
def test_names_of_the_central_highlands_after_a_courtesy_word_are_speakers(paragraph, title):
    assert quotes(paragraph) == [("direct", "Ngôi nhà mới giúp gia đình tôi yên tâm làm ăn", "H’Linh Niê", title)]


def test_reported_speech_ends_where_a_later_sentence_quotes_someone():
    found = quotes("Giải trình ý kiến cử tri, bà Nguyễn Thị Hạnh, Phó Chủ tịch UBND tỉnh cho biết, tỉnh sẽ tháo gỡ "
                   "vướng mắc. Bà Hạnh nhấn mạnh: “Không để dự án nào chậm tiến độ”.")
    assert found == [
        ("indirect", "tỉnh sẽ tháo gỡ vướng mắc", "Nguyễn Thị Hạnh", "Phó Chủ tịch UBND tỉnh"),
        ("direct", "Không để dự án nào chậm tiến độ", "Nguyễn Thị Hạnh", "Phó Chủ tịch UBND tỉnh"),
    ]


def test_reported_speech_cut_by_someone_else_quoted_keeps_its_own_speaker():
    found = quotes("Bà Nguyễn Thị Hạnh, Phó Chủ tịch UBND tỉnh cho biết, tỉnh sẽ tháo gỡ vướng mắc. "
                   "Ông Trần Văn Hùng, cử tri phường Hồng Gai, phát biểu: “Chúng tôi mong sớm có đất tái định cư”.")
    assert found == [
        ("indirect", "tỉnh sẽ tháo gỡ vướng mắc", "Nguyễn Thị Hạnh", "Phó Chủ tịch UBND tỉnh"),
        ("direct", "Chúng tôi mong sớm có đất tái định cư", "Trần Văn Hùng", "cử tri phường Hồng Gai"),
    ]


def test_reported_speech_ends_where_a_later_sentence_reports_someone_again():
    found = quotes("Bí thư Tỉnh ủy Hầu A Lềnh đánh giá, các xã đã chủ động. Theo đồng chí Hầu A Lềnh, tỉnh sẽ "
                   "đào tạo cán bộ cấp xã. Ông Sùng Mí Chá, Chủ tịch UBND xã Mèo Vạc cho biết, xã đã đủ cán bộ.")
    assert found == [
        ("indirect", "các xã đã chủ động", "Hầu A Lềnh", "Bí thư Tỉnh ủy"),
        ("indirect", "tỉnh sẽ đào tạo cán bộ cấp xã", "Hầu A Lềnh", "Bí thư Tỉnh ủy"),
        ("indirect", "xã đã đủ cán bộ", "Sùng Mí Chá", "Chủ tịch UBND xã Mèo Vạc"),
    ]


def test_a_quotation_over_two_paragraphs_is_one_quote():
    found = quotes("Ông Trần Văn Hùng, cử tri phường Hồng Gai, phát biểu: “Chúng tôi đề nghị đẩy nhanh tiến độ.",
                   "Người dân mong sớm được tái định cư”.",
                   "Đoạn sau.")
    assert found == [("direct", "Chúng tôi đề nghị đẩy nhanh tiến độ. Người dân mong sớm được tái định cư",
                      "Trần Văn Hùng", "cử tri phường Hồng Gai")]


def test_a_quotation_never_closed_stays_in_its_paragraph():
    assert quotes("Ông Trần Văn Hùng phát biểu: “Chúng tôi đề nghị đẩy nhanh tiến độ.", "Đoạn hai.",
                  "Đoạn ba.", "Đoạn bốn.", "Đoạn năm” cuối.") == []


def test_words_of_a_body_are_not_quotes():
    assert quotes("Theo Sở Y tế, số ca mắc giảm mạnh.", "Sở Y tế khuyến cáo: “Người dân cần tiêm”.") == []


def test_mottos_in_a_list_and_with_mixed_marks():
    found = quotes('Với phương châm “Nghe dân nói, nói dân hiểu, làm dân tin”, “Dân biết, dân bàn”, tỉnh đã '
                   'thực hiện cơ chế "Đảng lãnh đạo, Nhà nước quản lý, Nhân dân làm chủ” và khẩu hiệu '
                   '“Vì nhân dân phục vụ”.')
    assert found == [
        ("motto", "Nghe dân nói, nói dân hiểu, làm dân tin", None, None),
        ("motto", "Dân biết, dân bàn", None, None),
        ("motto", "Đảng lãnh đạo, Nhà nước quản lý, Nhân dân làm chủ", None, None),
        ("motto", "Vì nhân dân phục vụ", None, None),
    ]


def test_scare_quotes_and_names_of_events_are_not_quotes():
    assert quotes(
        "Ngăn chặn biểu hiện “tự diễn biến”, “tự chuyển hóa\" trong cán bộ; phát huy vai trò “cầu nối”.",
        "Hội nghị “Đối thoại giữa người đứng đầu cấp ủy với nhân dân” thu hút đông đảo người dân.",
        "Cuộc thi \"Tìm hiểu pháp luật\" và chương trình “Vì người nghèo” được hưởng ứng.",
    ) == []


def test_name_split_uses_the_places_before_it():
    splitter = NameSplitter(PLACES)
    assert splitter.split("Chủ tịch HĐND tỉnh An Giang Lê Văn Nưng") == (
        "Chủ tịch HĐND tỉnh An Giang", "Lê Văn Nưng")
    assert splitter.split("Giám đốc Sở Y tế Hà Tĩnh Lê Ngọc Châu") == (
        "Giám đốc Sở Y tế Hà Tĩnh", "Lê Ngọc Châu")
    assert splitter.split("Chủ tịch Hồ Chí Minh") == ("Chủ tịch", "Hồ Chí Minh")
    assert splitter.split("Chủ tịch UBND TP. Hồ Chí Minh") is None
    assert splitter.split("Sở Y tế") is None


def test_extract_quotes_keeps_order_and_positions():
    found = extract_quotes(["Ông Phạm Văn Hùng nói: “Một”.", "“Hai” - bà Lý Thị Hoa kể."], place_keys=PLACES)
    assert [(q.text, q.position) for q in found] == [("Một", 0), ("Hai", 1)]
