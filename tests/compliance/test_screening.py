"""Free-text screening: value mentions, look-alikes, refusals, patient identifiers, the command."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
from crm.compliance.defaults import READER_THRESHOLD
from crm.compliance.management.commands.screen import evaluate
from crm.compliance.screening import (
    NATURES,
    Screener,
    TextHit,
    get_screener,
    mask_identifier,
    patient_identifier_hits,
    valid_resident_id,
)

DATA = Path(__file__).parent / "data"
SCREENER = get_screener(DEFAULT_SCREENING_TERMS)


def natures(text: str) -> set[str]:
    return {hit.nature for hit in SCREENER.value_hits(text)}


# --- value given -----------------------------------------------------------------------------

POSITIVES = [
    # (text, a nature that must be reported)
    ("中午请王院长和李医生在镇上吃了顿饭", "food"),
    ("晚上宴请了西关镇卫生院院领导", "food"),
    ("请他们科室聚餐，我买的单", "food"),
    ("端午节给柳河村卫生室的刘医生送了一箱粽子", "gift"),
    ("给赵主任带了两盒茶叶", "gift"),
    ("中秋给每个医生送了月饼礼盒", "gift"),
    ("春节给院长发了一张500元的购物卡", "cash"),
    ("给李医生微信转账500", "cash"),
    ("给村医塞了一个红包", "cash"),
    ("给他拿了一张加油卡", "cash"),
    ("送了一台电子血压计给卫生院", "supplies"),
    ("免费提供了一批血糖试纸", "supplies"),
    ("安排两个医生来我院免费进修三个月，包食宿", "education"),
    ("带北塘镇卫生院的医生去三亚玩了五天，机票酒店我们出", "travel"),
    ("请村医们去KTV唱歌", "entertainment"),
    ("周末约了郑院长打高尔夫", "entertainment"),
    ("给每位医生送了一个印有我院logo的保温杯", "promotional"),
    ("帮王院长的爱人免费做了全套体检", "free_service"),
    ("赞助了卫生院的职工运动会", "sponsorship"),
    ("请刘主任讲了一次课，给了讲课费800元", "honorarium"),
    ("给刘医生充了200块话费", "other"),
    ("Took Dr. Li and two nurses out for dinner.", "food"),
    ("Gave Dr. Wang a 500 RMB shopping card for Spring Festival.", "cash"),
    ("Donated a blood pressure monitor to the township health center.", "supplies"),
    ("Paid the speaker fee to Dr. Zhou.", "honorarium"),
    ("Flew the clinic directors to Sanya for a study tour, hotel included.", "travel"),
    ("Sponsored the annual staff sports day.", "sponsorship"),
    ("给王主任的WeChat转了500，说是辛苦费", "honorarium"),
    ("周末带刘院长去打golf", "entertainment"),
    ("给孙医生买了一张Starbucks礼品卡", "cash"),
]


@pytest.mark.parametrize(
    "text",
    [
        "跟马院长谈好，每介绍一个住院病人给他200块",
        "转过来的病人按住院费的10%返给他们",
        "给他们科室的提成已经结清",
        "答应给张医生的介绍费这周给了",
        "We pay 100 yuan per referral.",
        "The clinic director will get 10% of the bill for every patient they send us.",
        "给刘医生的kickback已经通过支付宝转过去了",
    ],
)
def test_value_tied_to_referrals_is_prohibited(text):
    tied = [h for h in SCREENER.value_hits(text) if h.rule == "tied_to_referrals"]
    assert tied, SCREENER.value_hits(text)
    assert all(h.severity == "prohibited" and h.nature == "referral_fee" for h in tied)


def test_ordinary_value_is_for_review():
    (hit,) = SCREENER.value_hits("端午节送了一箱粽子")
    assert (hit.rule, hit.severity, hit.nature, hit.match) == ("undeclared_text", "review", "gift", "粽子")


HARD_NEGATIVES = [
    # look-alikes sharing characters or spelling
    "把上周的病理标本送检",
    "帮卫生院送标本到我院检验科",
    "护送一名脑卒中患者转到我院",
    "下午送病人回社区卫生服务站做康复",
    "今天请假半天",
    "已经请示科主任，下周回复卫生院",
    "向李主任请教了基层高血压用药的问题",
    "请赵主任会诊了一个疑难病例",
    "王院长说请稍等",
    "刘院长很有礼貌",
    "嘱患者饭后服用二甲双胍，餐后两小时血糖控制在10以下",
    "患者吃饭差，体重下降明显",
    "住院费用大约八千，医保报销比例70%左右",
    "医保按住院费的70%报销",
    "在医院群里抢红包，几毛钱",
    "下转的病人在卫生院做康复按摩",
    "Dr. Li will present the case on Friday.",
    "Discussed the treatment plan; he treated the patient for hypertension.",
    "Dr. Huang is a gifted clinician.",
    "Gave the staff a tip on dosing warfarin.",
    "Take metformin after dinner.",
    "送检的CT片子已经上传PACS",
    # the liaison's own meals and travel
    "我自己在镇上吃了午饭，下午继续走访",
    "出差住宿在县城的快捷酒店",
    "I had lunch on my own at a noodle shop.",
    "我自己在镇上吃了lunch",
    # patient-education material
    "给卫生院留了一批患者教育手册和高血压宣传折页",
    "Left 200 copies of the patient education leaflet at the clinic.",
    # another party's offer
    "某药企代表请他们吃饭，我方未参与",
    "Heard that a pharma rep took the clinic doctors to dinner; we were not involved.",
    # refused, declined, negated, policy
    "对方提出要红包，我明确拒绝",
    "主任说要提成，已告知医院不允许",
    "婉拒了他们的宴请",
    "he asked for a referral fee, I declined",
    "He asked for a referral fee. I declined.",
    "we do not pay per referral",
    "我院不支付任何转诊费用",
    "我们不送礼",
    "没有送任何礼品",
    "No gifts, meals or cash were given.",
    "王院长提出要kickback，我明确拒绝了",
    # plain work notes
    "签订双向转诊协议，24小时内反馈转诊结果",
    "安排下周三在卫生院开讲座，面向全体医务人员",
    "周六组织义诊，免费为村民测血压血糖",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_are_not_reported(text):
    assert SCREENER.value_hits(text) == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("拒绝了现金，改送了购物卡", "购物卡"),
        ("虽然说不用，还是留下了两盒茶叶", "茶叶"),
        ("王主任拒绝了红包，后来改送了一套茶具", "茶具"),
        ("Dr. He declined at first but still accepted the gift card.", "gift card"),
        ("没有送礼，只是请他吃了顿便饭", "请他吃"),
    ],
)
def test_refusal_scope_is_local(text, match):
    assert match in [h.match for h in SCREENER.value_hits(text)]


def test_refusal_does_not_reach_other_sentences():
    text = "上次王院长要红包，我拒绝了。今天给他送了两盒茶叶。"
    assert [h.match for h in SCREENER.value_hits(text)] == ["茶叶"]


def test_own_expense_only_cancels_meals_and_travel():
    assert natures("我自己在镇上吃了午饭，给卫生院送了一箱粽子") == {"gift"}


def test_lookalike_cancels_only_what_it_overlaps():
    assert natures("送检标本后，给检验科送了一箱水果") == {"gift"}


def test_terms_come_from_the_dict_not_the_code():
    screener = Screener({"value_terms": {"gift": ["锦旗"]}, "refusal_terms": ["没要"], "lookalike_terms": ["锦旗墙"]})
    assert [h.match for h in screener.value_hits("送了一面锦旗")] == ["锦旗"]
    assert screener.value_hits("锦旗墙上挂满了") == []
    assert screener.value_hits("锦旗他没要") == []
    assert screener.value_hits("请王院长吃饭") == []  # not in this dict
    assert Screener({}).value_hits("请王院长吃饭，送了红包") == []


def test_term_syntax_gap_plural_and_star():
    screener = Screener({"value_terms": {"food": ["请…吃"], "gift": ["gift"], "sponsorship": ["sponsor*"]}})
    assert [h.match for h in screener.value_hits("请王院长吃")] == ["请王院长吃"]
    assert screener.value_hits("请王院长，明天吃") == []  # a gap never crosses a comma
    assert [h.match for h in screener.value_hits("Two Gifts")] == ["Gifts"]
    assert screener.value_hits("gifted") == []
    assert [h.match for h in screener.value_hits("we sponsored it")] == ["sponsored"]


def test_get_screener_is_memoised_on_content():
    a = get_screener({"value_terms": {"gift": ["礼品"]}})
    b = get_screener({"value_terms": {"gift": ["礼品"]}})
    c = get_screener({"value_terms": {"gift": ["礼盒"]}})
    assert a is b
    assert a is not c


def test_default_terms_are_json_and_use_nature_values():
    assert json.loads(json.dumps(DEFAULT_SCREENING_TERMS)) == DEFAULT_SCREENING_TERMS
    assert set(DEFAULT_SCREENING_TERMS["value_terms"]) == set(NATURES)
    assert set(DEFAULT_SCREENING_TERMS["given_items"]) <= set(NATURES)


# --- giving structures and families (written for these tests, not taken from the corpora) -----

STRUCTURE_POSITIVES = [
    # giving structures: buying, booking, paying, filling up for someone
    ("给镇卫生院的刘院长买了两张周末的高铁票", "gift"),
    ("帮谢院长订了去厦门的往返机票", "gift"),
    ("刘医生手机欠费了，我顺手帮他充了三百", "other"),
    ("给冯主任的车加了一箱油", "gift"),
    ("给诊所医生的孩子报了个英语班，学费我们来付", "other"),
    ("帮钱医生垫付了他女儿的学费", "other"),
    # "we paid"
    ("陪黄院长去钓了一天鱼，中午在鱼塘边的饭店吃的，我们结的账", "other"),
    ("曹主任来我院学习两周，住宿安排在医院附近的宾馆，费用我们科出", "other"),
    ("付主任参加省里的年会，会务费由我们这边承担", "other"),
    ("年底给几个合作村医发了年终奖，走的科室经费", "cash"),
    # waivers
    ("老周医生做了白内障手术，手术费和住院费我们全给他免了", "free_service"),
    ("李医生的爱人来我院生孩子，住院费减了一半", "free_service"),
    ("给他爱人安排了体检，没让她交钱", "free_service"),
    # money moving, with a sum of money
    ("给诊所老板转了2000块，算是上个季度的合作费用", "cash"),
    ("给社区中心的马主任微信转了888", "cash"),
    ("社区中心搞元旦联欢，我们出了五千块买奖品", "other"),
    ("孙院长家里装修缺钱，我们私下借给他两万，说不用着急还", "cash"),
    ("村医张大夫家里盖房子，我们随了一千块份子钱", "cash"),
    # families of things, with a giving word
    ("把两箱苹果搬到了卫生院院长办公室", "gift"),
    ("国庆节前往每个合作诊所寄了两箱脐橙", "gift"),
    ("给镇卫生院的孙医生送了一台按摩椅", "gift"),
    ("给社区中心的韩主任寄了几斤新茶", "gift"),
    ("给卫生院捐了两台电脑和一台打印机", "supplies"),
    ("把一台九成新的监护仪送给了卫生室，一分钱没收", "supplies"),
    ("把一个装了两千块的信封塞进了他的口袋", "cash"),
    ("给卫生院全体医生每人发了一张京东E卡", "cash"),
    ("周医生说想要个平板，第二天我就送过去了", "gift"),
    ("托人给他带了一盒安神的中药茶，没收他钱", "gift"),
    ("给社区中心冯主任的儿子买了一套乐高", "gift"),
    # per case, per surgery
    ("跟西河诊所约定，转来做白内障的病人，每台补他们两百", "referral_fee"),
    ("Promised Dr. Tang 300 yuan for each CT patient he refers to us.", "referral_fee"),
    # English structures
    ("Bought Dr. Chen a new laptop for his home office.", "gift"),
    ("Covered the registration and hotel for two township doctors at the congress.", "other"),
    ("Gave the clinic director an envelope with 3,000 yuan after the meeting.", "cash"),
    ("Sent Dr. Liu a box of premium ginseng for the Lunar New Year.", "gift"),
    ("Comped the MRI for Dr. Zhang's mother.", "free_service"),
    ("Dropped off two cases of beer at the village clinic for their staff party.", "gift"),
    ("Took the clinic team to a hot spring resort for the weekend; rooms and meals on us.", "other"),
    ("Paid Dr. Huang a 2,500 yuan speaker fee in cash, no contract signed.", "honorarium"),
    ("Dr. Sun refused the cash, so I gave him a gift card instead.", "cash"),
]


@pytest.mark.parametrize(("text", "nature"), POSITIVES + STRUCTURE_POSITIVES)
def test_value_given_is_reported_with_its_nature(text, nature):
    hits = SCREENER.value_hits(text)
    assert nature in {h.nature for h in hits}, hits
    for hit in hits:
        assert text[hit.start : hit.end] == hit.match
        assert hit.nature in NATURES


STRUCTURE_NEGATIVES = [
    # the clinician pays the normal fee, or the normal process is followed
    "卫生院的进修医生结业，进修费已经按标准交齐",
    "进修名额按正常流程申请，进修费照常交",
    "帮卫生院的护士联系了培训报名，培训费按正常标准由卫生院自己交",
    # the liaison's own trip, reimbursed by finance
    "出差两天，住宿和高铁票已经交财务报销",
    "Our team drove to the clinic and paid for our own lunch at a local restaurant.",
    # a third party's event
    "听说有个器械公司的sales请全院医生聚餐，是他们公司的活动，我们这边没人去",
    "A pharma sales rep hosted a dinner for the clinic doctors; nobody from our hospital attended.",
    # negations and answers
    "这次拜访没有送任何东西，也没有吃饭",
    "院长问我们转诊有没有提成，我说没有",
    "院长问我们有没有讲课费，我说讲座是公益性质，没有讲课费",
    "Dr. Li asked if we could cover his hotel for the conference. I said that is not allowed.",
    "He wanted a gift card for his help, but I told him we cannot do that.",
    "Dr. Lin wanted us to sponsor his team's trip, but I declined.",
    "The clinic offered me a box of tea; I declined and left it on his desk.",
    "The clinic asked for free glucometers. I explained that we cannot provide equipment.",
    # given to patients, to us, or returned
    "帮患者家属买了一份盒饭，他们在外面守了一夜",
    "卫生院给我们送了两箱自家种的橘子，我们按规定退回去了",
    "今天把借卫生院的两台输液泵还给了卫生院",
    "院长说他们自己买了一台新的彩超，想请我们去培训操作",
    "The clinic bought its own blood pressure monitors with county funds.",
    # counts are not money; 出 and 120 in other senses
    "今天转了12个病人过来，都已经安排住院",
    "拨打120把病人从卫生院转到我院急诊",
    "我们出发前给卫生院打电话确认了病人情况",
    "Handed out 300 copies of the diabetes education booklet at the community health day.",
    # paperwork in boxes, public subsidies, patient prices
    "给卫生院寄了两箱高血压宣传折页和转诊登记本",
    "公卫补助今年每人增加了十块钱，村医们很关心",
    "病人术后住院费一共两万三，医保报了一万五",
]


@pytest.mark.parametrize("text", STRUCTURE_NEGATIVES)
def test_structure_hard_negatives_are_not_reported(text):
    assert SCREENER.value_hits(text) == []


def test_amount_placeholder_means_money_not_a_count():
    screener = Screener(
        {
            "value_terms": {"cash": ["转了…{amount}"]},
            "amount_units": ["元", "块", "万", "yuan"],
            "count_units": ["个", "份", "例"],
        }
    )
    for text in ("转了800给他", "转了两百块", "转了1,500 yuan", "转了¥300", "转了两万"):
        assert screener.value_hits(text), text
    for text in ("转了12个病人", "转了三百份资料", "转了3例", "转了两个"):
        assert screener.value_hits(text) == [], text


def test_english_negation_covers_only_what_follows():
    screener = Screener(
        {"value_terms": {"honorarium": ["speaker fee"], "gift": ["gift"]}, "negation_ahead_terms": ["no", "not"]}
    )
    assert screener.value_hits("Paid the speaker fee, no contract signed.")
    assert screener.value_hits("No gifts were given.") == []
    assert screener.value_hits("We did not give a gift.") == []


def test_leading_refusal_does_not_reach_back_when_a_contrast_follows():
    terms = {"value_terms": {"gift": ["gift card"]}, "refusal_terms": ["said no"], "contrast_terms": ["but"]}
    screener = Screener(terms)
    assert screener.value_hits("Left a gift card. He said no.") == []
    assert screener.value_hits("Left a gift card. He said no at first but kept it.")


def test_contrast_introducing_a_refusal_does_not_cut_it_off():
    terms = {"value_terms": {"cash": ["红包"]}, "refusal_terms": ["拒绝"], "contrast_terms": ["但"]}
    screener = Screener(terms)
    assert screener.value_hits("院长想要红包，但我拒绝了") == []
    assert screener.value_hits("我拒绝了，但还是留下了红包")


def test_refusal_inside_a_value_term_or_giving_word_is_no_refusal():
    terms = {
        "value_terms": {"free_service": ["一分钱没收"]},
        "given_items": {"supplies": ["血压计"]},
        "give_verbs": ["送", "不用…还"],
        "refusal_terms": ["没收", "不用"],
    }
    screener = Screener(terms)
    assert screener.value_hits("配了三台雾化机，一分钱没收")
    assert screener.value_hits("送了一台血压计，说不用着急还")
    assert screener.value_hits("送了一台血压计，院长不用") == []


def test_normal_fee_cancels_only_its_natures():
    terms = {
        "value_terms": {"education": ["进修费"], "gift": ["茶叶"]},
        "normal_fee_terms": ["照常交"],
        "normal_fee_natures": ["education"],
    }
    screener = Screener(terms)
    assert screener.value_hits("进修费照常交") == []
    assert [h.nature for h in screener.value_hits("送了茶叶，进修费照常交")] == ["gift"]


@pytest.mark.parametrize(
    "text",
    [
        "给赵医生家孩子在我们检验科安排了一个暑期实习",
        "宋站长家属住院，帮忙协调提前安排了床位",
        "Arranged for Dr. Chen's mother to get a bed ahead of the queue.",
        # the relative named in the sentence before the favour
        "Dr Li's mum needs a knee replacement. Pulled a few strings, she's in next week.",
        "刘院长的爱人要做胆囊手术。我跟肝胆外科打了招呼，把她插到这周四。",
    ],
)
def test_a_favour_for_a_clinicians_family_is_value(text):
    assert natures(text) == {"other"}


@pytest.mark.parametrize(
    "text",
    [
        "患者家属要求提前安排床位，已协调",
        "患者的女儿在外地工作，随访改为电话",
        "帮忙安排了实习生带教计划",  # a favour word without a relative
        "刘医生的儿子在读高三。今天核对了转诊数据。下午帮忙安排了实习生带教计划。",  # two sentences apart
        "王医生的女儿今天发烧请假了。我们和卫生院商量了下个月的实习安排。",  # the next sentence is about others
        "Dr Wang's husband was admitted yesterday. Discussed priority triage for chest pain patients with the ED.",
        "Discussed the patient's daughter's questions about the admission date.",
    ],
)
def test_patients_relatives_and_favour_words_alone_are_not_value(text):
    assert natures(text) == set()


def test_a_negation_negates_its_object_or_answers_an_offer():
    assert natures("给诊所免费提供了一批试剂，先用着，不用签协议") == {"supplies"}
    assert natures("想请李医生吃饭，他说不用了") == set()


def test_someone_elses_doing_covers_the_clauses_after_it_until_we_act():
    assert natures("器械公司在博兴搞了个产品推介会，给来的村医每人一个血氧仪") == set()
    assert natures("器械公司在博兴搞了个产品推介会，我们给站长带了两盒茶叶") == {"gift"}


def test_our_own_trip_covers_the_clauses_after_it_until_a_partner_appears():
    assert natures("出差去德州，住的汉庭，晚饭自己吃的拉面，回来报销") == set()
    assert natures("出差到县里，晚上请王院长吃饭") == {"food"}


def test_a_question_answered_yes_is_no_refusal():
    assert natures("站长问能不能按人头算，我说可以，一个两百") == {"referral_fee"}
    assert natures("站长问能不能按人头算，一个两百") == set()


def test_a_negation_with_its_own_object_does_not_reach_back():
    assert natures("给私立诊所转账一万五，备注学术支持费，实际上没有任何学术活动") >= {"cash"}
    assert natures("给Dr. Yeung的诊所装了一台生化分析仪，不收租金也不用还") == {"supplies"}
    assert natures("对方想要两张购物卡，我没给") == set()
    assert natures("对方想要两张购物卡，我们没给他") == set()


def test_a_waiver_for_someone_is_value_even_with_a_pronoun():
    assert natures("邓医生进修的住宿费我们科里先垫了，不用他还") != set()
    assert "supplies" in natures("给合作诊所免费送了一批耗材，不用他们付款")


def test_an_acceptance_overrules_the_refusal_before_it():
    assert natures("对方开始说不收，推了两次，最后还是收下了那两条烟") == {"gift"}
    assert natures("Dr. Qin refused the supermarket card at first but ended up keeping it.") == {"cash"}
    assert natures("Dr. Qin refused the supermarket card.") == set()
    # an acceptance of something given to us (a banner) overrules nothing
    assert natures("老板要送我们科一面锦旗和一箱水果，水果我坚持退回去了，锦旗留下了挂在走廊") == set()


def test_wu_and_wei_negate_only_what_follows():
    assert natures("本次走访全程未安排用餐，无礼品，无费用发生") == set()
    assert natures("无偿赠送了一台血压计") == {"supplies"}
    assert natures("送了两盒茶叶，无其他安排") == {"gift"}


def test_every_list_is_explained_in_the_readme():
    readme = " ".join(DEFAULT_SCREENING_TERMS["_readme"])
    for name in DEFAULT_SCREENING_TERMS:
        if name != "_readme" and not name.endswith("_natures"):
            assert f"{name}:" in readme or f"{name}." in readme, name


# --- patient identifiers ---------------------------------------------------------------------


def with_check_digit(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(prefix17, weights, strict=True))
    return prefix17 + "10X98765432"[total % 11]


def wrong_check_digit(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


VALID_ID = with_check_digit("11010519491231002")


def test_valid_resident_id():
    assert VALID_ID == "11010519491231002X"
    assert valid_resident_id(VALID_ID)
    assert valid_resident_id(VALID_ID.lower())
    other = with_check_digit("44030619850612341")
    assert valid_resident_id(other)
    assert not valid_resident_id(wrong_check_digit(other))
    assert not valid_resident_id(wrong_check_digit(VALID_ID))


@pytest.mark.parametrize(
    "number",
    [
        with_check_digit("11010519491331002"),  # month 13
        with_check_digit("11010518000101002"),  # born 1800
        with_check_digit("99010519491231002"),  # no such province
        "1101051949123100",  # too short
    ],
)
def test_implausible_resident_ids(number):
    assert not valid_resident_id(number)


def test_resident_id_in_text_is_blocked_and_masked():
    number = with_check_digit("32010219800101123")
    (hit,) = patient_identifier_hits(f"患者身份证号{number}，已转诊")
    assert (hit.rule, hit.severity, hit.nature) == ("patient_identifier", "blocked", "")
    assert hit.match == number[:6] + "********" + number[-4:]
    assert number not in hit.match


def test_eighteen_digits_with_wrong_check_digit_are_ignored():
    number = wrong_check_digit(with_check_digit("32010219800101123"))
    assert patient_identifier_hits(f"订单号{number}") == []


@pytest.mark.parametrize(
    "text",
    ["电话13812345678", "电话 138-1234-5678", "手机：+86 138 1234 5678", "联系方式:008613812345678"],
)
def test_mobile_numbers_with_separators(text):
    (hit,) = patient_identifier_hits(text)
    assert hit.match == "138****5678"
    assert hit.rule == "patient_identifier"


@pytest.mark.parametrize(
    "text",
    [
        "订单号2023113812345678901",  # inside a longer run of digits
        "流水号913812345678",
        "座机0755-23456789",
        "编号12812345678",  # 12x is not a mobile prefix
    ],
)
def test_not_mobile_numbers(text):
    assert patient_identifier_hits(text) == []


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("姓名：张三，男，65岁", "张**"),
        ("患者王某某，男，72岁", "王**"),
        ("患者：李建国，COPD", "李**"),
        ("患者李建国 男 65岁", "李**"),
        ("患者李某因胸痛入院", "李**"),
        ("患者欧阳明华，女", "欧阳**"),
        ("Patient name: Wang Jianguo", "Wang **"),
    ],
)
def test_labelled_patient_names(text, masked):
    assert [h.match for h in patient_identifier_hits(text)] == [masked]


@pytest.mark.parametrize(
    "text",
    [
        "患者男性，65岁",
        "患者女，65岁",
        "患者家属要求转院",
        "患者病情稳定",
        "患者本人同意",
        "患者于今日出院",
        "患者明日出院",
        "患者高血压病史10年",
        "患者张口困难。",
        "患者陈述胸痛",
        "病例编号HX2023-017，患者男",
    ],
)
def test_not_patient_names(text):
    assert patient_identifier_hits(text) == []


def test_mask_identifier():
    assert mask_identifier("resident_id", "110105194912310021") == "110105********0021"
    assert mask_identifier("mobile", "+86 138-1234-5678") == "138****5678"
    assert mask_identifier("name", "张三") == "张**"
    with pytest.raises(ValueError):
        mask_identifier("passport", "E1234567")


def test_text_hit_is_frozen():
    hit = TextHit("undeclared_text", "review", "红包", "cash", 0, 2)
    with pytest.raises(AttributeError):
        hit.match = "x"


# --- corpora ---------------------------------------------------------------------------------


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def measure(rows: list[dict]) -> dict:
    return evaluate([(row, SCREENER.value_hits(row["text"])) for row in rows])


def test_dev_corpus_shape():
    rows = load(DATA / "screening_dev.jsonl")
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    positives = sum(r["tov"] for r in rows)
    assert 0.4 <= positives / len(rows) <= 0.6
    langs = [r["lang"] for r in rows]
    assert langs.count("zh") / len(rows) >= 0.6
    assert langs.count("en") >= 30 and langs.count("mixed") >= 30


@pytest.mark.parametrize(
    ("name", "recall", "precision"),
    [
        ("screening_dev.jsonl", 0.95, 0.90),  # my own notes
        ("screening_dev_round2.jsonl", 0.95, 0.90),  # a second author: first scored recall 0.736
        ("screening_dev_round3.jsonl", 0.95, 0.95),  # two more authors: first scored P 0.870 R 0.848
        ("screening_dev_round4.jsonl", 0.95, 0.95),  # two more authors: first scored P 0.885 R 0.866
        ("screening_dev_round5.jsonl", 0.95, 0.95),  # two more authors: first scored P 0.866 R 0.853
        # rounds 6-10, two more authors each, written to vary the wording on purpose
        ("screening_dev_round6.jsonl", 0.94, 0.95),  # first scored P 0.810 R 0.726
        ("screening_dev_round7.jsonl", 0.93, 0.95),  # first scored P 0.819 R 0.754
        ("screening_dev_round8.jsonl", 0.94, 0.95),  # first scored P 0.784 R 0.807
        ("screening_dev_round9.jsonl", 0.92, 0.92),  # first scored P 0.830 R 0.854 (after rounds 6-8, 10)
        ("screening_dev_round10.jsonl", 0.94, 0.95),  # first scored P 0.787 R 0.741
        # held out while rounds 6-10 were tuned (lists frozen at 8d1bac2), then tuned on
        ("screening_dev_round11.jsonl", 0.95, 0.95),  # first scored P 0.887 R 0.815
        ("screening_dev_round12.jsonl", 0.94, 0.93),  # first scored P 0.841 R 0.704 (traditional script)
        ("screening_dev_round13.jsonl", 0.94, 0.91),  # held out at fac02a1: first scored P 0.761 R 0.806
        ("screening_dev_round14.jsonl", 0.95, 0.95),  # held out at 9b43557: first scored P 0.855 R 0.905
        ("screening_dev_round15.jsonl", 0.93, 0.93),  # held out at 9b43557: first scored P 0.822 R 0.822
        # held out while rounds 6-15 were tuned, scored once at bda1148; their false positives were
        # read at 8f1dd30 (the "held-out" name records how they arrived)
        ("screening_holdout_round3.jsonl", 0.79, 0.87),  # first scored P 0.829 R 0.799
        ("screening_holdout_round4.jsonl", 0.82, 0.82),  # first scored P 0.787 R 0.828
        ("screening_holdout_round5.jsonl", 0.84, 0.74),  # first scored P 0.719 R 0.852 (expense ledger)
        # scored once at 643fcea, lists and the learned reader frozen (figures with the reader: README)
        ("screening_holdout_round6.jsonl", 0.85, 0.80),  # first scored P 0.765 R 0.851
        ("screening_holdout_round7.jsonl", 0.75, 0.88),  # first scored P 0.831 R 0.757
        ("screening_holdout_round8.jsonl", 0.71, 0.85),  # first scored P 0.778 R 0.715
        ("screening_holdout_round9.jsonl", 0.89, 0.87),  # first scored P 0.859 R 0.897
        # scored once at e79a875; then place names stopped counting as trips (三亚分院 is a hospital)
        ("screening_holdout_round10.jsonl", 0.85, 0.80),  # first scored P 0.804 R 0.852
        ("screening_holdout_round11.jsonl", 0.86, 0.80),  # first scored P 0.768 R 0.875
        # scored once at af24779, the reader's features then changed after review (README)
        ("screening_holdout_round12.jsonl", 0.84, 0.81),  # first scored P 0.820 R 0.844
        ("screening_holdout_round13.jsonl", 0.88, 0.78),  # first scored P 0.783 R 0.881
        # scored once at 0926d25 with the reader as shipped in this release (before its last retraining)
        ("screening_holdout_round14.jsonl", 0.89, 0.82),  # first scored P 0.829 R 0.896
        ("screening_holdout_round15.jsonl", 0.81, 0.76),  # first scored P 0.769 R 0.815
        # scored once at 1aad1d2 (lists and reader as released), then tuned on (figures with the reader: README)
        ("screening_holdout_round16.jsonl", 0.86, 0.93),  # first scored P 0.842 R 0.824
        ("screening_holdout_round17.jsonl", 0.86, 0.92),  # first scored P 0.764 R 0.787
        # scored once at 8a01203 (round 18) and cb9ab9d (round 19), then tuned on
        ("screening_holdout_round18.jsonl", 0.93, 0.95),  # first scored P 0.805 R 0.793
        ("screening_holdout_round19.jsonl", 0.82, 0.95),  # first scored P 0.803 R 0.756
        ("screening_holdout_round20.jsonl", 0.80, 0.90),  # at 4e9d270: first scored P 0.823 R 0.787
        ("screening_holdout_round21.jsonl", 0.85, 0.95),  # at 59bfbfb: first scored P 0.815 R 0.713
    ],
)
def test_development_corpora_precision_and_recall(name, recall, precision):
    """Corpora the term lists were tuned on, after each was first scored untuned (see README).

    The later rounds keep a few misses that only a wider reading would catch (a favour for the
    clinician himself, a vague "the usual amount"), so some floors sit just below 0.95."""
    stats = measure(load(DATA / name))
    assert stats["recall"] >= recall, stats
    assert stats["precision"] >= precision, stats


@pytest.mark.parametrize(
    ("name", "recall", "precision"),
    [
        # a third author's notes (the engine scored P 0.851 R 0.667 on them when they were written)
        ("screening_holdout.jsonl", 0.87, 0.93),
        # two more authors, written after the term lists were frozen for the measurement
        ("screening_holdout_round2.jsonl", 0.92, 0.90),  # 0.927: "跟丽江那边" is no longer a trip
    ],
)
def test_held_out_corpora_regression_floor(name, recall, precision):
    """Notes nobody tuned the terms on.  A regression floor at the measured figures only: the
    target is recall 0.95 at precision 0.90, and these figures say how far the engine is from it."""
    rows = load(DATA / name)
    assert len(rows) >= 200
    stats = measure(rows)
    assert stats["recall"] >= recall, stats
    assert stats["precision"] >= precision, stats


@pytest.mark.parametrize(
    "text",
    [
        "给免疫科王主任打电话确认下周讲座时间。",
        "患者当天插入PICC导管，已向家属说明。",
        "把那本登记册给了护士长。",
        "本月科室CT机修理费预算已报设备处。",
        "中午在食堂刷餐卡吃了午饭",
    ],
)
def test_ordinary_sentences_near_newer_terms_are_not_value(text):
    """Wordings a review found the newer terms misjudged (给免 in 免疫科, 餐卡 in 刷餐卡…)."""
    assert SCREENER.value_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "请王主任吃了饭，问下月讲座可否提前。",
        "自查发现上月给王主任送了两盒茶叶。",
        "Dr Li came back to the clinic and we gave him a gift card.",
        "给王主任送了两盒茶叶，他单位在城东。",
        "We took Dr Li to dinner; he paid the parking.",
        "都是自己人，晚上请王主任吃了顿饭。",
        "给王主任送了两盒茶叶，本院员工都知道。",
    ],
)
def test_newer_cues_do_not_cancel_value_given(text):
    """Refusal and other-payer cues added for new writers must not clear a gift or meal we gave."""
    assert SCREENER.value_hits(text)


@pytest.mark.parametrize(
    ("name", "lists", "with_reader"),
    [  # (precision, recall) when first scored at a107414; nobody has read these notes' errors
        ("screening_round22.jsonl", (0.83, 0.87), (0.82, 0.91)),
        ("screening_round23.jsonl", (0.80, 0.78), (0.81, 0.92)),
    ],
)
def test_untuned_corpora_do_not_regress(name, lists, with_reader):
    """Corpora left unread (data/untuned/README.md): what a new writer's notes meet. A floor only;
    the target (precision 0.90 at recall 0.95) is not met on them."""
    rows = load(DATA / "untuned" / name)
    reader = get_screener(DEFAULT_SCREENING_TERMS, READER_THRESHOLD)
    for screener, (precision, recall) in ((SCREENER, lists), (reader, with_reader)):
        stats = evaluate([(row, screener.value_hits(row["text"])) for row in rows])
        assert stats["precision"] >= precision and stats["recall"] >= recall, stats


# --- the command -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_screen_command_writes_one_line_per_note():
    number = with_check_digit("32010219800101123")
    lines = [
        {"id": "a", "text": "中秋给王院长送了两盒月饼"},
        {"id": "b", "text": "把标本送检，护送病人回卫生院"},
        {"id": "c", "text": f"患者身份证{number}，电话13812345678"},
    ]
    stdin = io.StringIO("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    out = io.StringIO()
    call_command("screen", stdin=stdin, stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["a", "b", "c"]
    assert results[0]["flagged"] is True
    assert results[0]["findings"] == [
        {"rule": "undeclared_text", "severity": "review", "match": "月饼", "nature": "gift"}
    ]
    assert results[1] == {"id": "b", "flagged": False, "findings": []}
    assert [f["match"] for f in results[2]["findings"]] == [number[:6] + "********" + number[-4:], "138****5678"]
    assert "月饼" in out.getvalue()  # ensure_ascii=False


@pytest.mark.django_db
def test_screen_command_reports_bad_lines_and_continues():
    stdin = io.StringIO('not json\n{"id": 7}\n{"id": 8, "text": "请他们吃饭"}\n')
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("screen", stdin=stdin, stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "error" in results[0]
    assert results[1]["id"] == 7 and "error" in results[1]
    assert results[2]["id"] == 8 and results[2]["flagged"] is True


@pytest.mark.django_db
def test_screen_command_evaluate(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "p1", "tov": True, "text": "送了两盒茶叶"},
        {"id": "p2", "tov": True, "text": "今天去卫生院聊了聊"},  # a miss
        {"id": "n1", "tov": False, "text": "标本送检"},
        {"id": "n2", "tov": False, "text": "请院长吃饭"},  # a false alarm
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = io.StringIO()
    with translation.override("en"):
        call_command("screen", evaluate=str(corpus), stdout=out)
    report = out.getvalue()
    assert "Precision: 0.500" in report
    assert "Recall: 0.500" in report
    assert "tp=1 fp=1 fn=1 tn=1" in report
    assert "notes/second" in report
    assert "p2" in report and "n2" in report and "food:请院长吃饭" in report
    assert "p1" not in report


def test_screen_command_with_terms_file(tmp_path):
    terms = tmp_path / "terms.json"
    terms.write_text(json.dumps({"value_terms": {"gift": ["锦旗"]}}), encoding="utf-8")
    out = io.StringIO()
    call_command("screen", terms=str(terms), stdin=io.StringIO('{"id": 1, "text": "送了锦旗和红包"}\n'), stdout=out)
    (result,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [f["match"] for f in result["findings"]] == ["锦旗"]


def test_traditional_chinese_is_read_against_the_simplified_lists():
    """A note from Hong Kong or Taiwan: the match is reported as written, at the offsets written."""
    text = "中秋節給衛生院院長送了兩盒月餅"
    hits = SCREENER.value_hits(text)
    assert {h.nature for h in hits} == {"gift"}
    assert all(text[h.start : h.end] == h.match for h in hits)
    assert "月餅" in "".join(h.match for h in hits)
    assert natures("給院長送了紅包") == {"cash"}
    assert natures("院長想要紅包，我拒絕了") == set()  # the refusal is read in traditional script too


def test_a_reviewer_may_type_terms_in_traditional_chinese():
    screener = Screener({"value_terms": {"gift": ["禮券"]}})
    assert [h.match for h in screener.value_hits("给王医生送了两张礼券")] == ["礼券"]


def test_a_number_is_read_once_from_its_first_digit():
    """A run of digits is tried from its first digit and not re-read shorter (an atomic group), so
    a reviewer's "{amount} …" term cannot make a long number cost quadratic time; the API fuzz
    test once hung on one.  A number right after punctuation is still a sum (每例,300元)."""
    amount = SCREENER._amount
    assert [m.span() for m in amount.finditer("转了123456给他")] == [(2, 8)]
    assert amount.search("123456", 1) is None  # never from the middle of a number
    assert [m.group() for m in amount.finditer("每例,300元")] == ["300元"]
    assert natures("转诊一个病人给他,300元。") == {"referral_fee"}
    assert natures("Per referral 300蚊 for Dr Wong.") == {"referral_fee"}  # 蚊: Cantonese dollars


def test_a_lone_surrogate_is_screened_as_written():
    assert natures("中\ud800文，给王医生送了红包") == {"cash"}


@pytest.mark.django_db
def test_evaluate_figures_only_prints_no_note(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"id": "x1", "text": "中秋给王院长送了两盒月饼", "tov": False},
        {"id": "x2", "text": "讨论转诊", "tov": True},
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    full, figures = io.StringIO(), io.StringIO()
    call_command("screen", "--evaluate", str(corpus), stdout=full)
    call_command("screen", "--evaluate", str(corpus), "--figures-only", stdout=figures)
    assert "月饼" in full.getvalue() and "x2" in full.getvalue()
    assert "tp=0 fp=1 fn=1 tn=0" in figures.getvalue()
    assert "月饼" not in figures.getvalue() and "x1" not in figures.getvalue() and "x2" not in figures.getvalue()
