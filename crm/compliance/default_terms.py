"""Default word lists for free-text screening (read by ``crm.compliance.screening``).

They are copied into the policy (``Policy.screening_terms``) when the database is created, and a
compliance reviewer edits them there.  The ``_readme`` entry travels with them so the reviewer
sees how each list is used.  Writing a term:

* plain text, Chinese or English; English matches whole words in any case, plural s/es allowed;
* ``…`` means "a few characters in between, in the same clause": ``请…吃`` = 请王院长吃 / 请他们吃;
* a trailing ``*`` means "any word ending": ``sponsor*`` = sponsored, sponsorship.
"""

# fmt: off
DEFAULT_SCREENING_TERMS: dict = {
    "_readme": [
        "value_terms: words that mean value was given to a partner clinician or clinic, by nature of value. "
        "A hit is reported for review (undeclared_text); referral_fee words are prohibited (tied_to_referrals).",
        "given_items: things that count as value only when a giving word (give_verbs) is in the same sentence: "
        "送了一台血压计 is value, 血压计 alone is clinical talk.",
        "lookalike_terms: innocent phrases that contain a value word (送检, 请假, 饭后, treatment). "
        "A value word inside or overlapping one of them is ignored, and so is a refusal word "
        "(不收费 means free of charge, not a refusal).",
        "refusal_terms: refusals, negations and policy statements. They cancel value words in the same clause "
        "and the clauses before it in the same sentence (对方要红包，我拒绝了). "
        "A refusal at the very start of a sentence also covers the sentence before it.",
        "contrast_terms: words that end the reach of a refusal or other cue: 拒绝了现金，改送了购物卡 is still value.",
        "own_expense_terms: the liaison's own meals and travel; they cancel the natures in own_expense_natures.",
        "third_party_terms: value given by someone else (a drug company rep, another hospital); cancels all natures.",
        "patient_cost_terms: prices, insurance and charges quoted to patients; cancel the natures in "
        "patient_cost_natures.",
        "per_referral_terms: value stated per patient, per referral or as a share of charges. Prohibited "
        "(tied_to_referrals) when the same sentence has an amount (a number with amount_units), "
        "a payment_terms word or any value word.",
    ],
    "value_terms": {
        "food": [
            "请…吃饭", "请…吃", "请…喝", "请吃饭", "请客", "宴请", "聚餐", "饭局", "买单", "埋单",
            "结账", "付了饭钱",
            "吃饭", "一起吃", "一块吃", "吃了顿", "吃顿饭", "吃个饭", "吃了个饭", "吃了饭", "便饭", "便餐",
            "午饭", "晚饭", "中饭", "午餐", "晚餐", "晚宴", "午宴", "宵夜", "夜宵", "早茶", "下午茶",
            "喝酒", "喝了酒", "喝了点酒", "敬酒", "陪…喝", "陪…吃", "外卖", "点了…奶茶", "订了…餐",
            "农家乐", "工作餐", "年夜饭", "团年饭", "酒席", "我请的", "我请客", "我做东",
            "dinner", "lunch", "meal", "banquet", "for drinks", "drinks with", "bought … drinks",
            "treated … to",
            "treated them", "my treat", "took them out", "took him out", "took her out",
            "took the team out",
            "took … to dinner", "took … to lunch", "bought … lunch", "bought … dinner",
            "bought … coffee", "picked up the tab", "paid the bill", "covered the bill", "hot pot",
            "takeout",
        ],
        "gift": [
            "礼品", "礼物", "礼盒", "礼包", "伴手礼", "送礼", "节礼", "土特产", "特产", "茶叶", "月饼",
            "粽子",
            "年货", "中秋礼", "春节礼", "端午礼", "烟酒", "香烟", "茅台", "五粮液", "红酒", "白酒",
            "一点心意",
            "小心意", "心意", "普洱", "龙井", "铁观音", "茶具", "茶饼", "送…东西", "送了点", "送了些",
            "带了点东西", "带了些东西", "意思一下",
            "gift", "a present", "presents for", "small present", "hamper", "mooncakes", "box of tea",
        ],
        "promotional": [
            "纪念品", "宣传品", "文化衫", "印有…logo", "带logo", "印着…logo", "印有…标志",
            "branded", "souvenir", "logo pens", "logo mugs",
        ],
        "education": [
            "免费进修", "免进修费", "进修费", "培训费", "免培训费", "学费", "包食宿", "包吃住", "管吃住",
            "报销路费", "报销差旅", "路费", "差旅费由", "会务费", "注册费", "参会费", "进修补贴",
            "培训补贴", "生活补助",
            "waived the fee", "fees waived", "fee waived", "waived fees", "tuition", "free fellowship",
            "registration fee", "free board", "room and board",
        ],
        "travel": [
            "机票", "飞机票", "高铁票", "火车票", "酒店", "宾馆", "住宿", "旅游", "旅行", "游玩", "度假",
            "出游", "考察团", "外出考察", "参观考察", "考察旅游", "三亚", "海南", "丽江", "大理", "桂林",
            "西双版纳", "九寨沟", "张家界", "黄山", "泰国", "新马泰", "日本", "欧洲", "北戴河",
            "trip for", "trips for", "a trip to", "study tour", "sightseeing", "vacation trip",
            "holiday trip", "resort",
            "flights", "flight tickets", "air tickets", "airfare", "hotel", "accommodation", "flew them",
        ],
        "entertainment": [
            "KTV", "唱歌", "唱K", "K歌", "洗浴", "洗脚", "足浴", "足疗", "桑拿", "按摩", "SPA", "高尔夫",
            "演唱会", "门票", "电影票", "打麻将", "麻将", "打牌", "棋牌", "钓鱼", "温泉", "会所", "夜总会",
            "酒吧", "采摘", "karaoke", "golf", "concert", "tickets to", "movie tickets", "show tickets",
            "spa", "massage", "sauna", "nightclub", "mahjong",
        ],
        "supplies": ["免费投放", "捐赠…设备", "donated equipment", "free equipment", "free supplies"],
        "free_service": [
            "免费体检", "免费给…做", "免费帮", "免费为…做", "免费给他", "免费给她", "给…家属免费",
            "家属免费",
            "免单", "减免", "免费住", "免费做", "免费安装", "免费派", "免费检查", "免费的…检查", "免费维修",
            "免费修", "免费上门", "免了…费", "免费安排", "帮…插队",
            "free checkup", "free check-up", "free health check", "free physical", "at no charge for",
            "free of charge for",
        ],
        "sponsorship": [
            "赞助", "资助", "捐赠", "捐款", "捐了", "出资", "冠名",
            "sponsor*", "donation", "donated", "funded",
        ],
        "honorarium": [
            "讲课费", "劳务费", "专家费", "咨询费", "会诊费", "授课费", "稿费", "评审费", "车马费",
            "出诊费",
            "辛苦费", "主持费", "honorarium", "honoraria", "speaker fee", "speaking fee", "lecture fee",
            "consulting fee", "consultancy fee",
        ],
        "cash": [
            "现金", "红包", "购物卡", "加油卡", "油卡", "超市卡", "礼品卡", "代金券", "消费卡", "储值卡",
            "京东卡", "购物券", "提货券", "提货卡", "微信转账", "支付宝", "转账", "礼金", "过节费",
            "茶水费",
            "塞了", "塞给", "给了…块钱", "包了…钱", "打了…块", "转了…块", "发了…块",
            "cash", "gift card", "voucher", "red envelope", "red packet", "hongbao", "prepaid card",
            "shopping card", "money transfer", "bank transfer", "wechat transfer", "alipay",
            "transferred … yuan", "transferred … rmb",
        ],
        "referral_fee": [
            "回扣", "返点", "返利", "提成", "介绍费", "好处费", "人头费", "转诊费", "拉人费", "抽成",
            "佣金",
            "回佣", "kickback", "rebate", "commission", "referral fee", "finder's fee", "finders fee",
        ],
        "other": [
            "报销", "话费", "充值卡", "充值", "美容卡", "健身卡", "会员卡", "洗车卡", "油费",
            "phone credit",
            "top-up", "top up", "gym membership", "reimbursed",
        ],
    },
    "give_verbs": [
        "送", "赠", "捐", "给了", "给他", "给她", "给他们", "给科室", "给卫生院", "留下", "留了", "带了",
        "带给", "发给", "免费提供", "免费给", "提供了", "拿了…给", "给…买了", "买给", "帮…买了",
        "寄了", "寄给",
        "gave", "give", "given", "gifted", "donated", "brought", "left them", "left him", "left her",
        "handed out", "provided free", "dropped off",
    ],
    "given_items": {
        "gift": [
            "水果", "牛奶", "酒", "烟", "大米", "油", "鸡蛋", "坚果", "鲜花", "花篮", "蛋糕", "手表",
            "手机",
            "平板", "电脑", "iPad", "iPhone", "衣服", "被子", "化妆品", "书", "专著", "购物袋", "核桃",
            "茶", "取暖器", "咖啡", "奶茶", "饮料", "点心", "零食", "盒饭",
            "fruit", "flowers", "cake", "wine", "cigarettes", "tea", "watch", "phone", "basket", "coffee",
            "snacks",
        ],
        "promotional": [
            "水杯", "保温杯", "雨伞", "笔记本", "台历", "挂历", "鼠标垫", "签字笔", "钢笔", "充电宝", "U盘",
            "抽纸", "帆布袋", "文件夹", "pens", "mugs", "tote bag", "notebooks", "calendars", "umbrellas",
            "power bank",
        ],
        "supplies": [
            "血压计", "血糖仪", "试纸", "试剂", "耗材", "设备", "仪器", "轮椅", "监护仪", "心电图机",
            "雾化器",
            "制氧机", "除颤仪", "AED", "ECG机", "B超", "一台", "两台", "几台", "打印纸", "打印机",
            "听诊器", "体温计", "额温枪", "口罩",
            "手套", "消毒液", "敷料", "针头",
            "blood pressure monitor", "glucometer", "test strips", "reagents", "consumables", "equipment",
            "wheelchair", "masks", "gloves", "ECG machine", "stethoscope", "monitor",
        ],
    },
    "lookalike_terms": [
        # samples, patients and paperwork being sent or escorted
        "送检", "送样", "送标本", "送病理", "送化验", "送血", "送病人", "送患者", "送回", "护送", "接送",
        "运送", "转送", "送达", "送医", "送到医院", "送来的病人", "送来的患者", "送入", "送至", "送往",
        "欢送",
        "发送", "推送", "送修", "送审", "送药上门", "送报告", "送资料", "送转诊单", "送给患者", "送给病人",
        "给了患者", "给患者", "给病人", "给家属", "给村民", "带了患者", "带了病人", "带了资料", "带了…资料",
        "带了…宣传", "带了…手册", "带了…折页", "留下了联系方式", "留下联系方式", "留了电话", "留了联系方式",
        # 请 meaning "please / ask / invite to work"
        "请假", "请示", "请教", "请求", "请问", "请稍等", "请…会诊", "请…看片", "请…指导", "请…讲课",
        "请…签字", "请…帮忙", "请…反馈", "申请", "邀请", "请患者", "请家属", "请病人", "请…吃药",
        # politeness, ceremony, Health Commission
        "礼貌", "礼节", "礼堂", "典礼", "礼拜", "health commission",
        # meals and drinks as clinical advice
        "饭后", "饭前", "餐后", "餐前", "进餐", "吃饭差", "吃饭少", "吃饭不好", "吃饭时", "吃饭前",
        "吃饭后",
        "吃饭正常", "不能吃饭", "正常吃饭", "按时吃饭", "吃饭呛咳", "吃饭可以", "吃饭还行", "午饭后",
        "晚饭后",
        "午餐后", "晚餐后", "晚餐前", "早餐", "喝水", "吃药", "饮酒", "戒酒", "酒精", "酒量", "吸烟",
        "戒烟",
        "烟雾", "抽烟", "烟酒史", "吃水果", "多吃", "少吃", "油腻", "饮食", "after dinner", "before dinner",
        "dinner time", "after lunch", "before lunch", "lunch break", "after meals", "before meals",
        "with meals",
        "meal plan", "low-salt meal", "low salt meal",
        # patient education material
        "患者教育", "健康教育", "宣传册", "宣传单", "折页", "宣教", "科普", "手册", "海报",
        "patient leaflet",
        "leaflet", "brochure", "patient education",
        # prices and insurance quoted to patients
        "医保报销", "报销比例", "可以报销", "能报销", "报销范围", "报销后", "新农合报销", "按比例报销",
        "报销的", "报销多少", "医保按", "现金缴费", "现金支付", "支付宝缴费", "支付宝付", "微信缴费",
        "insurance reimbursement",
        # patients' free services and public clinics
        "免费义诊", "免费筛查", "免费测", "为村民免费", "给村民免费", "给患者免费", "为居民免费",
        "免费为村民",
        "免费为居民", "免费为老人", "为老人免费", "免费为患者", "免费为病人", "减免…患者", "患者减免",
        "free screening",
        # therapy, not leisure
        "康复按摩", "按摩治疗", "推拿按摩", "中医按摩", "按摩手法", "按摩理疗", "massage therapy",
        # other innocent senses
        "抢红包", "抢…红包", "转账记录", "present the case", "presented", "presentation",
        "treat the patient",
        "treated for", "treated with", "treated at", "treatment", "gifted student", "monitor the",
        "monitor his", "monitor her", "monitoring", "cashier", "transfer the patient", "酒店式",
        "住宿费用由患者",
        "outpatient", "提成本", "不收费", "没有收费", "没收费", "不收…费用", "不收钱", "没收钱",
        "没要钱", "酒店会议室", "出院结账",
        "treated them for", "treated them with",
        "送…标本", "送…病人", "送…患者", "送…资料", "送…报告", "送…宣传", "送…手册", "送…折页", "送…转诊单",
    ],
    "refusal_terms": [
        "拒绝", "婉拒", "谢绝", "推辞", "退回", "退还", "退了回去", "没收", "没有收", "未收", "不收",
        "没要",
        "不要", "不用", "不必", "不需要", "不接受", "未接受", "没接受", "没有接受", "没送", "没有送",
        "未送",
        "不送", "没给", "没有给", "未给", "不给", "没请", "没有请", "未请", "不请", "没去", "没有去",
        "未去",
        "没有任何", "无任何", "不涉及", "未涉及", "未发生", "没有发生", "不支付", "不提供", "未提供",
        "没有提供", "不允许", "不可以", "不能", "不行", "不得", "不会", "禁止", "严禁", "违规", "违反",
        "有规定", "按规定", "不可能", "不组织", "不安排", "不报销", "不承担", "不赞助", "不负责", "纪律",
        "不合规", "没答应", "没有答应", "未答应",
        "不答应", "不同意", "回绝",
        "一律不", "杜绝", "不存在", "不搞", "没有搞", "不参加", "没参加", "没有参加", "未参加", "不去了",
        "declined", "decline", "refused", "refuse", "turned down", "turn down", "rejected", "said no", "no",
        "not", "never", "don't", "didn't", "doesn't", "won't", "cannot", "can't", "without", "nothing",
        "none", "prohibited", "against policy", "against the rules", "returned", "gave back",
    ],
    "contrast_terms": [
        "但", "但是", "不过", "还是", "仍", "仍然", "改送", "改为", "改成", "改请", "后来", "最后", "结果",
        "却", "而是", "只是", "收下", "收下了",
        "but", "however", "instead", "still", "anyway", "eventually", "in the end", "later",
    ],
    "own_expense_terms": [
        "我自己", "自己吃", "自己解决", "自费", "一个人吃", "我一个人", "我吃了", "我们自己", "请我们",
        "请我吃", "招待我们", "食堂",
        "路上吃", "在车上吃", "高铁上", "出差", "我的差旅", "差旅报销", "按差旅", "我住", "自己住",
        "住的是", "我订", "自己订",
        "我点了", "自己点", "回单位吃", "my own", "myself", "I had", "I grabbed", "I ate", "I stayed",
        "on my own", "business trip", "per diem", "own expense", "self-paid", "I drove", "I took the",
        "grabbed a", "invited us", "invited me", "treated us", "treated me",
    ],
    "own_expense_natures": ["food", "travel", "other"],
    "third_party_terms": [
        "药企", "药厂", "医药代表", "药代", "器械代表", "器械公司", "厂家", "厂商", "供应商", "其他医院",
        "别的医院", "其他单位", "竞争对手", "对手医院", "友商", "某公司", "我方未参与", "我们没参与",
        "未参与", "没参与", "没有参与", "与我院无关", "与我们无关", "不是我们", "并非我方",
        "rep", "reps", "pharma", "drug company", "device company", "another hospital", "other hospital",
        "competitor", "not involved", "not us", "not from us",
    ],
    "patient_cost_terms": [
        "医保", "新农合", "农合", "居民医保", "自付", "个人负担", "起付线", "押金", "缴费", "收费标准",
        "费用大约", "大概要", "住院费用", "病人自己", "患者自己", "家属自己", "由患者", "患者支付",
        "患者承担", "病人承担",
        "insurance", "out-of-pocket", "copay", "co-pay", "deductible", "the patient pays",
    ],
    "patient_cost_natures": ["cash", "referral_fee", "other", "free_service"],
    "per_referral_terms": [
        "每介绍一", "每转一", "每转诊一", "每送来一", "每推荐一", "每带来一", "介绍一个病人",
        "介绍一个患者",
        "转一个病人", "转一个患者", "转来一个", "一个病人给", "一个患者给", "每个病人给", "每个患者给",
        "每例给", "按人头", "按住院费", "住院费的", "总费用的", "医疗费的", "手术费的", "治疗费的",
        "费用的",
        "收入的", "按转诊量", "按转诊人数", "按病人数", "跟转诊量挂钩", "和转诊量挂钩", "与转诊量挂钩",
        "per patient", "per referral", "per referred", "for each patient", "for every patient",
        "for each referral", "for every referral", "each referral", "every referral",
        "% of the bill", "% of the charges", "% of the fees", "% of the total",
        "% of hospital", "percent of the bill", "percent of charges", "share of the bill",
        "tied to referrals", "based on referrals", "number of referrals",
    ],
    "payment_terms": [
        "给钱", "奖励", "补贴", "钱", "结算给", "打给", "pay", "paid", "pays", "bonus", "money",
        "reward", "yuan",
        "RMB",
    ],
    "amount_units": ["元", "块", "%", "％", "百", "千", "万", "yuan", "RMB", "rmb", "CNY"],
}
# fmt: on


# Second round of vocabulary, added after measuring on notes written by a second author
# (tests/compliance/data/screening_dev_round2.jsonl): families of things bought, sent, paid or
# waived for a clinician, not single notes. Merged into the lists above.
_MORE_TERMS: dict = {
    "give_verbs": [
        "买了", "给他买", "给她买", "帮他买", "帮她买", "下单", "寄了", "寄到", "寄给", "寄过去", "送去", "送过去",
        "送到", "塞了", "塞给", "放在", "配了", "捐了", "赠予", "订了", "带去", "带过去", "拎了",
        "bought", "got him", "got her", "ordered", "sent", "shipped", "left", "gave", "handed",
    ],
    "given_items": {
        "gift": [
            "西洋参", "人参", "燕窝", "虫草", "阿胶", "保健品", "补品", "果篮", "水果篮", "葡萄", "车厘子", "樱桃",
            "大闸蟹", "海鲜", "鲜花", "花束", "一束花", "花篮", "蛋糕", "巧克力", "字画", "书法", "名画", "工艺品",
            "摆件", "手表", "手机", "平板", "ipad", "电脑", "笔记本电脑", "耳机", "家电", "电视", "冰箱", "洗衣机",
            "按摩椅", "净水器", "空气净化器", "咖啡机", "扫地机", "加湿器", "电饭煲",
            "flowers", "cake", "chocolates", "premium tea", "tea", "wine", "fruit basket", "tablet", "laptop", "watch",
        ],
        "supplies": [
            "aed", "除颤仪", "血氧仪", "雾化机", "雾化器", "监护仪", "心电图机", "呼吸机", "制氧机", "b超机", "理疗仪",
            "血压计", "血糖仪", "轮椅", "nebulizer", "oximeter", "defibrillator", "monitor",
        ],
    },
    "value_terms": {
        "cash": [
            "京东卡", "e卡", "天猫卡", "储值卡", "礼券", "提货券", "提货卡", "充值卡", "信封", "gift card", "e-card",
            "voucher", "envelope", "supermarket card",
        ],
        "honorarium": ["劳务费", "讲课费", "专家费", "咨询费", "speaker fee", "consulting fee", "honorarium"],
        "referral_fee": [
            "每台给", "每例给", "每台手术给", "信息费", "返给", "per surgery", "per operation", "kickback",
        ],
        "free_service": [
            "给免了", "免掉了", "没让…交钱", "一分钱没收", "免费给他们用", "体检套餐", "床位费…免", "实习费…免",
            "waived his", "waived her", "comped",
        ],
        "other": [
            "帮…交了", "替…交了", "帮…付了", "替…付了", "帮他交", "帮他们交", "代缴", "垫付", "宽带费", "随礼",
            "份子钱", "礼金", "paid for his", "paid for her", "paid for their", "covered his", "covered her",
            "covered their",
        ],
        "food": ["下午茶", "afternoon tea", "奶茶"],
        "education": ["报名费…由我们", "报名费…帮", "吃住全包", "都由我们包", "每天…补助", "每天还发"],
        "sponsorship": ["出两万", "出资", "装修…出"],
    },
    "own_expense_terms": ["交财务报销", "财务报销", "出差"],
    # "Free, no need to pay it back" describes a gift; it is not a refusal.
    "lookalike_terms": ["不用还", "不用给钱", "一分钱没收", "没收他们", "不收他们", "no contract"],
    "contrast_terms": ["so i gave", "so we gave", "so i left", "kept them", "kept it"],
    "payment_terms": ["转过去", "微信转"],
    "refusal_terms": ["照常交", "照常收取", "照常收", "也没有", "我说没有", "answered no"],
    "third_party_terms": ["sales", "公司的活动", "我们这边没人去"],
}


def _merge(target: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict):
            _merge(target.setdefault(key, {}), value)
        else:
            present = target.setdefault(key, [])
            present.extend(term for term in value if term not in present)


_merge(DEFAULT_SCREENING_TERMS, _MORE_TERMS)
