import datetime

import pytest

from articles.text.dates import VIETNAM, local_iso, parse_dateline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("25/11/2022 17:05", "2022-11-25T17:05"),
        ("Thứ Năm, 15/10/2020, 16:21 (GMT+7)", "2020-10-15T16:21"),
        ("15/10/2020 | 16:21", "2020-10-15T16:21"),
        ("15-10-2020", "2020-10-15T00:00"),
        ("Thứ hai, 3/2/2021 - 08:15", "2021-02-03T08:15"),
        ("Chủ nhật, 05/01/2025 08:00 AM", "2025-01-05T08:00"),
        ("Cập nhật lúc 08h15 ngày 3.2.2021", "2021-02-03T08:15"),
        ("17:05 25/11/2022", "2022-11-25T17:05"),
        ("Ngày 1/7/2025", "2025-07-01T00:00"),
        ("Thứ Năm, ngày 15 tháng 10 năm 2020", "2020-10-15T00:00"),
        ("Ngày 15 tháng 10 năm 2020 lúc 16:21", "2020-10-15T16:21"),
        ("2020-10-15 16:21", "2020-10-15T16:21"),
    ],
)
def test_datelines_in_the_forms_provincial_sites_print(line, expected):
    assert local_iso(parse_dateline(line)) == expected


def test_dateline_is_aware_in_vietnam_time():
    when = parse_dateline("25/11/2022 17:05")
    assert when.tzinfo == VIETNAM
    assert when.utcoffset() == datetime.timedelta(hours=7)


@pytest.mark.parametrize(
    "line",
    [
        "Từ ngày 15/10/2020, tỉnh đã tổ chức hội nghị.",
        "Năm 2022 tỉnh đạt 15/20 chỉ tiêu",
        "31/02/2020",
        "2020-13-45",
        "ngày 15 tháng 10 năm 2020 tỉnh tổ chức hội nghị",
        "Tăng cường mối quan hệ mật thiết giữa Đảng với Nhân dân",
        "",
    ],
)
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line) is None


def test_local_iso_of_none_is_none():
    assert local_iso(None) is None
