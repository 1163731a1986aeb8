"""Static tables of the demo city 江城市 (Jiangcheng): its tree, centres, hours, units and skills.

Every name here is fictional; the city is placed near lat 30.5, lng 114.3 so maps look plausible.
"""

from __future__ import annotations

from typing import NamedTuple

from server.models.members import UnitKind
from server.models.needs import NeedKind
from server.models.places import CentreKind

SEED = 20261121

CENTRE_A_CODE = "WJSQ"  # 望江社区党群服务中心: the resident's, the member's and staff A's centre
CENTRE_B_CODE = "TYSQ"  # 桃源社区党群服务中心: staff B's centre, in another street of the district


class Person(NamedTuple):
    phone: str
    name: str


# The demo cast; every one logs in with DEMO_PASSWORD.
RESIDENT = Person("13800000001", "张丽华")
MEMBER = Person("13800000002", "李晓雯")
STAFF_A = Person("13800000003", "陈静")
STAFF_B = Person("13800000004", "刘洋")
GRID_WORKER = Person("13800000005", "赵敏")
STREET_ADMIN = Person("13800000006", "孙伟")
DISTRICT_ADMIN = Person("13800000007", "周建国")
CITY_ADMIN = Person("13800000008", "吴海燕")
RESIDENT_MOTHER = Person("13907150123", "王桂兰")  # not a user: booked for by her daughter

CITY = ("JC", "江城市", "Jiangcheng City", 30.560, 114.300, "市民之家路1号")


class Community(NamedTuple):
    code: str
    name: str
    name_en: str
    address: str


class Street(NamedTuple):
    code: str
    name: str
    name_en: str
    address: str
    communities: tuple[Community, ...]


class District(NamedTuple):
    code: str
    name: str
    name_en: str
    address: str
    lat: float
    lng: float
    streets: tuple[Street, ...]


def _c(code: str, name: str, name_en: str, address: str) -> Community:
    return Community(code, name, name_en, address)


DISTRICTS = (
    District("LJ", "临江区", "Linjiang District", "江汉大道200号", 30.585, 114.285, (
        Street("BJ", "滨江街道", "Binjiang Street", "沿江大道260号", (
            _c("WJ", "望江社区", "Wangjiang Community", "沿江大道188号"),
            _c("JT", "江滩社区", "Jiangtan Community", "江滩路36号"),
            _c("MT", "码头社区", "Matou Community", "老码头街12号"),
        )),
        Street("HS", "汉水街道", "Hanshui Street", "汉水路88号", (
            _c("TY", "桃源社区", "Taoyuan Community", "桃源路66号"),
            _c("LA", "柳岸社区", "Liu'an Community", "柳岸路9号"),
            _c("XH", "新河社区", "Xinhe Community", "新河街118号"),
        )),
    )),
    District("DH", "东湖区", "Donghu District", "湖心路1号", 30.555, 114.375, (
        Street("HB", "湖滨街道", "Hubin Street", "湖滨路120号", (
            _c("TT", "听涛社区", "Tingtao Community", "听涛路21号"),
            _c("MY", "梅园社区", "Meiyuan Community", "梅园路8号"),
            _c("YG", "渔光社区", "Yuguang Community", "渔光村路55号"),
        )),
        Street("GY", "桂园街道", "Guiyuan Street", "桂园路2号", (
            _c("DG", "丹桂社区", "Dangui Community", "丹桂路100号"),
            _c("SX", "书香社区", "Shuxiang Community", "学府路7号"),
            _c("YH", "樱花社区", "Yinghua Community", "樱花大道33号"),
        )),
        Street("MS", "磨山街道", "Moshan Street", "磨山路60号", (
            _c("SF", "松风社区", "Songfeng Community", "松风路18号"),
            _c("ZL", "竹林社区", "Zhulin Community", "竹林巷6号"),
            _c("HT", "荷塘社区", "Hetang Community", "荷塘路88号"),
        )),
    )),
    District("XS", "西山区", "Xishan District", "西山大道99号", 30.505, 114.215, (
        Street("FL", "枫林街道", "Fenglin Street", "枫林大道150号", (
            _c("HF", "红枫社区", "Hongfeng Community", "红枫路26号"),
            _c("SHQ", "石桥社区", "Shiqiao Community", "石桥街3号"),
            _c("XP", "溪畔社区", "Xipan Community", "溪畔路77号"),
        )),
        Street("LQ", "龙泉街道", "Longquan Street", "龙泉路1号", (
            _c("QQ", "清泉社区", "Qingquan Community", "清泉路15号"),
            _c("LT", "龙腾社区", "Longteng Community", "龙腾大道208号"),
            _c("CG", "翠谷社区", "Cuigu Community", "翠谷路41号"),
        )),
    )),
)  # fmt: skip

GRID_NAMES = ("第一网格", "第二网格", "第三网格", "第四网格")


class Regional(NamedTuple):
    node_code: str  # the street (or district) the centre belongs to
    kind: CentreKind
    name: str
    name_en: str
    address: str
    hours: str  # key of HOURS


REGIONAL_CENTRES = (
    Regional("BJ", CentreKind.BUILDING, "滨江金融城楼宇党群服务站",
             "Binjiang Finance Tower Party-Mass Service Station",
             "沿江大道300号滨江金融城A座3楼", "building"),
    Regional("GY", CentreKind.BUILDING, "东湖创意大厦楼宇党群服务站",
             "Donghu Creative Tower Party-Mass Service Station",
             "桂园路58号东湖创意大厦2楼", "building"),
    Regional("MS", CentreKind.PARK, "东湖科创园党群服务中心",
             "Donghu Science Park Party-Mass Service Centre",
             "磨山路1号东湖科创园综合楼1楼", "park"),
    Regional("HS", CentreKind.BUSINESS_DISTRICT, "汉水路步行街商圈党群服务站",
             "Hanshui Road Shopping Street Party-Mass Service Station",
             "汉水路步行街中段168号", "business"),
    Regional("LQ", CentreKind.MARKET, "龙泉农贸市场党群服务站",
             "Longquan Farmers' Market Party-Mass Service Station",
             "龙腾大道150号龙泉农贸市场二楼", "market"),
)  # fmt: skip

# Weekly plans as {weekday: [(opens, closes), ...]} in minutes after local midnight; two
# intervals on a day leave the lunch break between them.
_DAY = [(540, 720), (810, 1050)]  # 9:00-12:00, 13:30-17:30
HOURS: dict[str, dict[int, list[tuple[int, int]]]] = {
    "weekday": {d: _DAY for d in range(5)},
    "weekday_sat": {**{d: _DAY for d in range(5)}, 5: [(540, 720)]},
    # Office workers come at lunch time and after work.
    "building": {d: [(690, 810), (1050, 1170)] for d in range(5)},
    "park": {d: [(510, 720), (780, 1050)] for d in range(5)},
    "business": {d: [(600, 1200)] for d in range(7)},
    # Stallholders are free early, before the market's busy hours; closed on Mondays.
    "market": {d: [(450, 690)] for d in range(1, 7)},
}

HOURS_NOTES = {
    "weekday": "法定节假日休息，调休上班日正常开放",
    "weekday_sat": "周六上午开放；法定节假日休息，调休上班日正常开放",
    "building": "午间及下班后开放，方便楼宇职工",
    "park": "园区工作日开放",
    "business": "每天开放（法定节假日休息）",
    "market": "周一闭市休息",
}

# Community centres open on Saturday mornings (the rest keep weekday hours).
SATURDAY_COMMUNITIES = {"WJ", "JT", "LA", "MY", "SX", "SF", "HF", "QQ"}
SATURDAY_STREETS = {"BJ", "GY", "LQ"}


class UnitRow(NamedTuple):
    name: str
    kind: UnitKind
    contact_name: str
    contact_phone: str
    contact_email: str


UNITS = (
    UnitRow(
        "江城市财政局", UnitKind.GOVERNMENT, "黄志刚", "027-85561201", "dangban@czj.jc.example"
    ),
    UnitRow("临江区人民政府办公室", UnitKind.GOVERNMENT, "马丽", "027-85330102", ""),
    UnitRow("东湖区税务局", UnitKind.GOVERNMENT, "何军", "027-86780911", ""),
    UnitRow("江城市第一中学", UnitKind.SCHOOL, "郑红梅", "027-85412233", "dw@jc1z.example"),
    UnitRow("东湖区实验小学", UnitKind.SCHOOL, "罗敏", "027-86723345", ""),
    UnitRow("江城大学", UnitKind.SCHOOL, "谢永强", "027-86880001", "zzb@jcu.example"),
    UnitRow("江城市中心医院", UnitKind.HOSPITAL, "宋雅琴", "027-85901120", "dangwei@jcch.example"),
    UnitRow("西山区人民医院", UnitKind.HOSPITAL, "唐海", "027-84236610", ""),
    UnitRow("国网江城供电公司", UnitKind.STATE_ENTERPRISE, "许斌", "027-85775500", ""),
    UnitRow("江城地铁集团有限公司", UnitKind.STATE_ENTERPRISE, "韩冬", "027-85108899", ""),
    UnitRow("长江数智科技有限公司", UnitKind.ENTERPRISE, "冯晓", "027-87652100", "hr@cjsz.example"),
    UnitRow("湖光律师事务所", UnitKind.ENTERPRISE, "邓律", "027-86551234", ""),
    UnitRow("江城日报社", UnitKind.INSTITUTION, "曹文", "027-85223300", ""),
    UnitRow("江城市图书馆", UnitKind.INSTITUTION, "彭琳", "027-85447788", ""),
)

# The managed skill list: (code, name, name_en).
SKILLS = (
    ("tutoring", "辅导作业", "Homework tutoring"),
    ("legal", "法律咨询", "Legal advice"),
    ("clinic", "义诊", "Free health check-ups"),
    ("repair", "维修", "Repairs"),
    ("elderly_care", "助老陪伴", "Company for the elderly"),
    ("arts", "文艺", "Arts and performance"),
    ("counselling", "心理疏导", "Counselling"),
    ("waste_sorting", "垃圾分类宣传", "Waste-sorting outreach"),
    ("haircut", "理发", "Haircuts"),
    ("photography", "摄影", "Photography"),
    ("digital_help", "智能手机教学", "Smartphone lessons"),
    ("errands", "代购代办", "Errands"),
)


class CategoryRow(NamedTuple):
    key: str
    kind: NeedKind
    name: str
    name_en: str
    response_hours: int
    resolution_hours: int


# City-wide categories (node = the city), so they apply to every centre.
NEED_CATEGORIES = (
    CategoryRow("repair", NeedKind.NEED, "设施维修", "Facility repairs", 24, 72),
    CategoryRow("environment", NeedKind.NEED, "环境卫生", "Environment and sanitation", 24, 72),
    CategoryRow("dispute", NeedKind.NEED, "邻里纠纷", "Neighbour disputes", 24, 168),
    CategoryRow("elderly", NeedKind.NEED, "为老助残", "Help for the elderly and disabled", 12, 72),
    CategoryRow("policy", NeedKind.NEED, "政策咨询", "Policy questions", 24, 48),
    CategoryRow("safety", NeedKind.NEED, "安全隐患", "Safety hazards", 4, 24),
    CategoryRow("other", NeedKind.NEED, "其他诉求", "Other requests", 24, 120),
    CategoryRow("study", NeedKind.SMALL_WISH, "学习用品", "School supplies", 48, 336),
    CategoryRow("goods", NeedKind.SMALL_WISH, "生活物资", "Daily necessities", 48, 336),
    CategoryRow("company", NeedKind.SMALL_WISH, "陪伴服务", "Company and help", 48, 168),
)
# One district-wide and one centre-only category show that categories can be scoped lower.
DISTRICT_CATEGORY = (
    "DH",
    CategoryRow("property", NeedKind.NEED, "物业服务", "Property management", 24, 120),
)
CENTRE_A_CATEGORY = CategoryRow("lift", NeedKind.NEED, "加装电梯协调", "Lift installation", 48, 720)
