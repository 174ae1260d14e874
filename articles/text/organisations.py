"""How Vietnamese public bodies are named, in one place.

Articles write "UBND tỉnh", "Tỉnh ủy Thanh Hoá", "MTTQ các cấp"; the
archive stores the official full name with the locality the text makes
clear: "Ủy ban nhân dân tỉnh Thanh Hóa", "Tỉnh ủy Thanh Hóa", "Ủy ban Mặt
trận Tổ quốc Việt Nam tỉnh Thanh Hóa". The tagger and the organisations
fixture both build names here, so the two cannot drift apart.
"""

import functools

from .normalise import canonical as _canonical

# The same few names recur in every article; spelling them out once is enough.
canonical = functools.lru_cache(maxsize=4096)(_canonical)

#: Unit words as written, and the word the official name uses.
UNIT_WORDS = {
    "tỉnh": "tỉnh",
    "thành phố": "thành phố",
    "tp.": "thành phố",
    "tp": "thành phố",
    "t.p.": "thành phố",
    "t.p": "thành phố",
    "huyện": "huyện",
    "quận": "quận",
    "thị xã": "thị xã",
    "tx.": "thị xã",
    "xã": "xã",
    "phường": "phường",
    "thị trấn": "thị trấn",
    "đặc khu": "đặc khu",
}

#: The party committee of each level: "Tỉnh ủy X", "Thị ủy X", "Đảng ủy xã X".
_PARTY_COMMITTEE = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
    "xã": "Đảng ủy xã",
    "phường": "Đảng ủy phường",
    "thị trấn": "Đảng ủy thị trấn",
    "đặc khu": "Đảng ủy đặc khu",
}
#: And back: the level a committee word names ("Huyện ủy" -> huyện).
COMMITTEE_LEVEL = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}

PEOPLES_COMMITTEE = "Ủy ban nhân dân"
PEOPLES_COUNCIL = "Hội đồng nhân dân"
FATHERLAND_FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam"
INSPECTION_COMMITTEE = "Ủy ban Kiểm tra"
STANDING_BOARD = "Ban Thường vụ"
PARTY_ORGANISATION = "Đảng bộ"
PARTY_EXECUTIVE = "Đảng ủy"  # an organisation's committee: "Đảng ủy xã X", "Đảng ủy Công an tỉnh X"
#: A province's deputies to the National Assembly, as one body: "Đoàn ĐBQH tỉnh Quảng Ninh".
ASSEMBLY_DELEGATION = "Đoàn đại biểu Quốc hội"

#: Kinds of body the tagger recognises from their common spellings.
COMMITTEE, COUNCIL, FRONT, PARTY, BOARD, INSPECTION, PARTY_BODY, DEPARTMENT, LOCAL = (
    "committee", "council", "front", "party", "board", "inspection", "party_body", "department", "local",
)

#: A party committee's boards and office, with the abbreviations papers write: "Ban Dân vận Tỉnh ủy Nghệ An".
PARTY_BOARDS = {
    STANDING_BOARD: ("BTV",),
    "Ban Tuyên giáo và Dân vận": (),  # since 2025, the two boards below merged
    "Ban Tuyên giáo": (),
    "Ban Dân vận": (),
    "Ban Tổ chức": (),
    "Ban Nội chính": (),
    "Văn phòng": (),
}
YOUTH_UNION = "Đoàn Thanh niên Cộng sản Hồ Chí Minh"
#: Bodies each locality has, named "<body> <unit> <name>" at every level ("Hội Nông dân huyện Nghĩa Đàn"):
#: the socio-political organisations of the Front, the police and the provincial military command.
#: Not in the reference data: each is created the first time an import finds it, like a department.
LOCAL_BODIES = {
    "Hội Nông dân": ("Hội ND",),
    "Hội Liên hiệp Phụ nữ": ("Hội LHPN",),
    "Hội Cựu chiến binh": ("Hội CCB",),
    "Liên đoàn Lao động": ("LĐLĐ",),
    "Công an": (),
    "Bộ Chỉ huy Quân sự": ("Bộ CHQS",),
    "Bộ Chỉ huy Bộ đội Biên phòng": ("Bộ CH BĐBP", "BĐBP"),
    "Tòa án nhân dân": ("TAND", "Toà án nhân dân"),
    "Viện Kiểm sát nhân dân": ("VKSND",),
    # Also written "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn" (bodies.BODY); not "Đoàn Thanh niên" alone,
    # which a school or a company has too.
    YOUTH_UNION: ("Đoàn TNCS Hồ Chí Minh", "Đoàn TNCS HCM"),
}

#: Bodies with a Party organisation of their own since 2025, with the abbreviations papers write:
#: "Đảng ủy UBND tỉnh Gia Lai" is "Đảng ủy Ủy ban nhân dân tỉnh Gia Lai".
INNER_PARTY_BODIES = {
    PEOPLES_COMMITTEE: ("UBND",),
    "Công an": (),
    "Quân sự": (),
    "các cơ quan Đảng": (),
}

#: A province's departments (sở), by the names of before and since the reorganisation of March 2025,
#: with the abbreviations papers write: "Sở GD&ĐT tỉnh Nghệ An" is "Sở Giáo dục và Đào tạo tỉnh Nghệ An".
#: Not in the reference data: a department is created the first time an import finds it.
DEPARTMENTS = {
    "Nội vụ": (),
    "Tư pháp": (),
    "Tài chính": (),
    "Kế hoạch và Đầu tư": ("KH&ĐT", "KHĐT"),
    "Công Thương": ("Công thương",),
    "Nông nghiệp và Phát triển nông thôn": ("NN&PTNT", "NNPTNT", "Nông nghiệp và PTNT"),
    "Nông nghiệp và Môi trường": ("NN&MT",),
    "Tài nguyên và Môi trường": ("TN&MT", "TNMT"),
    "Xây dựng": (),
    "Giao thông vận tải": ("GTVT", "Giao thông - Vận tải"),
    "Khoa học và Công nghệ": ("KH&CN", "KHCN"),
    "Thông tin và Truyền thông": ("TT&TT", "TTTT"),
    "Giáo dục và Đào tạo": ("GD&ĐT", "GDĐT"),
    "Y tế": (),
    "Lao động - Thương binh và Xã hội": ("LĐ-TB&XH", "LĐTB&XH", "Lao động, Thương binh và Xã hội"),
    "Văn hóa, Thể thao và Du lịch": ("VH-TT&DL", "VHTT&DL", "VHTTDL", "Văn hóa - Thể thao và Du lịch"),
    "Văn hóa và Thể thao": ("VH&TT",),
    "Du lịch": (),
    "Ngoại vụ": (),
    "Dân tộc và Tôn giáo": (),
}


def locality(level: str, name: str) -> str:
    """"thành phố Châu Đốc"; a city named after a person keeps its unit word in capitals."""
    return f"{level} {canonical(name)}"


def party_committee(level: str, name: str) -> str:
    """"Tỉnh ủy Thanh Hóa", "Thành ủy Châu Đốc", "Đảng ủy xã Xuân Hòa"."""
    name = canonical(name)
    if level == "thành phố" and _named_after_person(name):
        return f"Thành ủy Thành phố {name}"
    return f"{_PARTY_COMMITTEE[level]} {name}"


def body_name(kind: str, level: str, name: str, head: str | None = None) -> str:
    """The official full name of a body of the given kind for one locality.

    head: for a BOARD, which of PARTY_BOARDS (the Standing Board if none); for a LOCAL body, its name
    without the place: one of LOCAL_BODIES, or a Party organisation inside one of INNER_PARTY_BODIES.
    """
    if kind == PARTY:
        return party_committee(level, name)
    if kind == BOARD:
        return f"{head or STANDING_BOARD} {party_committee(level, name)}"
    if kind == INSPECTION:
        return f"{INSPECTION_COMMITTEE} {party_committee(level, name)}"
    place = _locality_in_name(level, name)
    if kind == PARTY_BODY:
        return f"{PARTY_ORGANISATION} {place}"
    if kind == COMMITTEE:
        return f"{PEOPLES_COMMITTEE} {place}"
    if kind == COUNCIL:
        return f"{PEOPLES_COUNCIL} {place}"
    if kind == FRONT:
        return f"{FATHERLAND_FRONT} {place}"
    if kind == LOCAL and head:
        return f"{head} {place}"
    raise ValueError(f"unknown body kind {kind!r}")


def department_name(department: str, level: str, name: str) -> str:
    """"Sở Y tế tỉnh Nghệ An": a department of DEPARTMENTS, of one province."""
    return f"Sở {department} {_locality_in_name(level, name)}"


def _named_after_person(name: str) -> bool:
    # Three syllables or more, like a full name: "Hồ Chí Minh" (not "Hà Nội").
    return len(name.split()) >= 3 and name.split()[0] in ("Hồ",)


def _locality_in_name(level: str, name: str) -> str:
    name = canonical(name)
    if level == "thành phố" and _named_after_person(name):
        return f"Thành phố {name}"
    return f"{level} {name}"


def standard_bodies(province_name: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    """Full names and common spellings of a province's party, council, committee, front and deputies.

    kind is the Province kind: "tinh" or "thanh_pho". Used to generate the
    organisations fixture; the aliases are what articles write.
    """
    if kind not in ("tinh", "thanh_pho"):
        raise ValueError(f"kind must be 'tinh' or 'thanh_pho', not {kind!r}")
    name = canonical(province_name)
    level = "tỉnh" if kind == "tinh" else "thành phố"
    spellings = [f"{level} {name}"] if kind == "tinh" else [f"thành phố {name}", f"TP. {name}", f"TP {name}"]
    committee = party_committee(level, name)

    def aliases(*heads: str) -> tuple[str, ...]:
        return tuple(f"{head} {spelling}" for head in heads for spelling in spellings)

    return [
        (committee, ()),
        (body_name(BOARD, level, name), (f"BTV {committee}",)),
        (body_name(PARTY_BODY, level, name), aliases("Đảng bộ")),
        (body_name(COUNCIL, level, name), aliases("HĐND", "Hội đồng nhân dân")),
        (body_name(COMMITTEE, level, name), aliases("UBND", "Ủy ban nhân dân")),
        (body_name(FRONT, level, name), aliases("UBMTTQVN", "UBMTTQ", "Ủy ban MTTQ", "Ủy ban MTTQ Việt Nam",
                                                "MTTQ", "Ủy ban Mặt trận Tổ quốc")),
        (f"{ASSEMBLY_DELEGATION} {_locality_in_name(level, name)}", aliases("Đoàn ĐBQH", ASSEMBLY_DELEGATION)),
    ]
