"""The ranking report (调度通报): the children of a node ranked on the three rates of needs and
on volunteer activity, with each one's movement since the period before; also as xlsx.

- Ranked: the child nodes (the communities of a street, the streets of a district, ...);
  needs and members placed at the node itself belong to no child and are left out.
- Figures: the response, resolution and satisfaction rates (``need_metrics``) and activity,
  active members ÷ verified members (``dashboard_volunteers``), all as of ``at``.
- Rank: highest value first; equal values share a rank and the next one skips (1, 2, 2, 4).
  A child with nothing to count (value None) has no rank and is listed last, by name.
- Movement: the rank the period before minus the rank now (3 → 1 is +2, up); None when the
  child was unranked in either period. Change: value now minus value before, in points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from server.domain import dashboard_volunteers as vo
from server.domain import need_metrics
from server.domain.dashboard_period import Period
from server.domain.need_metrics import Rate
from server.models.places import OrgNode

METRICS = ("response", "resolution", "satisfaction", "activity")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
METRIC_ZH = {
    "response": "响应率",
    "resolution": "解决率",
    "satisfaction": "满意率",
    "activity": "党员活跃率",
}
LEVEL_ZH = {"district": "区", "street": "街道", "community": "社区", "grid": "网格"}
NUMERATOR_ZH = {
    "response": "按时响应（件）",
    "resolution": "确认解决（件）",
    "satisfaction": "满意得分",
    "activity": "活跃党员（人）",
}
DENOMINATOR_ZH = {
    "response": "应响应（件）",
    "resolution": "应解决（件）",
    "satisfaction": "评价（件）",
    "activity": "已报到党员（人）",
}
COLUMNS = [  # heading, width, number format
    ("名次", 6, "0"),
    ("较上期", 9, '[Color10]"↑"0;[Red]"↓"0;"持平"'),
    ("名称", 18, "@"),
    ("本期", 10, "0.00%"),
    ("分子", 12, "General"),
    ("分母", 12, "0"),
    ("上期", 10, "0.00%"),
    ("上期名次", 9, "0"),
    ("变化（百分点）", 14, "+0.00;-0.00;0.00"),
]


@dataclass(frozen=True)
class Standing:
    """One child's figure in one ranking."""

    node: OrgNode
    rate: Rate
    before: Rate
    rank: int | None
    rank_before: int | None

    @property
    def movement(self) -> int | None:
        """Places moved up since the period before (negative: down)."""
        if self.rank is None or self.rank_before is None:
            return None
        return self.rank_before - self.rank

    @property
    def change(self) -> Decimal | None:
        """The change of the value in percentage points."""
        if self.rate.value is None or self.before.value is None:
            return None
        return (self.rate.value - self.before.value) * 100


@dataclass
class Ranking:
    node: OrgNode
    period: Period
    at: datetime
    tables: dict[str, list[Standing]]  # by metric, in rank order


def competition_ranks(values: dict[str, Decimal | None]) -> dict[str, int | None]:
    """Rank 1 for the highest value; ties share a rank and the next skips; None stays unranked."""
    ordered = sorted((v for v in values.values() if v is not None), reverse=True)
    first: dict[Decimal, int] = {}
    for place, value in enumerate(ordered, 1):
        first.setdefault(value, place)
    return {key: None if v is None else first[v] for key, v in values.items()}


async def _figures(
    node: OrgNode, children: list[OrgNode], period: Period, tz: ZoneInfo, at: datetime
) -> dict[str, dict[str, Rate]]:
    """Each child's four figures by child path; one query for the needs, two for members."""
    start, end = period.window(tz)
    needs = await need_metrics.read(start=start, end=end, at=at, node_path=node.path)
    rates = need_metrics.by_child_node(needs, node.path)
    _, volunteers = await vo.tallies(node.path, period, tz, node.path, activity_only=True)
    found: dict[str, dict[str, Rate]] = {}
    for child in children:
        r = rates.get(child.path, need_metrics.EMPTY)
        found[child.path] = {
            "response": r.response,
            "resolution": r.resolution,
            "satisfaction": r.satisfaction,
            "activity": volunteers.get(child.path, vo.Tally()).activity,
        }
    return found


async def ranking(node: OrgNode, period: Period, tz: ZoneInfo, at: datetime) -> Ranking:
    """The children of ``node`` ranked on each figure for ``period``, as of ``at``."""
    children = await OrgNode.filter(parent_id=node.id).order_by("sort_order", "name")
    now = await _figures(node, children, period, tz, at)
    before = await _figures(node, children, period.previous(), tz, at)
    tables = {}
    for metric in METRICS:
        rate = {c.path: now[c.path][metric] for c in children}
        old = {c.path: before[c.path][metric] for c in children}
        ranks = competition_ranks({p: r.value for p, r in rate.items()})
        ranks_before = competition_ranks({p: r.value for p, r in old.items()})
        rows = [
            Standing(c, rate[c.path], old[c.path], ranks[c.path], ranks_before[c.path])
            for c in children
        ]
        rows.sort(key=lambda s: (s.rank is None, s.rank or 0, s.node.sort_order, s.node.name))
        tables[metric] = rows
    return Ranking(node, period, at, tables)


# The spreadsheet ------------------------------------------------------------------------------


def period_zh(period: Period) -> str:
    if period.quarter:
        return f"{period.year}年第{period.number}季度"
    return f"{period.year}年{period.number}月"


def build_xlsx(report: Ranking, tz: ZoneInfo) -> bytes:
    """The report as a workbook: one sheet per figure, in the order of the page's tabs."""
    book = Workbook()
    for index, metric in enumerate(METRICS):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = f"{METRIC_ZH[metric]}排名"
        _sheet(sheet, report, metric, tz)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(sheet: Worksheet, report: Ranking, metric: str, tz: ZoneInfo) -> None:
    rows = report.tables[metric]
    level = LEVEL_ZH.get(rows[0].node.level.value, "") if rows else ""
    as_of = report.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    sheet.append(
        [
            f"{report.node.name}调度通报：{level}{METRIC_ZH[metric]}排名（{period_zh(report.period)}）"
        ]
    )
    sheet.append(
        [f"与{period_zh(report.period.previous())}比较；数据截至{as_of}；口径见 docs/metrics.md"]
    )
    headings = [h for h, _, _ in COLUMNS]
    headings[4], headings[5] = NUMERATOR_ZH[metric], DENOMINATOR_ZH[metric]
    sheet.append(headings)
    for line in (1, 2):
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(COLUMNS))
    sheet["A1"].font = Font(size=14, bold=True)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for s in rows:
        sheet.append(_cells(s))
    for column, (_, width, number_format) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        for (cell,) in sheet.iter_rows(min_row=4, min_col=column, max_col=column):
            cell.number_format = number_format
    sheet.freeze_panes = "D4"


def _cells(s: Standing) -> list[object]:
    def fraction(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    return [
        s.rank,
        s.movement,
        s.node.name,
        fraction(s.rate.value),
        float(s.rate.numerator),
        s.rate.denominator,
        fraction(s.before.value),
        s.rank_before,
        None if s.change is None else float(s.change),
    ]
