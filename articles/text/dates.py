"""Datelines: the publication time printed under a title.

Provincial sites print it in many ways:

    25/11/2022 17:05
    Thứ Năm, 15/10/2020, 16:21 (GMT+7)
    15/10/2020 | 16:21
    Thứ hai, 3/2/2021 - 08:15
    15-10-2020
    Cập nhật lúc 08h15 ngày 3.2.2021
    Thứ Năm, ngày 15 tháng 10 năm 2020
    2020-10-15 16:21

A line counts only if it is a dateline and nothing else: a date inside a
sentence ("Từ ngày 15/10/2020, …") is part of the story, not its time.
Times are local (Asia/Ho_Chi_Minh); a date without a time means midnight.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from .normalise import clean

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])"
_LABEL = r"(?:cập\s*nhật|đăng|ngày\s*đăng|xuất\s*bản|thời\s*gian|đăng\s*lúc|cập\s*nhật\s*lúc)"
_DATE = (
    r"(?:(?:ngày\s*)?(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})"
    # "ngày 15 tháng 10 năm 2020", as party portals print it
    r"|(?:ngày\s+)?(?P<long_day>\d{1,2})\s+tháng\s+(?P<long_month>\d{1,2})\s*(?:năm\s+|,\s*)(?P<long_year>\d{4})"
    # "2020-10-15": ISO, as some sites copy it from their metadata
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})(?=[\sT]|$)T?)"
)
_TIME = r"(?:lúc\s*)?(?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?:\s*:\s*\d{2})?(?:\s*(?P<ampm>[ap]m))?"
_SEP = r"\s*[,|\-–—·]?\s*"
_ZONE = r"(?:\s*\(?\s*(?:gmt|utc)\s*[+]\s*0?7(?::?00)?\s*\)?)?"
_START = rf"(?:{_LABEL}\s*:?\s*)?(?:{_WEEKDAY}{_SEP})?"

# Date first ("25/11/2022 17:05") or time first ("17:05 25/11/2022").
_DATELINES = (
    re.compile(rf"{_START}{_DATE}(?:{_SEP}{_TIME})?{_ZONE}\s*\.?", re.IGNORECASE),
    re.compile(rf"{_START}{_TIME}{_SEP}(?:{_WEEKDAY}{_SEP})?{_DATE}{_ZONE}\s*\.?", re.IGNORECASE),
)


def parse_dateline(line: str) -> datetime.datetime | None:
    """The time a dateline line gives, or None if the line is not a dateline."""
    if len(line) > 80:
        return None  # a sentence, not a dateline; and no need to clean it
    line = clean(line)
    if not line or len(line) > 60 or not any(c.isdigit() for c in line):
        return None
    match = _DATELINES[0].fullmatch(line) or _DATELINES[1].fullmatch(line)
    if not match:
        return None
    parts = match.groupdict()
    form = next(prefix for prefix in ("", "long_", "iso_") if parts[prefix + "day"])
    hour, minute = int(parts["hour"] or 0), int(parts["minute"] or 0)
    ampm = (parts["ampm"] or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime.datetime(int(parts[form + "year"]), int(parts[form + "month"]), int(parts[form + "day"]),
                                 hour, minute, tzinfo=VIETNAM)
    except ValueError:
        return None  # 31/02 or 25:70: digits that only look like a date


def local_iso(value: datetime.datetime | None) -> str | None:
    """"2022-11-25T17:05" in Vietnam's time, as the gold and the API print it."""
    if value is None:
        return None
    return value.astimezone(VIETNAM).strftime("%Y-%m-%dT%H:%M")
