"""Default word lists for free-text screening (read by ``crm.compliance.screening``).

They are copied into the policy (``Policy.screening_terms``) when the database is created, and a
compliance reviewer edits them there.  The ``_readme`` entry travels with them so the reviewer
sees how each list is used.  Writing a term:

* plain text, Chinese or English; English matches whole words in any case, plural s/es allowed;
* ``…`` means "a few characters in between, in the same clause": ``请…吃`` = 请王院长吃 / 请他们吃
  (in an all-English term, a few words: ``bought … for``);
* ``{amount}`` means a sum of money (¥500, 500元, 两百块, 1,000 yuan, 1800), never a count;
* a trailing ``*`` means "any word ending": ``sponsor*`` = sponsored, sponsorship.

The lists are organised by *structure* (who gives what to whom, who pays, what is waived) and by
*families* of things (electronics, tonics, cards, devices...), not by the wording of single notes,
so that notes written by someone else are caught too.
"""

# fmt: off
DEFAULT_SCREENING_TERMS: dict = {
    "_readme": [
        "Term syntax: '…' = a few characters in between in the same clause (a few words in an English term); "
        "'{amount}' = a sum of money (¥500, 500元, 两百块, 1,000 yuan, a bare number of 3+ digits), never a "
        "count (200份, 12例: see count_units); a trailing '*' = any word ending.",
        "value_terms: words and structures that mean value was given to a partner clinician or clinic, by "
        "nature of value: things (红包, 京东卡), acts (请…吃), giving structures (给…买了, 帮…交了), "
        "'we paid' structures (我们出的, 由我们…承担, on us), waivers (免了, 没让…交钱, comped) and money "
        "moving to someone (转了…{amount}, 打给…{amount}). A hit is reported for review (undeclared_text); "
        "referral_fee words are prohibited (tied_to_referrals).",
        "given_items: families of things (tonics and food, drink, flowers, art, electronics, medical devices, "
        "office equipment, goods counted in boxes) that count as value only when a giving word (give_verbs) "
        "is in the same sentence: 送了一台血压计 is value, 血压计 alone is clinical talk. The pair is judged "
        "where the giving word is.",
        "give_verbs: giving words for given_items (送, 寄, 带了, 留下, 塞, 放在, 配了, 买了, bought, left, "
        "dropped off) and 'free' phrases (一分钱没收, 不用还) that make a thing handed over a gift.",
        "favour_terms: personal favours (实习, 插队, 床位, internship, ahead of the queue) that count as value "
        "(nature other) only when one of relative_terms (孩子, 爱人, 站长家属, his mother) is in the same sentence: "
        "a favour for a clinician's family. relative_terms: the family members that pair with favour_terms; "
        "patients' relatives (患者家属) are look-alikes.",
        "lookalike_terms: innocent phrases that contain a value word (送检, 请假, 饭后, treatment, 出发, 打120). "
        "A value word or giving word inside or overlapping one of them is ignored, and so is a refusal word "
        "(不收费 means free of charge, not a refusal). Things done for patients (给患者, 帮病人…买), things "
        "given to us (给我们送) and things returned (还给) are look-alikes too.",
        "refusal_terms: refusals, negations and policy statements. They cancel value words in the same clause "
        "and the clauses before it in the same sentence (对方要红包，我拒绝了). "
        "A refusal at the very start of a sentence also covers the sentence before it, unless a contrast "
        "word follows it (He said no at first but kept them). A refusal word inside a value term or a giving "
        "word is part of it (一分钱没收 is a waiver).",
        "negation_terms: negated giving words (不用, 没给, 没有任何, 不提供, no need). At the end of their clause, "
        "or followed by a pronoun (没给他, 不能答应这种要求), they answer an offer like a refusal "
        "(他说不用了, 我没给); followed by an object they only negate that object (不用签协议, 没有任何学术活动).",
        "acceptance_terms: acceptance after a refusal (推了两次，最后还是收下了; refused at first but ended up keeping "
        "it). A refusal followed by one of these in its sentence or the next cancels nothing.",
        "question_terms: questions about value (院长问有没有提成, asked whether we pay); same reach as a refusal.",
        "negation_ahead_terms: negations (没有, 未, 无, no, not, never, without) that cover only what follows them in "
        "their clause: 'No gifts were given' is cancelled, 'paid the fee, no contract signed' is not.",
        "contrast_terms: words that end the reach of a refusal or other cue: 拒绝了现金，改送了购物卡 is still value. "
        "A contrast that only introduces the refusal ('…, but I declined', '但我拒绝了') does not cut it off.",
        "own_expense_terms: the liaison's own meals and travel, and meals offered to us; they cancel the natures "
        "in own_expense_natures, in their clause, the clauses before it and the clauses after it until one that "
        "names a partner (出差去德州，住的汉庭，回来报销; but 出差到县里，晚上请王院长吃饭 is reported).",
        "third_party_terms: value given by someone else (a drug company rep, another hospital, a former liaison) "
        "or within our own team (部门内部, 工会经费); cancels all natures, in its clause, the clauses before it and "
        "the clauses after it until one where we act (器械公司搞了推介会，给来的村医每人一个血氧仪).",
        "patient_cost_terms: prices, insurance and charges quoted to patients; cancel the natures in "
        "patient_cost_natures.",
        "normal_fee_terms: the clinician pays the normal fee or goes through the normal process "
        "(进修费照常交, 正常缴费, paid in full); cancel the natures in normal_fee_natures.",
        "per_referral_terms: value stated per patient, per case, per referral or as a share of charges. "
        "Prohibited (tied_to_referrals) when the same sentence has an amount (see amount_units), "
        "a payment_terms word or any value word.",
        "payment_terms: money words (钱, 补贴, paid) that, with a per_referral_terms phrase in the same sentence, "
        "make it prohibited.",
        "amount_units: units that make a number a sum of money (元, 块, 万, yuan). count_units: units that make "
        "a number a count, not money (份, 个, 例, 年, copies).",
    ],
    "value_terms": {
        "food": [
            "请…吃饭", "请…吃", "请…喝", "请吃饭", "请客", "宴请", "聚餐", "饭局", "买单", "埋单",
            "结账", "付了饭钱", "结的账", "结了账", "买的单", "买了单", "餐叙", "吃…火锅", "吃…烧烤",
            "吃…海鲜", "包间", "包厢", "酒水",
            "吃饭", "一起吃", "一块吃", "吃了顿", "吃顿饭", "吃个饭", "吃了个饭", "吃了饭", "便饭", "便餐",
            "午饭", "晚饭", "中饭", "午餐", "晚餐", "晚宴", "午宴", "宵夜", "夜宵", "早茶", "下午茶",
            "喝酒", "喝了酒", "喝了点酒", "敬酒", "陪…喝", "陪…吃", "外卖", "外送", "点了…奶茶", "订了…餐",
            "农家乐", "工作餐", "年夜饭", "团年饭", "酒席", "我请的", "我请客", "我做东",
            "dinner", "lunch", "meal", "banquet", "for drinks", "drinks with", "bought … drinks",
            "treated … to",
            "treated them", "my treat", "took them out", "took him out", "took her out",
            "took the team out",
            "took … to dinner", "took … to lunch", "bought … lunch", "bought … dinner",
            "bought … coffee", "picked up the tab", "paid the bill", "covered the bill", "hot pot",
            "takeout", "afternoon tea", "coffee for", "drinks for", "barbecue", "bbq", "hotpot", "breakfast",
            "brunch",
            "我扫的码", "我扫码", "扫的码", "我来扫", "我付的款", "开销…我来", "费用…我来", "账…我来", "钱…我来",
            "喝了…咖啡", "请…喝咖啡", "coffee on me", "drinks on me",
        ],
        "gift": [
            "礼品", "礼物", "礼盒", "礼包", "伴手礼", "送礼", "节礼", "土特产", "特产", "茶叶", "月饼",
            "粽子",
            "年货", "中秋礼", "春节礼", "端午礼", "烟酒", "香烟", "茅台", "五粮液", "红酒", "白酒",
            "一点心意",
            "小心意", "心意", "普洱", "龙井", "铁观音", "茶具", "茶饼", "送…东西", "送了点", "送了些",
            "带了点东西", "带了些东西", "意思一下", "果篮", "水果篮", "花篮",
            # giving structures: buying, booking or filling up something for someone
            "给…买了", "给…买的", "帮…买了", "帮…买的", "替…买了", "替…买的", "为…买了", "买给",
            "给…订了", "给…订的", "帮…订了", "帮…订的", "替…订了", "给…下单", "帮…下单", "替…下单", "给…加了…油",
            "给…加满", "买了…送", "买…送过去", "买了…给", "买了…带给", "加满了油",
            "加满油", "按摩椅", "按摩仪",
            "gift", "a present", "presents for", "small present", "hamper", "mooncakes", "box of tea",
            "gift box", "gift basket", "fruit basket", "gift bag", "mooncake", "mooncake box",
            "利是", "利市", "意思了一下", "意思意思", "表示一下", "表示了一下", "表示表示", "表示…心意",
            "一点意思", "小意思",
            "thank-you gift", "token of appreciation", "a little something", "thank-you hamper",
            "bought … for", "bought him", "bought her", "bought them", "bought dr", "bought each",
            "got him", "got her", "got them", "got dr", "got each", "ordered … for",
        ],
        "promotional": [
            "纪念品", "宣传品", "文化衫", "印有…logo", "带logo", "印着…logo", "印有…标志",
            "branded", "souvenir", "logo pens", "logo mugs",
        ],
        "education": [
            "免费进修", "免进修费", "进修费", "培训费", "免培训费", "学费", "包食宿", "包吃住", "管吃住",
            "报销路费", "报销差旅", "路费", "会务费", "注册费", "参会费", "进修补贴",
            "培训补贴", "生活补助", "报名费", "实习费", "考试费", "食宿…我们", "吃住…我们",
            "waived the fee", "fees waived", "fee waived", "waived fees", "tuition", "free fellowship",
            "registration fee", "free board", "room and board", "free training", "fully paid training",
        ],
        "travel": [
            "差旅费由", "机票", "飞机票", "高铁票", "火车票", "酒店", "宾馆", "住宿", "旅游", "旅行", "游玩", "度假",
            "出游", "考察团", "外出考察", "参观考察", "考察旅游", "三亚", "海南", "丽江", "大理", "桂林",
            "西双版纳", "九寨沟", "张家界", "黄山", "泰国", "新马泰", "日本", "欧洲", "北戴河", "度假村",
            "日游", "去…玩了", "出去玩", "一起玩", "玩了…天",
            "trip for", "trips for", "a trip to", "study tour", "sightseeing", "vacation trip",
            "holiday trip", "resort",
            "flights", "flight tickets", "air tickets", "airfare", "hotel", "accommodation", "flew them",
            "train tickets", "taxi fares", "hotel nights", "weekend at", "getaway",
        ],
        "entertainment": [
            "KTV", "唱歌", "唱K", "K歌", "洗浴", "洗脚", "足浴", "足疗", "桑拿", "按摩", "SPA", "高尔夫",
            "演唱会", "门票", "电影票", "打麻将", "麻将", "打牌", "棋牌", "钓鱼", "温泉", "会所", "夜总会",
            "酒吧", "采摘", "话剧", "球场费", "美容", "美甲", "洗了个脚", "洗了脚", "泡脚", "做了个足疗",
            "做了个按摩", "农庄", "山庄", "庄园",
            "karaoke", "golf", "concert", "tickets to", "movie tickets", "show tickets",
            "spa", "massage", "sauna", "nightclub", "mahjong", "green fee", "theatre tickets",
            "theater tickets",
            "hot spring",
        ],
        "supplies": ["免费投放", "捐赠…设备", "donated equipment", "free equipment", "free supplies"],
        "free_service": [
            "免费体检", "免费给…做", "免费帮", "免费为…做", "免费给他", "免费给她", "给…家属免费",
            "家属免费",
            "免单", "减免", "免费住", "免费做", "免费安装", "免费派", "免费检查", "免费的…检查", "免费维修",
            "免费修", "免费上门", "免了…费", "免费安排", "帮…插队",
            # waivers: a charge we let go of
            "免了", "给免了", "都免了", "全免", "免掉", "免去", "费…减了", "费…打折", "费…打了…折",
            "内部价", "员工价", "没让…交钱", "没让…付钱", "没让…出钱", "没让…掏钱", "没让…花钱",
            "没让…交费", "没让…付费", "没有让…交钱", "没有让…付钱", "没有让…出钱", "一分钱没收", "一分钱没要",
            "一分钱都没收", "分文未收", "分文不取", "没收…一分钱", "白送", "白给", "体检套餐",
            "free checkup", "free check-up", "free health check", "free physical", "at no charge for",
            "free of charge for", "comped", "waived his", "waived her", "waived their", "waived the",
            "on the house", "free of charge", "at no cost", "no charge",
            "a free … for", "free mri", "free ct", "free scan", "free surgery", "free operation",
            "free treatment", "free stay", "not to bill", "not to charge", "didn't charge", "did not charge",
            "不用出…钱", "不用…出一分", "不用花…钱", "不用掏", "不用付", "不用交", "不花一分", "没花…一分",
        ],
        "sponsorship": [
            "赞助", "资助", "捐赠", "捐款", "捐了", "出资", "冠名",
            "sponsor*", "donation", "donated", "funded",
        ],
        "honorarium": [
            "讲课费", "劳务费", "专家费", "咨询费", "会诊费", "授课费", "稿费", "评审费", "车马费",
            "出诊费",
            "辛苦费", "主持费", "劳务信封", "感谢费", "出诊补贴", "交通补贴", "课酬", "讲座费",
            "补贴…{amount}", "补助…{amount}",
            "honorarium", "honoraria", "speaker fee", "speaking fee", "lecture fee",
            "consulting fee", "consultancy fee", "advisory fee", "speaker's fee",
            "协作费", "合作费", "协调费", "联络费", "维护费", "辛苦钱", "一笔…费", "coordination fee",
            "顾问费", "支持费", "学术支持费", "stipend", "retainer", "consulting retainer",
        ],
        "cash": [
            "现金", "红包", "购物卡", "加油卡", "油卡", "超市卡", "礼品卡", "代金券", "消费卡", "储值卡",
            "京东卡", "购物券", "提货券", "提货卡", "微信转账", "支付宝", "转账", "礼金", "过节费",
            "茶水费",
            "塞了", "塞给", "给了…块钱", "包了…钱", "打了…块", "转了…块", "发了…块",
            # cards and vouchers
            "京东e卡", "e卡", "天猫卡", "苏宁卡", "星巴克卡", "蛋糕卡", "面包卡", "电影卡", "礼券", "兑换券",
            "蛋糕券", "电影券", "充值卡", "会员卡",
            # money for family occasions
            "随礼", "随了", "份子钱", "礼钱", "贺礼",
            # money moving to someone: a verb and a sum in the same clause
            "转了…{amount}", "转过去…{amount}", "转给…{amount}", "打了…{amount}", "打给…{amount}",
            "打到…{amount}", "钱打给", "把钱打", "钱转给", "把钱转", "给了…{amount}", "给他…{amount}",
            "给她…{amount}", "给他们…{amount}", "发了…{amount}", "发…{amount}", "包了…{amount}", "出了…{amount}",
            "出{amount}", "补…{amount}", "掏了…{amount}", "充了…{amount}", "结给…{amount}",
            "凑了…{amount}", "塞…{amount}", "年终奖", "奖金", "红利", "借给…{amount}", "借了…{amount}", "个人账户",
            "私人账户", "卡上",
            "cash", "gift card", "voucher", "red envelope", "red packet", "hongbao", "prepaid card",
            "shopping card", "money transfer", "bank transfer", "wechat transfer", "alipay",
            "transferred … yuan", "transferred … rmb", "e-card", "ecard", "gift voucher", "store card",
            "supermarket card", "cash envelope", "envelope with", "envelope of", "envelope containing",
            "personal account", "private account", "gave … {amount}", "sent … {amount}",
            "transferred … {amount}", "wired … {amount}",
        ],
        "referral_fee": [
            "回扣", "返点", "返利", "提成", "介绍费", "好处费", "人头费", "转诊费", "拉人费", "抽成",
            "佣金",
            "回佣", "信息费", "推荐费", "渠道费", "引流费", "中介费", "返给", "返了", "返还给",
            "返个点", "返…点给", "volume bonus", "referral incentive", "referral reward", "按…例一档", "一档",
            "kickback", "rebate", "commission", "referral fee", "finder's fee", "finders fee",
            "referral bonus", "referral money", "cut of", "a cut", "his cut", "their cut", "his share",
            "her share", "their share",
        ],
        "other": [
            "报销", "话费", "充值", "美容卡", "健身卡", "洗车卡", "油费",
            # paying for someone
            "帮…交了", "帮…交的", "替…交", "帮…付了", "帮…付的", "替…付", "给…付了", "帮…出了",
            "替…出了", "帮…垫", "给…垫", "垫付", "代缴", "代付", "代交", "给…充了", "帮…充", "帮…续费",
            "给…续费", "帮…缴", "替…缴", "帮…报了", "给…报了",
            # "we paid": who bore the cost
            "我们出", "我们付", "我们包", "我们掏", "我们来出", "我们承担", "我们买单", "我们结", "我们报",
            "我们买的", "我们订的", "是我们买", "是我们订", "我院出", "我院付", "我院承担", "我院支付",
            "院里出", "院里付", "院里承担", "我们科出", "我们科室出", "我们科付", "科室出", "科室付", "科室报",
            "科室承担", "科里出", "科里付",
            "医院出", "医院承担", "医院支付", "单位出", "由我们…出", "由我们…付", "由我们…承担", "由我们…包",
            "由我们…支付", "由我们…报", "由我院…出", "由我院…承担", "由我院…支付", "由院里…出", "由科室…出",
            "由医院…出", "由医院…承担", "都由我们", "都是我们", "算我们", "算科室", "记科室", "记在科室",
            "账记", "走科室", "科室的账", "我们这边出", "我们这边包", "我们这边付", "全包", "都包了",
            "包了…费", "我付的", "我出的", "我结的", "我掏", "掏钱", "出钱", "花了…{amount}", "消费…{amount}",
            "我这边结", "我这边付", "我这边出", "我们这边结", "科室经费", "走…经费", "科里的经费", "科室的经费",
            "phone credit",
            "top-up", "top up", "topped up", "topping up", "recharged", "gym membership", "reimbursed",
            "cover his", "cover her", "cover their", "cover the cost", "covering his", "covering her",
            "covering their", "will cover", "we did cover", "paid by our", "paid by us", "charged to our",
            "charged to the", "on our account", "through our", "put them through", "put it through",
            "from us",
            "settle … with him", "settle … with her", "settle {amount}", "his receipts", "her receipts",
            "his invoices", "her invoices", "他的…发票", "她的…发票", "帮个人情", "给他个人情", "给她个人情",
            "卖个人情", "做个人情", "单我买", "单我结", "我埋的单", "账我结", "我们科承担", "科承担", "我们…承担",
            "招待费", "招待账", "走…招待", "挂…账", "没花钱", "没花一分", "不用…出", "没让…掏", "垫的",
            "免收", "全额免", "performance bonus", "paid to him", "paid to her", "consultation fee",
            "wired {amount}", "sent {amount}", "transferred {amount}", "paid {amount}", "不用…付款", "不用…付钱",
            "不用…付费", "不需要…付", "不收…费用",
            "不需要…做任何", "不用…做任何", "不用…干活", "我们部门…出了", "我们…还是出了", "部门…出的",
            "科室…出了", "我们cover", "cover了",
            "我们报了", "我们给报",
            "paid for", "paid his", "paid her", "paid their", "paid dr", "paid him", "paid them",
            "covered his", "covered her", "covered their", "covered the", "covered dr", "picked up the",
            "footed", "on us", "our treat", "we paid", "we covered", "we picked up", "picking up the bill",
            "picked up the bill", "from our budget", "department budget", "our budget", "at our expense",
            "expenses paid", "fully paid", "all expenses", "we pay", "we'll pay", "we will pay", "i paid",
            "paid … {amount}",
        ],
    },
    "give_verbs": [
        "送", "赠", "捐", "给了", "给他", "给她", "给他们", "给科室", "给卫生院", "留下", "留了", "带了",
        "带给", "发给", "免费提供", "免费给", "提供了", "拿了…给", "给…买了", "买给", "帮…买了",
        "寄了", "寄给",
        "买了", "买的", "订了", "订的", "配了", "配的", "寄", "快递", "捎", "拎", "扛", "搬", "拉给", "拿给",
        "递给", "留给", "放在", "放到", "塞", "夹在", "压在", "发了", "带去", "带过去", "提了", "下单",
        "每人一", "一人一", "各一",
        # "free" phrases: a thing handed over for nothing is a gift
        "一分钱没收", "没收钱", "没收…钱", "没要钱", "不要钱", "不用给钱", "不用付钱", "不用交钱", "不用…还", "免费",
        "gave", "give", "given", "gifted", "donated", "brought", "left them", "left him", "left her",
        "handed out", "provided free", "dropped off",
        "bought", "got him", "got her", "got them", "got the", "sent", "shipped", "delivered",
        "left", "handed", "for free", "无偿",
        "收下", "收了", "留下了", "放…车上", "放…车里", "放…后备箱", "放…桌上", "放…抽屉", "放…办公室",
        "直接送", "送过去", "拿过去", "accepted", "kept", "no return date", "not to be returned", "to keep",
        "for keeps", "不用还", "不收租金", "装了", "留在", "调拨", "无需归还", "不用归还", "不必归还", "无需退还",
        "no need to return", "can keep them", "can keep it", "keep them", "they can keep",
    ],
    "given_items": {
        "gift": [
            "水果", "牛奶", "酒", "烟", "大米", "油", "鸡蛋", "坚果", "鲜花", "花篮", "蛋糕", "手表",
            "手机",
            "平板", "电脑", "iPad", "iPhone", "衣服", "被子", "化妆品", "书", "专著", "购物袋", "核桃",
            "茶", "取暖器", "咖啡", "奶茶", "饮料", "点心", "零食", "盒饭",
            # tonics and food
            "西洋参", "人参", "燕窝", "虫草", "阿胶", "鹿茸", "海参", "鲍鱼", "保健品", "营养品", "补品", "蜂蜜",
            "果篮", "苹果", "橙子", "橘子", "葡萄", "车厘子", "樱桃", "荔枝", "芒果", "猕猴桃", "大闸蟹",
            "螃蟹", "海鲜", "腊肉", "香肠", "火腿", "牛肉", "羊肉", "干货", "面粉", "食用油", "花生油", "巧克力",
            "糕点", "汤圆", "全家桶", "披萨",
            # flowers
            "一束花", "束花", "花束", "康乃馨", "玫瑰", "盆栽", "绿植",
            # art and crafts
            "字画", "书画", "书法", "国画", "油画", "名画", "一幅", "工艺品", "摆件", "瓷器", "玉器", "紫砂壶",
            # electronics and appliances
            "笔记本电脑", "台式机", "显示器", "耳机", "音箱", "相机", "手环", "智能手表", "扫地机", "家电",
            "电器", "电视", "冰箱", "洗衣机", "微波炉", "饮水机", "净水器", "空气净化器", "加湿器", "电饭煲",
            "咖啡机", "足浴盆", "空调", "电暖器", "电风扇", "电动车",
            # jewellery and accessories
            "金表", "项链", "手镯", "金饰", "首饰", "皮带", "钱包", "包包",
            # goods counted in boxes, bags, baskets: what is inside need not be on any list
            "一箱", "两箱", "三箱", "几箱", "一盒", "两盒", "三盒", "几盒", "一袋", "两袋", "几袋", "一桶", "两桶",
            "几桶", "一篮", "两篮", "一束", "两束", "几斤", "两斤", "一提", "两提", "一罐", "两罐",
            "fruit", "flowers", "cake", "wine", "cigarettes", "tea", "watch", "basket", "coffee",
            "snacks", "ginseng", "bird's nest", "chocolates", "bouquet", "beer", "baijiu", "liquor",
            "中华", "软中华", "芙蓉王", "玉溪", "黄鹤楼", "条烟", "张票", "tickets", "whisky", "cognac", "moutai",
            "maotai", "a case of", "a crate of", "a bottle of", "bottles of",
            "a box of", "boxes of", "seafood", "laptop", "tablet", "ipad", "iphone", "smartphone",
            "new phone",
            "mobile phone", "headphones", "television", "tv", "fridge", "microwave", "air conditioner",
            "massage chair", "jewelry", "jewellery", "painting", "calligraphy",
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
            # medical devices given to a clinic
            "血氧仪", "雾化机", "呼吸机", "彩超", "理疗仪", "输液泵", "注射泵", "吸痰器", "病床", "诊疗床",
            "检查床", "显微镜", "离心机", "消毒柜", "紫外线灯", "急救箱", "注射器", "输液器", "采血针", "防护服",
            # office equipment and furniture
            "复印机", "办公桌", "桌椅", "柜子", "书柜", "沙发",
            "blood pressure monitor", "glucometer", "test strips", "reagents", "consumables", "equipment",
            "wheelchair", "masks", "gloves", "ECG machine", "stethoscope", "monitor", "defibrillator",
            "oximeter", "nebulizer", "printer", "computer", "ventilator", "ultrasound machine",
        ],
        "cash": ["信封", "envelope"],
        # fees paid for someone
        "other": ["宽带费", "快递费", "网费", "物业费", "停车费", "车费", "房费", "会议费", "差旅费"],
    },
    "favour_terms": [
        "实习", "工作", "入学", "上学", "招生", "入园", "床位", "插队", "加号", "专家号", "优先", "提前安排",
        "面试", "岗位", "编制", "调动", "转学", "借读", "手术排", "VIP", "排队", "加了号", "加个号", "加了个号",
        "留了…床", "留个床", "留床", "插到前面", "排到前面", "提前排", "提前做", "安排入院", "直接入院", "人情",
        "不用等", "先做", "辅导", "单间", "插到", "名额", "学位", "幼儿园", "优先安排", "入职", "VIP病房",
        "internship", "job", "admission", "a bed", "ahead of the queue", "jump the queue", "skip the queue",
        "priority", "school place", "appointment slot", "before the queue", "slot him in", "slot her in",
        "squeezed him in", "squeezed her in", "same day", "personal favour", "personal favor", "waived",
        "fast-track", "fast track", "moved up", "move up", "bumped up", "private room",
    ],
    "relative_terms": [
        "孩子", "儿子", "女儿", "闺女", "小孩", "院长家属", "站长家属", "主任家属", "医生家属", "大夫家属",
        "所长家属", "科长家属", "他家属", "她家属", "他的家属", "她的家属",
        "爱人", "妻子", "老婆", "丈夫", "老公", "母亲", "父亲",
        "老母亲", "老父亲", "妈妈", "爸爸", "老妈", "老爸", "岳母", "岳父", "婆婆", "公公", "亲戚", "家人",
        "侄子", "外甥", "弟弟", "妹妹", "哥哥", "姐姐", "小舅子", "大舅子", "小姨子", "连襟", "表弟", "表妹",
        "表哥", "表姐", "亲家", "舅舅", "姑姑", "叔叔", "婶婶", "儿媳", "女婿", "孙子", "孙女",
        "之子", "之女", "其母", "其父", "其子", "其女", "其妻", "其夫", "他妈", "她妈", "他爸", "她爸", "家里人",
        "grandson", "granddaughter",
        "son", "daughter", "wife", "husband", "mother", "father", "mum", "mom", "dad", "relative",
        "nephew", "niece", "brother", "sister", "in-law", "family",
    ],
    "lookalike_terms": [
        # 无 and 未 in words that negate nothing
        "无论", "无菌", "无创", "无痛", "无线", "无锡", "无为", "无误", "无异常", "未来", "未成年", "未病",
        # relatives of patients, not of a partner clinician
        "患者…孩子", "患者…儿子", "患者…女儿", "患者…家属", "患者…爱人", "患者…母亲", "患者…父亲",
        "病人…孩子", "病人…儿子", "病人…女儿", "病人…家属", "病人…爱人", "病人…母亲", "病人…父亲",
        "患儿", "老人…子女", "patient's…son", "patient's…daughter", "patient's…wife", "patient's…husband",
        "patient's…mother", "patient's…father", "patient's…family", "patient's…relative",
        "patient's", "patient family", "family doctor", "family medicine",
        "family planning", "家庭医生", "家庭病床", "工作日", "工作量", "工作站", "工作群", "工作流程",
        "优先转诊", "优先接诊", "绿色通道", "双向转诊", "转交", "交了材料", "交材料", "交资料", "锦旗", "送我",
        "give our", "gave our", "to give us", "出…个专家", "出…名专家", "出…位专家", "出…个医生", "出…名医生",
        "最好的礼物", "锦旗留下", "免费…筛查", "免费…义诊", "请我", "a real gift for", "has a gift for",
        "anti-kickback", "anti-bribery", "anti-corruption", "dosing sheet", "捐赠慈善",
        "承诺书", "我们出人", "出人出", "其他学员…缴费", "其他人…缴费", "others paid", "给社区居民", "给…居民",
        "a gift for persuasion", "natural gift",
        "got him transferred", "got her transferred", "got them transferred", "got him admitted",
        "got her admitted", "got him seen", "got her seen", "gift了我", "gifted me", "bought me", "got me",
        "paid for me", "paid for us", "dinner portion",
        # samples, patients and paperwork being sent or escorted
        "送检", "送样", "送标本", "送病理", "送化验", "送血", "送病人", "送患者", "送回", "护送",
        "接送病人", "接送患者", "接送老人", "接送服务", "接送车", "来回接送", "负责接送",
        "运送", "转送", "送达", "送医", "送到医院", "送来的病人", "送来的患者", "送入", "送至", "送往",
        "欢送",
        "发送", "推送", "送修", "送审", "送药上门", "送报告", "送资料", "送转诊单", "送给患者", "送给病人",
        "给了患者", "给患者", "给病人", "给家属", "给村民", "带了患者", "带了病人", "带了资料", "带了…资料",
        "带了…宣传", "带了…手册", "带了…折页", "留下了联系方式", "留下联系方式", "留了电话", "留了联系方式",
        "寄…标本", "寄…资料", "寄…宣传", "寄…折页", "寄…手册", "寄…报告", "寄…转诊单", "快递…标本",
        "标本", "切片", "蜡块", "血样", "样本", "保温箱", "转运箱", "档案袋", "文件袋", "邮箱",
        "箱…宣传", "箱…资料", "箱…手册", "箱…折页", "箱…单", "盒…单", "袋…资料", "盒…标本", "箱…标本",
        "箱…病历", "盒…切片", "盒…药", "袋…药",
        # things done for patients and their families, not for a partner clinician
        "帮患者", "帮病人", "替患者", "替病人", "为患者", "为病人", "给老人", "帮老人", "患者家属", "病人家属",
        "给…病人", "给…患者", "帮…病人", "帮…患者", "为…病人", "为…患者", "替…病人", "替…患者",
        "自己买", "自行购买", "自己采购", "its own", "their own", "bought its", "county funds", "病人…免",
        "患者…免", "病人…减", "患者…减",
        "村民…免", "居民…免", "免费给村民", "免费给患者", "免费给居民", "for the patient", "patient's family",
        # value given to us, not by us; things returned
        "给我们送", "给我送", "送给我", "送我们", "塞给我", "给我们买", "帮我们买", "请我们",
        "gave me", "gave us", "give me", "give us", "offered me", "offered us", "buy us", "bought us",
        "还给", "还回", "归还", "借来", "退给",
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
        "leaflet", "brochure", "patient education", "poster",
        # prices and insurance quoted to patients; public subsidies
        "医保报销", "报销比例", "可以报销", "能报销", "报销范围", "报销后", "新农合报销", "按比例报销",
        "报销的", "报销多少", "医保按", "现金缴费", "现金支付", "支付宝缴费", "支付宝付", "微信缴费",
        "insurance reimbursement", "医保卡", "公卫补助", "公卫补贴", "政府补", "财政补", "国家补", "上级补",
        "医保补", "补助标准", "补贴标准", "补贴政策", "补助政策",
        # patients' free services and public clinics
        "免费义诊", "免费筛查", "免费测", "为村民免费", "给村民免费", "给患者免费", "为居民免费",
        "免费为村民",
        "免费为居民", "免费为老人", "为老人免费", "免费为患者", "免费为病人", "减免…患者", "患者减免",
        "free screening", "免费停车", "免费的停车", "free parking", "免费报名", "免费参加", "免费开放",
        "free online", "free lecture",
        # therapy, not leisure
        "康复按摩", "按摩治疗", "推拿按摩", "中医按摩", "按摩手法", "按摩理疗", "massage therapy",
        # 出 and 返 in words that are not paying
        "出发", "出院", "出门", "出诊", "出差", "出车", "出去", "出来", "出结果", "出报告", "出方案", "出具",
        "出现", "出台", "出血", "出面", "出席", "出科", "出问题", "出片",
        "返回", "返院", "返乡", "返程", "往返", "返了院",
        # "didn't say anything" is not a refusal
        "没说什么", "没有说什么", "也没说", "没多说", "没有拒绝", "没拒绝", "没推辞", "没有推辞", "没客气",
        # other innocent senses
        "抢红包", "抢…红包", "转账记录", "present the case", "presented", "presentation",
        "treat the patient",
        "treated for", "treated with", "treated at", "treatment", "gifted student", "monitor the",
        "monitor his", "monitor her", "monitoring", "cashier", "transfer the patient", "酒店式",
        "住宿费用由患者",
        "outpatient", "提成本", "不收费", "没有收费", "没收费", "不收…费用", "不收钱", "没收钱",
        "没要钱", "酒店会议室", "出院结账",
        "treated them for", "treated them with", "treated the patient", "treated patients",
        "送…标本", "送…病人", "送…患者", "送…资料", "送…报告", "送…宣传", "送…手册", "送…折页", "送…转诊单",
        "打了120", "打120", "拨打120", "120急救", "卡上面", "胸痛中心",
        "pay attention", "paid attention", "pay close attention", "paid a visit", "pay a visit", "paid off",
        "phone call", "phone number", "by phone", "on the phone", "phone consult", "left the clinic",
        "left for", "left at", "sent the patient", "sent back", "sent over the", "ordered tests",
        "ordered a ct",
        "ordered an", "got the results", "covered the topic", "covered the basics",
    ],
    "refusal_terms": [
        "拒绝", "婉拒", "谢绝", "推辞", "退回", "退还", "退了回去", "没收",
        "不接受", "未接受", "没接受", "没有接受",
        "不允许", "不可以", "不能", "不行", "不得", "不会", "禁止", "严禁", "违规", "违反",
        "有规定", "按规定", "不可能", "纪律",
        "不合规", "没答应", "没有答应", "未答应",
        "不答应", "不同意", "回绝",
        "一律不", "杜绝", "不存在", "不搞", "没有搞", "不参加", "没参加", "没有参加", "未参加", "不去了",
        # negations that continue or answer ("…，也没有吃饭", "我说没有"), nobody went
        "也没有", "并没有", "从没", "从来没", "没吃", "没有吃", "没喝", "没有喝", "没买", "没有买",
        "没发", "没有发", "没安排", "没有安排", "没拿", "没有拿", "说没有", "说不行", "说不会", "说不能",
        "说不给", "说不可以", "帮不了", "办不了", "不方便", "没有这种", "没这种", "不这样做", "不这么做",
        "一分都没有", "一分也没有", "推回", "没人去", "没有人去", "没人参加", "没有人参加", "没人参与",
        "没有人参与", "不设", "不带", "不拿",
        "declined", "decline", "refused", "refuse", "turned down", "turn down", "rejected", "said no",
        "prohibited", "against policy", "against the rules", "returned", "gave back",
        "not allowed", "not permitted", "does not allow", "doesn't allow", "was not", "were not", "wasn't",
        "weren't", "not accepted", "didn't accept", "did not accept", "wouldn't accept", "would not accept",
        "cannot do that", "can't do that", "not possible", "against our policy", "told him no", "told her no",
        "nobody from", "no one from", "none of us", "answered no",
        "cannot provide", "can't provide", "cannot offer", "can't offer", "cannot give", "can't give",
        "unable to",
        "not able to",
        # policy talk and explicit "nothing for any individual" statements
        "拒收", "廉洁", "宣讲", "规定", "无费用", "不向…个人", "不针对个人",
        "无个人", "没有个人", "不涉及个人", "no individual", "no personal benefit", "no benefit to",
        "not something we", "isn't something we", "we don't do", "we do not do", "say no", "policy",
        "带回去", "拿回去", "退回去", "送回去", "banned", "ban on", "forbid*", "prohibit*", "not happening",
        "sent … back", "took … back", "不准", "不许", "拒了", "典型案例", "警示教育", "医德医风", "承诺书",
    ],
    "negation_terms": [
        "不用", "不必", "不需要", "无需", "不用再", "no need",
        "没有收", "未收", "不收", "没要", "不要", "没送", "没有送", "未送", "不送", "没给", "没有给", "未给",
        "不给", "没请", "没有请", "未请", "不请", "没去", "没有去", "未去", "没有任何", "无任何", "不涉及",
        "未涉及", "未发生", "没有发生", "不支付", "不提供", "未提供", "没有提供", "不组织", "不安排", "不报销",
        "不承担", "不赞助", "不负责", "未安排", "未发放", "未产生", "不发放", "不派", "不发",
    ],
    "acceptance_terms": [
        "收下", "留下了", "还是收", "还是拿", "还是要了", "还是留", "最后收了", "硬塞", "塞下",
        "ended up keeping", "ended up taking", "ended up accepting", "kept it", "kept them", "accepted it",
        "accepted them", "took it in the end", "when i insisted", "我说可以", "说可以", "答应了", "同意了",
        "agreed to", "i said yes", "said yes",
    ],
    "question_terms": [
        "问…的事", "问…这事",
        "问…有没有", "问…能不能", "问…给不给", "问…可不可以", "问…会不会", "问…是否", "问…能否",
        "问…多少钱", "能拿多少", "有没有…提成", "有没有…回扣",
        "asked if", "asked whether", "asking if", "asking whether", "asked about", "whether we",
    ],
    "negation_ahead_terms": [
        "没有", "并没", "从未", "未", "无",
        "no", "not", "never", "don't", "didn't", "doesn't", "won't", "cannot", "can't", "without", "nothing",
        "none", "neither", "nor", "nobody", "no one",
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
        "我点了", "自己点", "回单位吃", "交财务", "交了财务", "财务报销", "报销单", "按标准报销", "差旅标准",
        "各自吃", "各吃各的", "各自付", "各付各的", "AA", "AA制",
        "my own", "myself", "our own", "ourselves", "I had", "I grabbed", "I ate", "I stayed",
        "on my own", "business trip", "per diem", "own expense", "self-paid", "I drove", "I took the",
        "grabbed a", "invited us", "invited me", "treated us", "treated me", "buy us", "bought us",
        "offered us", "offered me", "for my", "my lunch", "my dinner", "my meal", "my hotel", "my room",
        "my ticket", "my train", "my taxi", "split the bill",
        "单独报销", "无他人", "自己吃的", "no one else", "bought me", "paid for me", "各自埋单", "各自买单",
        "各自结账", "各付各", "AA", "going dutch", "went dutch", "回来报销", "回去报销", "回院报销", "公车",
        "单位车", "院里的车",
    ],
    "own_expense_natures": ["food", "travel", "other"],
    "third_party_terms": [
        "药企", "药厂", "医药代表", "药代", "器械代表", "器械公司", "厂家", "厂商", "供应商", "其他医院",
        "别的医院", "其他单位", "竞争对手", "对手医院", "友商", "某公司", "我方未参与", "我们没参与",
        "未参与", "没参与", "没有参与", "与我院无关", "与我们无关", "不是我们", "并非我方",
        "医药公司", "耗材公司", "设备公司", "公司的人", "公司的活动", "邻县", "外院", "别家医院",
        "跟我们医院无关", "跟我们无关",
        "rep", "reps", "pharma", "drug company", "device company", "another hospital", "other hospital",
        "competitor", "not involved", "not us", "not from us", "sales", "salesman", "other hospitals",
        "another company", "会务组", "学会", "选派", "慈善", "所在公司", "自己员工", "员工福利", "那家…医院",
        "别家", "听说那家",
        "兄弟医院", "他们手笔", "previous liaison", "former liaison", "上一任", "前任",
        "部门内部", "科室内部", "内部聚餐", "同事生日", "工会经费", "走工会", "没有邀请外单位", "无外单位",
        "our own team",
    ],
    "patient_cost_terms": [
        "医保", "新农合", "农合", "居民医保", "自付", "个人负担", "起付线", "押金", "缴费", "收费标准",
        "费用大约", "大概要", "住院费用", "病人自己", "患者自己", "家属自己", "由患者", "患者支付",
        "患者承担", "病人承担", "义诊", "村民",
        "insurance", "out-of-pocket", "copay", "co-pay", "deductible", "the patient pays", "the family paid",
        "patient paid", "deposit",
        "套餐价", "价格", "报价", "患者拿", "患者持", "患者要求", "病人要求", "有患者", "公卫项目", "基本公卫",
        "公共卫生项目", "政府项目", "price",
        "package price",
        "public health programme", "public health program", "government programme", "by the district",
    ],
    "patient_cost_natures": ["cash", "referral_fee", "other", "free_service"],
    "normal_fee_terms": [
        "照常交", "照常收", "照常收取", "正常交", "正常缴费", "正常收费", "正常挂号", "按规定交", "交清",
        "交齐", "按标准收", "按标准", "按物价", "费用自理", "自理", "自己交", "自己付", "自己出", "全额", "原价",
        "正常流程", "正常采购", "正常程序",
        "paid in full", "full price", "normal fee", "standard fee", "at the normal rate", "paid his own",
        "paid her own", "paid their own", "paid for its own", "own staff",
    ],
    "normal_fee_natures": ["education", "free_service", "other", "supplies"],
    "per_referral_terms": [
        "按住院总费用", "按总费用", "按…费用返", "more than … referrals", "referrals a month", "每介绍一",
        "每转一", "每转诊一", "每送来一", "每推荐一", "每带来一", "介绍一个病人",
        "介绍一个患者",
        "转一个病人", "转一个患者", "转来一个", "一个病人给", "一个患者给", "每个病人给", "每个患者给",
        "每例给", "按人头", "按住院费", "住院费的", "总费用的", "医疗费的", "手术费的", "治疗费的",
        "费用的",
        "收入的", "按转诊量", "按转诊人数", "按病人数", "跟转诊量挂钩", "和转诊量挂钩", "与转诊量挂钩",
        "每台", "每例", "每单", "每个病例", "每位病人", "每位患者", "每个转诊", "每次转诊", "一个病人",
        "一个患者", "费的百分之", "费用的百分之", "人头",
        "per patient", "per referral", "per referred", "for each patient", "for every patient",
        "for each referral", "for every referral", "each referral", "every referral",
        "% of the bill", "% of the charges", "% of the fees", "% of the total",
        "% of hospital", "percent of the bill", "percent of charges", "share of the bill",
        "tied to referrals", "based on referrals", "number of referrals",
        "per case", "per surgery", "per operation", "per procedure", "per scan", "per test", "per admission",
        "per head", "for each case", "for every case", "cases he sent", "cases they sent", "patients he sent",
        "patients they sent", "patients he refers", "patients they refer", "cases he refers", "he sent in",
        "they sent in", "% of the surgery", "% of the fee", "patient he refers", "patient she refers",
        "patient they refer", "for each … patient", "for every … patient", "for each … referral",
        "for every … case",
    ],
    "payment_terms": [
        "给钱", "奖励", "补贴", "钱", "结算给", "打给", "pay", "paid", "pays", "bonus", "money",
        "reward", "yuan",
        "RMB", "转过去", "微信转", "结算", "结给",
    ],
    "amount_units": ["元", "块", "%", "％", "百", "千", "万", "yuan", "RMB", "rmb", "CNY"],
    "count_units": [
        "份", "个", "例", "人", "位", "名", "次", "天", "周", "月", "年", "岁", "台", "盒", "箱", "张", "瓶",
        "袋", "床", "号", "分", "秒", "小时", "公里", "里", "米", "件", "本", "支", "家", "条", "层", "斤",
        "克", "毫", "升", "页", "篇", "项", "组", "间", "所", "户", "辆", "趟", "场", "期", "批", "套", "度",
        "倍", "copies", "patients", "cases", "people", "beds", "km", "ml", "mg",
    ],
}
# fmt: on
