"""The ranking report (调度通报): the children of a street ranked on the three rates and on
volunteer activity, ties shared, the unranked last, with the movement since February; and the
spreadsheet, which opens with openpyxl and says the same."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from server.domain import need_metrics
from server.domain.need_metrics import Rate
from server.domain.ranking import Ranking, build_xlsx, competition_ranks, ranking
from server.models.places import OrgNode
from tests.cast import Cast
from tests.domain.test_dashboard import AT, FEBRUARY, MARCH, TZ, make_world, recount_volunteers


async def _march(cast: Cast, settings) -> Ranking:  # type: ignore[no-untyped-def]
    await make_world(cast, settings)
    return await ranking(cast.street, MARCH, TZ, AT)


def _table(report: Ranking, metric: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(s.node.code, s.rank, s.rank_before, s.movement) for s in report.tables[metric]]


def test_equal_values_share_a_rank_and_nothing_to_count_is_unranked():
    values = {
        "a": Decimal("0.5"),
        "b": Decimal("0.9"),
        "c": Decimal("0.5"),
        "d": None,
        "e": Decimal(0),
    }
    assert competition_ranks(values) == {"a": 2, "b": 1, "c": 2, "d": None, "e": 4}
    assert competition_ranks({}) == {}


async def test_the_rates_rank_the_communities_with_their_movement(cast: Cast, settings):
    report = await _march(cast, settings)
    # Response: B 1/1 against A 1/3 in March; in February A 1/1 and B 0/1 (answered late).
    assert _table(report, "response") == [
        ("TB", 1, 2, 1),
        ("TA", 2, 1, -1),
        ("TC", None, None, None),
    ]
    first = report.tables["response"][0]
    assert first.rate == Rate(Decimal(1), 1) and first.before == Rate(Decimal(0), 1)
    assert first.change == Decimal(100)
    assert report.tables["response"][1].change == Decimal("-66.6700")
    # Satisfaction: A satisfied (1/1), B basically satisfied (½/1); February: A dissatisfied.
    assert _table(report, "satisfaction") == [
        ("TA", 1, 1, 0),
        ("TB", 2, None, None),
        ("TC", None, None, None),
    ]


async def test_each_rate_is_the_childs_own_rate(cast: Cast, settings):
    report = await _march(cast, settings)
    start, end = MARCH.window(TZ)
    for metric in ("response", "resolution", "satisfaction"):
        for standing in report.tables[metric]:
            own = await need_metrics.rates(
                start=start, end=end, at=AT, node_path=standing.node.path
            )
            assert standing.rate == getattr(own, metric)


async def test_activity_ranks_the_share_of_members_who_served(cast: Cast, settings):
    report = await _march(cast, settings)
    # March: TA 1/1 and TB 1/1 share first place (listed by name: 乙 before 甲), TC 0/1 is
    # third; February: TB 1/1, TA 0/1, TC nobody verified yet.
    assert _table(report, "activity") == [("TB", 1, 1, 0), ("TA", 1, 2, 1), ("TC", 3, None, None)]
    for standing in report.tables["activity"]:
        recount = await recount_volunteers(standing.node.path, MARCH)
        before = await recount_volunteers(standing.node.path, FEBRUARY)
        assert (standing.rate, standing.before) == (recount["activity"], before["activity"])


async def test_a_node_without_children_has_an_empty_report(cast: Cast, settings):
    await make_world(cast, settings)
    report = await ranking(await OrgNode.get(code="TA1"), MARCH, TZ, AT)
    assert all(rows == [] for rows in report.tables.values())
    book = load_workbook(BytesIO(build_xlsx(report, TZ)))
    assert book.sheetnames[0] == "响应率排名" and book.worksheets[0].max_row == 3


async def test_the_spreadsheet_says_what_the_report_says(cast: Cast, settings):
    report = await _march(cast, settings)
    book = load_workbook(BytesIO(build_xlsx(report, TZ)))
    assert book.sheetnames == ["响应率排名", "解决率排名", "满意率排名", "党员活跃率排名"]
    sheet = book["响应率排名"]
    assert sheet["A1"].value == "测试街道调度通报：社区响应率排名（2026年3月）"
    assert "与2026年2月比较" in sheet["A2"].value
    headings = [c.value for c in sheet[3]]
    assert headings[:4] == ["名次", "较上期", "名称", "本期"] and headings[4] == "按时响应（件）"
    rows = [[c.value for c in line] for line in sheet.iter_rows(min_row=4)]
    assert rows == [
        [1, 1, "乙社区", 1.0, 1.0, 1, 0.0, 2, 100.0],
        [2, -1, "甲社区", 0.3333, 1.0, 3, 1.0, 1, -66.67],
        [None, None, "丙社区", None, 0.0, 0, None, None, None],
    ]
    assert sheet["D4"].number_format == "0.00%" and sheet["I4"].number_format == "+0.00;-0.00;0.00"
    activity = [[c.value for c in line][:4] for line in book["党员活跃率排名"].iter_rows(min_row=4)]
    assert activity == [[1, 0, "乙社区", 1.0], [1, 1, "甲社区", 1.0], [3, None, "丙社区", 0.0]]
