"""The volunteer service certificate as an A4 PDF with Chinese text (fpdf2, an embedded font).

The labels are fixed Chinese: the certificate is the document the national rules on volunteer
service records describe. Fonts: TrueType (glyf) ones first, whose PDFs use the standard
Identity-H encoding that every viewer and text extractor reads; Noto CJK is CFF-based and
renders, but some extractors cannot read its text back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import qrcode
from fontTools.ttLib import TTCollection
from fpdf import FPDF
from fpdf.fonts import FontFace


class FontMissing(RuntimeError):
    """No font with Chinese glyphs is installed where the PDF renderer looks."""


FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian/Ubuntu: fonts-wqy-microhei
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian/Ubuntu: fonts-wqy-zenhei
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian/Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)


@cache
def cjk_font() -> tuple[Path, int]:
    """The first installed font of FONT_PATHS, and which face of the collection is Chinese."""
    for name in FONT_PATHS:
        path = Path(name)
        if path.is_file():
            with TTCollection(str(path), lazy=True) as collection:
                families = [str(face["name"].getDebugName(1)) for face in collection.fonts]
            chinese = [i for i, f in enumerate(families) if f.endswith(" SC")]
            return path, chinese[0] if chinese else 0
    raise FontMissing(
        "No Chinese font for certificates: install fonts-wqy-microhei (Debian/Ubuntu), "
        f"or put one of these in place: {', '.join(FONT_PATHS)}"
    )


@dataclass(frozen=True)
class Sheet:
    """Everything printed on one certificate."""

    number: str
    code: str
    name: str
    id_label: str
    id_value: str
    period_from: date
    period_to: date
    total: str
    items: list[dict[str, Any]]
    issuer: str
    issued_on: date
    url: str
    revoked_on: date | None


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def hours_text(value: Decimal | str) -> str:
    return f"{Decimal(str(value)).normalize():f}"


def draw(sheet: Sheet) -> bytes:
    path, face = cjk_font()
    mark = f"{sheet.number}{'（已撤销）' if sheet.revoked_on else ''}"

    class Pages(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("cjk", size=8)
            self.cell(0, 6, f"{mark}  第{self.page_no()}页 共{{nb}}页", align="C")

    pdf = Pages(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("cjk", fname=str(path), collection_font_number=face)
    pdf.set_title(f"志愿服务证明 {sheet.number}")
    pdf.set_creator("Doorstep")
    pdf.add_page()
    if sheet.revoked_on:
        pdf.set_text_color(200, 0, 0)
        pdf.set_font("cjk", size=14)
        pdf.cell(
            0,
            8,
            f"本证明已于{cn_date(sheet.revoked_on)}撤销",
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("cjk", size=26)
    pdf.cell(0, 18, "志愿服务证明", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 6, f"证明编号：{sheet.number}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 8, _statement(sheet), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _facts(pdf, sheet)
    pdf.ln(4)
    _items(pdf, sheet)
    pdf.ln(6)
    _footer(pdf, sheet)
    return bytes(pdf.output())


def _statement(sheet: Sheet) -> str:
    return (
        f"兹证明{sheet.name}（{sheet.id_label}：{sheet.id_value}）"
        f"于{cn_date(sheet.period_from)}至{cn_date(sheet.period_to)}期间参加志愿服务，"
        f"经{sheet.issuer}核实，累计志愿服务时长{sheet.total}小时。服务记录如下。"
    )


def _facts(pdf: Any, sheet: Sheet) -> None:
    period = f"{cn_date(sheet.period_from)}至{cn_date(sheet.period_to)}"
    rows = [
        ("姓名", sheet.name),
        (sheet.id_label, sheet.id_value),
        ("服务期间", period),
        ("累计志愿服务时长", f"{sheet.total}小时"),
    ]
    with pdf.table(col_widths=(42, 128), first_row_as_headings=False, line_height=7) as table:
        for label, value in rows:
            table.row((label, value))


def _items(pdf: Any, sheet: Sheet) -> None:
    heading = FontFace(emphasis="", fill_color=(235, 235, 235))
    with pdf.table(
        col_widths=(12, 26, 66, 42, 24),
        text_align=("CENTER", "CENTER", "LEFT", "LEFT", "RIGHT"),
        headings_style=heading,
        line_height=7,
    ) as table:
        table.row(("序号", "服务日期", "服务内容", "服务地点", "时长(小时)"))
        for index, item in enumerate(sheet.items, 1):
            day = date.fromisoformat(item["date"]).strftime("%Y-%m-%d")
            row = (str(index), day, item["service"], item["place"], hours_text(item["hours"]))
            table.row(row)
        table.row(("", "", "合计", "", sheet.total))


def _footer(pdf: Any, sheet: Sheet) -> None:
    if pdf.will_page_break(48):
        pdf.add_page()
    top = pdf.get_y()
    image = qrcode.make(sheet.url, border=1).get_image()
    pdf.image(image, x=pdf.w - pdf.r_margin - 32, y=top, w=32, h=32)
    pdf.set_font("cjk", size=12)
    for line in (f"出具单位：{sheet.issuer}（盖章）", f"出具日期：{cn_date(sheet.issued_on)}"):
        pdf.cell(120, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(120, 7, f"验证码：{sheet.code}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(130, 6, f"查验网址：{sheet.url}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(130, 6, "凭证明编号和验证码可在上述网址查验本证明的真实性。")
