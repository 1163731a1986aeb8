"""The demo services: what each kind of centre offers and the one-time notice of what to bring."""

from __future__ import annotations

from typing import NamedTuple

from server.models.places import CentreKind
from server.models.places import MaterialForm as F
from server.models.places import ServiceCategory as C

# Material names shared by many services: key -> (name, name_en).
MATERIALS = {
    "id": ("居民身份证", "Resident ID card"),
    "hukou": ("户口簿", "Household register (hukou booklet)"),
    "photo": ("一寸白底免冠照片", "1-inch photo, white background"),
    "ssc": ("社会保障卡", "Social security card"),
    "mic": ("医保卡", "Medical insurance card"),
    "bank": ("本人银行卡", "Own bank card"),
    "proxy": ("授权委托书", "Letter of authorisation"),
    "proxy_id": ("代办人身份证", "ID card of the person acting for the applicant"),
    "deed": ("不动产权证书或房屋租赁合同", "Property certificate or tenancy agreement"),
    "marriage": ("结婚证", "Marriage certificate"),
    "birth": ("出生医学证明", "Birth medical certificate"),
    "income": ("家庭收入证明", "Proof of household income"),
    "evidence": (
        "合同、票据、聊天记录等证据材料",
        "Contracts, receipts, messages and other evidence",
    ),
    "aid_form": ("法律援助申请表", "Legal aid application form"),
    "hardship": ("经济困难状况说明表", "Statement of financial hardship"),
    "termination": ("解除或终止劳动合同证明", "Proof the employment contract ended"),
    "diploma": ("毕业证书", "Graduation certificate"),
    "cv": ("个人简历", "CV"),
    "disability": ("残疾人证", "Disability certificate"),
    "assessment": ("失能等级评估报告", "Care needs assessment report"),
    "records": ("既往病历或体检报告", "Earlier medical records or check-up reports"),
    "party_letter": ("党员组织关系介绍信", "Party membership transfer letter"),
    "party_fee": ("党费缴纳证明", "Proof of Party dues paid"),
    "plan": ("活动方案（注明人数、用途）", "Event plan (number of people, purpose)"),
    "phone": ("本人智能手机", "Own smartphone"),
    "veteran": ("退役证件", "Discharge certificate"),
    "lease": ("房屋租赁合同", "Tenancy agreement"),
    "licence": ("营业执照", "Business licence"),
    "lease_stall": ("摊位租赁合同", "Stall lease"),
    "staff_card": ("工作证或在职证明", "Work pass or proof of employment"),
}


# English for every note and condition written in SERVICES below, keyed by the Chinese. A
# condition reads after "Only if:" (适用情形：), so it is a clause, not a sentence.
NOTES_EN = {
    "须本人签字或按手印": "Signed by the applicant, or marked with their fingerprint",
    "租住的另附房东身份证复印件": "If you rent, also bring a copy of your landlord's ID card",
    "本人名下一类账户": "A full-service (Class I) account in your own name",
    "原件，单位盖章": "The original, with your employer's stamp",
    "也可提供电子版": "An electronic copy is also accepted",
    "老人本人名下账户": "An account in the older person's own name",
    "请提前整理，复印件即可": "Please sort them out beforehand; copies are fine",
    "可在现场填写": "You can fill it in at the centre",
    "本人签署承诺，无需另开证明": "You sign it as a declaration; no other certificate is needed",
    "体检前须空腹8小时": "Do not eat for 8 hours before the check-up",
    "居民身份证或医保卡任选其一": "Either your resident ID card or your medical insurance card",
    "夫妻双方": "For both spouses",
    "提前一天发送至社区邮箱或现场提交": (
        "Email it to the community office the day before, or hand it in on the day"
    ),
    "学生可持学生证": "Students may bring their student card instead",
    "家庭成员均需提供": "For every member of the household",
    "出租人、承租人双方": "For both landlord and tenant",
    "请提前充满电": "Please charge it fully before you come",
    "或商铺租赁合同": "Or a shop lease",
    "代办时提供": "you are applying on someone else's behalf",
    "首次申领社会保障卡时": "you are applying for a social security card for the first time",
    "新生儿参保时": "you are enrolling a newborn baby",
    "高校毕业生办理时": "you are registering as a university or college graduate",
    "残疾老人享受加档补贴时": (
        "you are claiming the higher rate for an older person with a disability"
    ),
    "申请护理补贴时": "you are applying for the care allowance",
    "有书面材料的": "you have anything in writing",
    "有慢性病史的": "you have a long-term illness",
    "为家人代签时": "you are signing up a family member",
    "跨省（区、市）转接时": (
        "you are transferring from or to another province, autonomous region or municipality"
    ),
    "已婚的": "you are married",
    "办理变更的": "you are changing the details of an existing licence",
}


class Material(NamedTuple):
    key: str
    form: F = F.ORIGINAL
    copies: int = 1
    note: str = ""
    condition: str = ""
    note_en: str = ""
    condition_en: str = ""


def _m(key: str, form: F = F.ORIGINAL, count: int = 1, note: str = "", cond: str = "") -> Material:
    return Material(key, form, count, note, cond, _english(note), _english(cond))


def _english(text: str) -> str:
    return NOTES_EN[text] if text else ""  # a KeyError: add the English to NOTES_EN


# Most counters accept someone acting for the applicant if they bring these two.
_PROXY = (
    _m("proxy", note="须本人签字或按手印", cond="代办时提供"),
    _m("proxy_id", cond="代办时提供"),
)


class ServiceRow(NamedTuple):
    category: C
    name: str
    name_en: str
    keywords: str
    description: str
    materials: tuple[Material, ...]
    duration: int = 30
    capacity: int = 1
    bookable: bool = True
    eligibility: str = ""
    fee: str = ""
    hours: str = ""  # a per-service override of the centre's week, see SERVICE_HOURS


# fmt: off
SERVICES: dict[str, ServiceRow] = {
    "residence": ServiceRow(
        C.CERTIFICATES, "居住证明开具", "Proof of residence", "居住证明 开证明 住址证明",
        "为辖区居民开具实际居住情况证明，用于入学、就业、办理居住证等。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("hukou"),
         _m("deed", F.ORIGINAL_AND_COPY, note="租住的另附房东身份证复印件"), *_PROXY),
        duration=15, capacity=2, eligibility="在本社区实际居住的居民"),
    "survival": ServiceRow(
        C.ELDERLY, "养老金领取资格认证", "Pension eligibility check", "生存认证 养老金 认证",
        "协助退休人员完成年度养老金领取资格认证；行动不便的可预约上门认证。",
        (_m("id"), _m("ssc"), *_PROXY), duration=15, capacity=2,
        eligibility="领取养老金的退休人员"),
    "medical": ServiceRow(
        C.SOCIAL_SECURITY, "城乡居民医保参保登记", "Residents' medical insurance enrolment",
        "医保 参保 缴费 新生儿", "办理城乡居民基本医疗保险参保登记、信息变更和缴费咨询。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("hukou"),
         _m("photo", cond="首次申领社会保障卡时"),
         _m("birth", F.ORIGINAL_AND_COPY, cond="新生儿参保时")),
        duration=20, capacity=2),
    "pension": ServiceRow(
        C.SOCIAL_SECURITY, "城乡居民养老保险参保", "Residents' pension insurance enrolment",
        "养老保险 参保 缴费档次", "办理城乡居民基本养老保险参保登记及缴费档次变更。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("hukou"), _m("bank", F.COPY, note="本人名下一类账户")),
        duration=20, capacity=2, eligibility="年满16周岁、未参加职工养老保险的居民"),
    "jobless": ServiceRow(
        C.EMPLOYMENT, "就业失业登记", "Employment and unemployment registration",
        "失业登记 就业登记 失业金", "办理就业登记、失业登记，发放《就业创业证》。",
        (_m("id"), _m("termination", note="原件，单位盖章"),
         _m("diploma", F.COPY, cond="高校毕业生办理时"), _m("photo", count=2)),
        duration=20, capacity=2),
    "jobs": ServiceRow(
        C.EMPLOYMENT, "就业创业咨询与岗位推荐", "Job advice and vacancies", "找工作 招聘 创业",
        "提供岗位推荐、创业担保贷款政策咨询和职业技能培训报名。",
        (_m("id"), _m("cv", F.COPY, count=2, note="也可提供电子版")), duration=30, capacity=3),
    "elder_pay": ServiceRow(
        C.ELDERLY, "高龄津贴申请", "Old-age allowance", "高龄津贴 80岁 补贴",
        "为年满80周岁的户籍老人受理高龄津贴申请，按月发放。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("hukou"), _m("bank", F.COPY, note="老人本人名下账户"),
         *_PROXY), duration=20, capacity=2, eligibility="年满80周岁的本市户籍老人"),
    "meals": ServiceRow(
        C.ELDERLY, "老年助餐登记", "Meal service for older people", "助餐 食堂 老年餐",
        "登记社区长者食堂助餐服务，享受分档助餐补贴。",
        (_m("id"), _m("disability", cond="残疾老人享受加档补贴时")), duration=15, capacity=2,
        eligibility="60周岁以上居民", fee="按餐计费，60周岁以上享受补贴"),
    "homecare": ServiceRow(
        C.ELDERLY, "居家养老上门服务预约", "Home care visits", "上门 助浴 助洁 护理",
        "为失能、半失能老人提供助浴、助洁、陪诊等上门服务的需求评估与预约。",
        (_m("id"), _m("hukou"), _m("assessment", F.COPY, cond="申请护理补贴时"), *_PROXY),
        duration=30),
    "disab_aid": ServiceRow(
        C.OTHER, "残疾人两项补贴申请", "Disability allowances", "残疾人 补贴 护理补贴",
        "受理困难残疾人生活补贴和重度残疾人护理补贴申请。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("disability", F.ORIGINAL_AND_COPY), _m("hukou"),
         _m("bank", F.COPY), *_PROXY), duration=20),
    "legal": ServiceRow(
        C.LEGAL, "法律咨询（律师值班）", "Legal advice (lawyer on duty)", "律师 法律 咨询 纠纷",
        "社区法律顾问现场解答婚姻家庭、劳动争议、物业纠纷等法律问题。",
        (_m("id"), _m("evidence", F.COPY, note="请提前整理，复印件即可")),
        duration=30, hours="afternoons"),
    "legal_aid": ServiceRow(
        C.LEGAL, "法律援助申请", "Legal aid application", "法律援助 免费律师",
        "为经济困难群众及特定案件当事人受理法律援助申请。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("aid_form", note="可在现场填写"),
         _m("hardship", note="本人签署承诺，无需另开证明"), _m("evidence", F.COPY), *_PROXY),
        duration=30),
    "mediation": ServiceRow(
        C.LEGAL, "人民调解", "Mediation of disputes", "调解 邻里纠纷 矛盾",
        "人民调解员调解邻里、家庭、物业等矛盾纠纷，调解不收费。",
        (_m("id"), _m("evidence", F.COPY, cond="有书面材料的")), duration=45),
    "checkup": ServiceRow(
        C.HEALTH, "老年人免费健康体检", "Free health check for older people",
        "体检 老年人 免费", "65周岁以上老人每年一次免费体检，含血常规、肝肾功能、心电图。",
        (_m("id"), _m("mic", note="体检前须空腹8小时"), _m("records", F.COPY, cond="有慢性病史的")),
        duration=20, capacity=4, eligibility="65周岁以上常住居民", hours="early"),
    "bp": ServiceRow(
        C.HEALTH, "血压血糖免费测量", "Free blood pressure and sugar tests", "血压 血糖 测量",
        "工作时间随到随测，无需预约。",
        (_m("mic", note="居民身份证或医保卡任选其一"),), bookable=False, duration=10),
    "doctor": ServiceRow(
        C.HEALTH, "家庭医生签约", "Family doctor sign-up", "家庭医生 签约 慢病",
        "与社区卫生服务中心家庭医生团队签约，享受慢病随访和健康管理。",
        (_m("id"), _m("mic"), _m("hukou", cond="为家人代签时")), duration=20, capacity=2),
    "birth_reg": ServiceRow(
        C.FAMILY, "生育服务登记", "Birth services registration", "生育登记 孕检 育儿补贴",
        "办理生育服务登记，咨询育儿补贴和免费孕前检查。",
        (_m("id", note="夫妻双方"), _m("marriage"), _m("hukou")), duration=20, capacity=2),
    "family": ServiceRow(
        C.FAMILY, "婚姻家庭咨询", "Marriage and family counselling", "婚姻 家庭 调解 心理",
        "妇联执委和心理咨询师提供婚姻家庭关系咨询。",
        (_m("id"),), duration=45),
    "party_move": ServiceRow(
        C.PARTY, "党员组织关系转接", "Transfer of Party membership", "组织关系 转接 党员",
        "办理党员组织关系转入、转出及流动党员登记。",
        (_m("party_letter"), _m("id"), _m("party_fee", F.COPY, cond="跨省（区、市）转接时")),
        duration=20),
    "room": ServiceRow(
        C.VENUE, "活动室预约", "Activity room booking", "会议室 活动室 场地",
        "社区多功能活动室可供居民文体活动、议事协商使用，可容纳30人。",
        (_m("id"), _m("plan", F.ELECTRONIC, note="提前一天发送至社区邮箱或现场提交")),
        duration=120, hours="evenings"),
    "study": ServiceRow(
        C.VENUE, "共享自习室预约", "Study room seats", "自习室 阅览 学习",
        "安静的共享自习空间，免费开放，每次限2小时。",
        (_m("id", note="学生可持学生证"),), duration=120, capacity=8),
    "housing": ServiceRow(
        C.HOUSING, "公租房申请受理", "Public rental housing application", "公租房 保障房 住房",
        "受理公共租赁住房申请，审核家庭住房和收入情况。",
        (_m("id", F.COPY, note="家庭成员均需提供"), _m("hukou", F.COPY),
         _m("marriage", F.ORIGINAL_AND_COPY, cond="已婚的"), _m("income"), *_PROXY),
        duration=30, eligibility="本市户籍或持居住证的住房困难家庭"),
    "rental": ServiceRow(
        C.HOUSING, "房屋租赁登记备案", "Tenancy registration", "租赁 备案 出租",
        "办理房屋租赁合同登记备案，用于申领居住证、子女入学。",
        (_m("lease", count=2), _m("deed", F.ORIGINAL_AND_COPY),
         _m("id", F.COPY, note="出租人、承租人双方")),
        duration=20, capacity=2),
    "welfare": ServiceRow(
        C.SOCIAL_SECURITY, "最低生活保障申请", "Minimum living allowance", "低保 困难 救助",
        "受理最低生活保障及特困人员供养申请，入户核查后公示。",
        (_m("id", F.ORIGINAL_AND_COPY), _m("hukou"), _m("income", note="家庭成员均需提供"),
         _m("bank", F.COPY), *_PROXY), duration=30),
    "veterans": ServiceRow(
        C.OTHER, "退役军人优待证申领", "Veterans' preferential card", "退役军人 优待证",
        "为退役军人和其他优抚对象办理优待证申领及信息采集。",
        (_m("id"), _m("veteran", F.ORIGINAL_AND_COPY), _m("photo", F.ELECTRONIC)), duration=20),
    "phone_class": ServiceRow(
        C.ELDERLY, "智能手机使用教学", "Smartphone lessons", "手机 健康码 挂号 视频通话",
        "志愿者一对一教老年人用手机挂号、付款、视频通话。",
        (_m("phone", note="请提前充满电"),), duration=60, capacity=5),
    "counsel": ServiceRow(
        C.HEALTH, "职工心理咨询", "Counselling for employees", "心理 压力 咨询",
        "专业心理咨询师一对一倾听，内容严格保密。",
        (_m("staff_card"),), duration=45),
    "talent": ServiceRow(
        C.EMPLOYMENT, "人才政策咨询", "Talent policy advice", "人才 落户 补贴 公寓",
        "解答人才落户、租房补贴、人才公寓申请等政策。",
        (_m("id"), _m("diploma", F.COPY), _m("staff_card", F.COPY)), duration=30, capacity=2),
    "trader": ServiceRow(
        C.OTHER, "个体工商户开业指导", "Help for small traders starting up", "个体户 执照 开店",
        "指导商户办理营业执照、食品经营许可，解读扶持政策。",
        (_m("id"), _m("lease_stall", F.COPY, note="或商铺租赁合同"),
         _m("licence", F.ORIGINAL_AND_COPY, cond="办理变更的")), duration=30),
}
# fmt: on

SERVICE_HOURS: dict[str, dict[int, list[tuple[int, int]]]] = {
    # Lawyers on duty come in the afternoons, Monday to Friday.
    "afternoons": {d: [(840, 1050)] for d in range(5)},
    # Blood tests need an empty stomach, so check-ups start before the counters open.
    "early": {d: [(480, 630)] for d in range(5)},
    # Residents use rooms after work; staff on the evening rota hand out keys.
    "evenings": {d: [(540, 1260)] for d in range(5)},
}

# What each kind of centre offers: fixed lists first, then a few more drawn from the pool.
FIXED = {
    CentreKind.CITY: ("legal_aid", "party_move", "housing", "jobs"),
    CentreKind.DISTRICT: ("legal_aid", "veterans", "disab_aid", "jobless"),
    CentreKind.STREET: ("medical", "pension", "welfare"),
    CentreKind.COMMUNITY: ("residence", "survival"),
    CentreKind.BUILDING: ("party_move", "counsel"),
    CentreKind.PARK: ("talent", "party_move", "jobs"),
    CentreKind.BUSINESS_DISTRICT: ("trader", "mediation"),
    CentreKind.MARKET: ("trader", "legal", "bp"),
}
POOL = {
    CentreKind.STREET: ("jobless", "elder_pay", "rental", "birth_reg", "mediation", "veterans"),
    CentreKind.COMMUNITY: (
        "meals",
        "homecare",
        "legal",
        "checkup",
        "bp",
        "doctor",
        "room",
        "phone_class",
        "family",
        "study",
    ),
    CentreKind.BUILDING: ("legal", "room", "study"),
}
EXTRA_FROM_POOL = {CentreKind.STREET: 2, CentreKind.COMMUNITY: 2, CentreKind.BUILDING: 1}

# Centre A and B are described in docs and tests, so their lists are fixed.
CENTRE_SERVICES = {
    "WJSQ": ("residence", "survival", "legal", "checkup", "room", "phone_class", "bp"),
    "TYSQ": ("residence", "survival", "meals", "doctor", "legal", "study"),
}
