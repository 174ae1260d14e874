"""Build the province and district fixtures from maintained data packages.

The data is never typed in by hand. Three PyPI packages hold it:

- vietnam-provinces 0.6.x: the 63 provincial units and their 696
  district-level units as they stood before 1 July 2025;
- vietnam-provinces 2025.x: the 34 units in force since 1 July 2025;
- vietnamadminunits: which old units each new one was formed from.

The two vietnam-provinces releases cannot be installed side by side, so
`manage.py build_reference_data` installs each into a temporary folder and
hands the folders to build_fixtures(). What the packages do not record is
stated below as named constants, each with its legal source.
"""

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from articles.models.provinces import MERGER_DATE, Region
from articles.text.normalise import canonical, strip_diacritics
from articles.text.slugs import numbered, slugify_vi

LAST_DAY_BEFORE_MERGER = MERGER_DATE - datetime.timedelta(days=1)

#: Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025
#: (Resolution 1314/NQ-UBTVQH15). Both vietnam-provinces releases already
#: call code 46 "Thành phố Huế", so the earlier unit is added here.
HUE_CITY_SINCE = datetime.date(2025, 1, 1)
THUA_THIEN_HUE = {"code": 46, "name": "Thừa Thiên Huế", "full_name": "Tỉnh Thừa Thiên Huế", "kind": "tinh"}

#: The packages carry no regions. These are the General Statistics Office's
#: six socio-economic regions, given for today's 34 units; a former unit is
#: listed under the region of the unit it became part of.
REGIONS = {
    Region.NORTHERN_MOUNTAINS: ["Tuyên Quang", "Cao Bằng", "Lạng Sơn", "Lào Cai", "Thái Nguyên", "Phú Thọ",
                                "Điện Biên", "Lai Châu", "Sơn La"],
    Region.RED_RIVER_DELTA: ["Hà Nội", "Hải Phòng", "Quảng Ninh", "Bắc Ninh", "Hưng Yên", "Ninh Bình"],
    Region.CENTRAL_COAST: ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi",
                           "Khánh Hòa"],
    Region.CENTRAL_HIGHLANDS: ["Gia Lai", "Đắk Lắk", "Lâm Đồng"],
    Region.SOUTHEAST: ["Hồ Chí Minh", "Đồng Nai", "Tây Ninh"],
    Region.MEKONG_DELTA: ["Cần Thơ", "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau"],
}

#: How the press abbreviates a few units, as the tagger should find them: "TP.HCM" is
#: "TP." and "HCM". Editors add more in the admin (Province.aliases); these ship
#: because nearly every southern paper writes them.
PROVINCE_ALIASES = {
    "Hồ Chí Minh": ["HCM", "TPHCM"],
    "Bà Rịa - Vũng Tàu": ["BR-VT"],
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
}

_DISTRICT_KINDS = {"Huyện": "huyen", "Quận": "quan", "Thị xã": "thi_xa", "Thành phố": "thanh_pho"}
_PROVINCE_PREFIX = re.compile(r"^(Tỉnh|Thành phố)\s+")


@dataclass
class Unit:
    code: int
    name: str
    full_name: str
    kind: str
    slug: str = ""
    region: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    successor: "Unit | None" = None


def _key(full_name: str) -> str:
    """vietnamadminunits' key for a unit: "Tỉnh Bà Rịa - Vũng Tàu" -> "tinhbariavungtau"."""
    return re.sub(r"[^a-z0-9]", "", strip_diacritics(full_name).lower())


def _unit(code: int, full_name: str) -> Unit:
    full_name = canonical(full_name)
    name = _PROVINCE_PREFIX.sub("", full_name)
    kind = "thanh_pho" if full_name.startswith("Thành phố") else "tinh"
    if kind == "tinh" and not full_name.startswith("Tỉnh"):
        full_name = f"Tỉnh {full_name}"
    return Unit(code=code, name=name, full_name=full_name, kind=kind)


def _read(folder: Path, package: str) -> list[dict]:
    path = folder / package / "data" / "nested-divisions.json"
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def build_units(old_dir: Path, new_dir: Path, mapping_dir: Path) -> tuple[list[Unit], list[dict]]:
    """Province units (both maps, merged where unchanged) and the raw pre-2025 records."""
    old_raw = _read(old_dir, "vietnam_provinces")
    new_raw = _read(new_dir, "vietnam_provinces")
    with (mapping_dir / "vietnamadminunits" / "data" / "converter_2025.json").open(encoding="utf-8") as f:
        merged_from = json.load(f)["DICT_PROVINCE"]

    old = {_key(u.full_name): u for u in (_unit(p["code"], p["name"]) for p in old_raw)}
    new = {_key(u.full_name): u for u in (_unit(p["code"], p["name"]) for p in new_raw)}
    if len(old) != 63 or len(new) != 34:
        raise ValueError(f"expected 63 and 34 units, the packages hold {len(old)} and {len(new)}")

    region_of = {name: region for region, names in REGIONS.items() for name in names}
    units = []
    for new_key, unit in new.items():
        unit.region = region_of[unit.name]
        sources = merged_from[new_key]
        same = old.get(new_key)
        if sources == [new_key] and same and same.code == unit.code:
            units.append(unit)              # unchanged: one row, valid throughout
            continue
        unit.valid_from = MERGER_DATE
        units.append(unit)
        for old_key in sources:
            former = old[old_key]
            former.valid_to, former.successor, former.region = LAST_DAY_BEFORE_MERGER, unit, unit.region
            units.append(former)
    if len(units) != 34 + 52:
        raise ValueError(f"expected 86 rows (34 current, 52 merged), built {len(units)}")

    hue = next(u for u in units if u.code == THUA_THIEN_HUE["code"] and u.valid_to is None)
    hue.valid_from = HUE_CITY_SINCE
    units.append(Unit(**THUA_THIEN_HUE, region=hue.region, valid_to=HUE_CITY_SINCE - datetime.timedelta(days=1),
                      successor=hue))

    # Today's unit gets the plain slug; a former unit of the same name is "… cũ",
    # as Vietnamese papers write it ("An Giang cũ").
    for unit in units:
        unit.slug = slugify_vi(unit.name)
    current = {u.slug for u in units if u.valid_to is None}
    for unit in units:
        if unit.valid_to is not None and unit.slug in current:
            unit.slug += "-cu"
    return units, old_raw


def _province_record(unit: Unit) -> dict:
    return {
        "model": "articles.province",
        "fields": {
            "code": unit.code,
            "name": unit.name,
            "full_name": unit.full_name,
            "slug": unit.slug,
            "kind": unit.kind,
            "region": str(unit.region),
            "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
            "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
            "successor": [unit.successor.slug] if unit.successor else None,
            "aliases": PROVINCE_ALIASES.get(unit.name, []),
        },
    }


def _district_records(old_raw: list[dict], units: list[Unit]) -> list[dict]:
    # Districts belong to the map before the merger: the unit with their
    # province's code that was in force on 30 June 2025.
    def in_force_before_merger(unit):
        return unit.valid_to is None or unit.valid_to >= LAST_DAY_BEFORE_MERGER

    slug_by_code = {
        u.code: u.slug
        for u in units
        if (u.valid_from is None or u.valid_from < MERGER_DATE) and in_force_before_merger(u)
    }
    records = []
    for province in old_raw:
        for district in province["districts"]:
            full = canonical(district["name"])
            # The package spells two of them "Thành Phố"; compare case-blind.
            word = next(w for w in _DISTRICT_KINDS if full.lower().startswith(w.lower() + " "))
            records.append({
                "model": "articles.district",
                "fields": {
                    "code": district["code"],
                    "name": full[len(word) + 1:],
                    "kind": _DISTRICT_KINDS[word],
                    "province": [slug_by_code[province["code"]]],
                    "valid_to": LAST_DAY_BEFORE_MERGER.isoformat(),
                },
            })
    return records


def build_fixtures(old_dir: Path, new_dir: Path, mapping_dir: Path) -> dict[str, list[dict]]:
    """The fixture files' contents, keyed by file name."""
    units, old_raw = build_units(old_dir, new_dir, mapping_dir)
    # Successors first, so loaddata can resolve every natural key in one pass.
    units.sort(key=lambda u: (u.valid_to is not None, u.code, u.slug))
    return {
        "provinces.json": [_province_record(u) for u in units],
        "districts.json": _district_records(old_raw, units),
    }


# --- Organisations -----------------------------------------------------------

#: National bodies a reader expects to find, with their usual short forms.
#: (name, kind, aliases, parent name)
NATIONAL_BODIES = [
    ("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "party",
     ["Ban Chấp hành Trung ương Đảng", "BCH Trung ương Đảng"], None),
    ("Bộ Chính trị", "party", [], "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"),
    ("Ban Bí thư", "party", ["Ban Bí thư Trung ương Đảng"], "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"),
    ("Ủy ban Kiểm tra Trung ương", "party", ["UBKT Trung ương"], "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"),
    ("Quốc hội", "agency", ["Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam"], None),
    ("Ủy ban Thường vụ Quốc hội", "agency", ["UBTVQH"], "Quốc hội"),
    ("Chính phủ", "agency", ["Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"], None),
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "front",
     ["Ủy ban Trung ương MTTQ Việt Nam", "UBTƯ MTTQ Việt Nam", "Ủy ban Trung ương MTTQVN"], None),
    ("Tổng Liên đoàn Lao động Việt Nam", "mass", [], None),
    ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "mass", ["Trung ương Đoàn"], None),
    ("Hội Liên hiệp Phụ nữ Việt Nam", "mass", [], None),
    ("Hội Nông dân Việt Nam", "mass", [], None),
    ("Hội Cựu chiến binh Việt Nam", "mass", [], None),
]

_STANDING_COMMITTEE = "Ban Thường vụ "


def build_organisations(province_records: list[dict]) -> list[dict]:
    """organisations.json: the national bodies, and every province's standard bodies.

    Standard bodies (Tỉnh ủy, its Standing Committee, the provincial Party
    organisation, People's Council, People's Committee, Fatherland Front
    committee, National Assembly delegation) are named by articles.text.organisations.standard_bodies(), the
    same rules the parser expands abbreviations with, for every unit current
    or former. A former unit whose name today's unit kept (An Giang before
    and after 2025) shares its bodies' names with it; the one row belongs
    to today's unit, where readers find both.
    """
    from articles.tagging import organisation_kind
    from articles.text.organisations import ASSEMBLY_DELEGATION, standard_bodies

    bodies: dict[str, dict] = {}

    def add(name, kind, aliases, province_slug, parent_name):
        name = canonical(name)
        if name in bodies:
            return
        aliases = [canonical(a) for a in aliases if canonical(a) != name]
        bodies[name] = {"name": name, "kind": kind, "aliases": list(dict.fromkeys(aliases)),
                        "province": province_slug, "parent": parent_name}

    for name, kind, aliases, parent in NATIONAL_BODIES:
        add(name, kind, aliases, None, parent)
    # Today's units first, so a name shared with a former unit goes to today's.
    records = sorted(province_records, key=lambda r: r["fields"]["valid_to"] is not None)
    for record in records:
        fields = record["fields"]
        for name, aliases in standard_bodies(fields["name"], fields["kind"]):
            parent = name[len(_STANDING_COMMITTEE):] if name.startswith(_STANDING_COMMITTEE) else None
            if name.startswith(ASSEMBLY_DELEGATION):
                parent = "Quốc hội"
            add(name, organisation_kind(name), aliases, fields["slug"], parent)

    slugs: set[str] = set()
    slug_of = {}
    for name in bodies:
        slug = numbered(slugify_vi(name), lambda s: s in slugs)
        slugs.add(slug)
        slug_of[name] = slug
    # Parents before children, so loaddata resolves every natural key in one pass.
    ordered = sorted(bodies.values(), key=lambda b: b["parent"] is not None)
    return [
        {
            "model": "articles.organisation",
            "fields": {
                "name": body["name"],
                "short_name": _short_name(body["name"], body["aliases"]),
                "slug": slug_of[body["name"]],
                "aliases": body["aliases"],
                "kind": body["kind"],
                "province": [body["province"]] if body["province"] else None,
                "parent": [slug_of[body["parent"]]] if body["parent"] in slug_of else None,
            },
        }
        for body in ordered
    ]


def _short_name(name: str, aliases: list[str]) -> str:
    """The shortest alias (“UBND tỉnh Thanh Hóa”), when it is shorter than the name and fits short_name."""
    shortest = min(aliases, key=len, default="")
    return shortest if len(shortest) < len(name) and len(shortest) <= 100 else ""
