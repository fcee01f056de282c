"""The demo content as plain data: the department, its territories and staff, the partners and
the words liaisons use in their notes.

Everything here is fictional. The city (江州市), its districts (东湖区, 西岭区) and county (北山县),
the streets, the phone numbers and every person's name are made up; any likeness to a real
clinic or person is accidental. The loader (``crm.demo.loader``) turns this into rows, choosing
among the templates with a seeded random generator so the same ``today`` gives the same data.

Note templates use ``str.format`` slots:
``{org}`` the partner's short name, ``{doc}`` how the liaison addresses the clinician (e.g. 马院长),
``{cond}`` a chronic condition, ``{expert}`` one of our hospital's specialists (e.g. 心内科赵主任),
``{topic}`` a lecture topic, ``{dept}`` a department of our hospital, ``{date}`` a date like 11月5日.

No note may contain a patient's name, ID-card number or phone number: case discussions carry only
a pseudonymous case code, an age band, a sex and a condition group.
"""

from __future__ import annotations

# Demo only: one shared password for every demo account, printed by ``crm quickstart``.
# Never use the demo data or this password on a real installation.
DEMO_PASSWORD = "demo-pass-2026"

DEPARTMENT = {"name": "市第一人民医院 推广部", "hospital": "江州市第一人民医院"}

TERRITORIES = [
    {
        "code": "chengdong",
        "name": "城东片区",
        "description": "东湖区东湖、朝阳两个街道及建设大道沿线，社区卫生服务机构和民营诊所较集中。",
    },
    {
        "code": "chengxi",
        "name": "城西片区",
        "description": "西岭区西岭、红星两个街道，老工业区，退休职工多，高血压、慢阻肺等慢病人群集中。",
    },
    {
        "code": "beibu-xiangzhen",
        "name": "北部乡镇片区",
        "description": "北山县石桥、柳河、龙泉、白沙、清水、梅岭六个乡镇及所辖村卫生室，距院区40至90公里。",
    },
]

# role: liaison / director / compliance / admin. ``territory`` and ``since_days`` are the current
# assignment of a liaison (started that many days before ``today``, open-ended).
STAFF = [
    {"username": "liaison.zhang", "full_name": "张伟", "role": "liaison", "territory": "chengdong", "since_days": 368},
    {"username": "liaison.liu", "full_name": "刘芳", "role": "liaison", "territory": "chengxi", "since_days": 365},
    {
        "username": "liaison.chen",
        "full_name": "陈磊",
        "role": "liaison",
        "territory": "beibu-xiangzhen",
        "since_days": 372,
    },
    {
        "username": "liaison.wang",
        "full_name": "王静",
        "role": "liaison",
        "territory": "beibu-xiangzhen",
        "since_days": 361,
    },
    {"username": "director.zhou", "full_name": "周建国", "role": "director"},
    {"username": "compliance.sun", "full_name": "孙丽华", "role": "compliance"},
    {"username": "admin", "full_name": "系统管理员", "role": "admin"},
]

# Earlier assignments that have ended (the history a director sees): 王静 covered 城西 before 刘芳.
ASSIGNMENT_HISTORY = [
    {"username": "liaison.wang", "territory": "chengxi", "starts_days_ago": 730, "ends_days_ago": 362},
]

ROLE_LABELS = {
    "liaison": "推广员",
    "director": "推广部主任",
    "compliance": "合规审核",
    "admin": "系统管理员",
}

# agreement: (signed this many days before today, expires this many days after today) or None.
# ``staff``: the clinicians to create, first one the key contact, as (title, department).
# fmt: off
ORGANIZATIONS = [
    # ---- 城东片区 ----
    {
        "name": "东湖街道社区卫生服务中心", "short": "东湖社区中心", "kind": "community_health",
        "territory": "chengdong", "address": "江州市东湖区东湖路128号", "phone": "0719-8325106",
        "beds": 20, "outpatients": 4600, "inpatients": 35,
        "specialties": "全科、中医科、康复科、预防保健",
        "tier": "A", "status": "active", "agreement": (610, 120),
        "staff": [("director", "全科"), ("attending", "全科"), ("physician", "中医科"), ("attending", "公卫科"),
                  ("nurse", "护理部"), ("physician", "康复科")],
    },
    {
        "name": "东湖街道翠苑社区卫生服务站", "short": "翠苑服务站", "kind": "community_health",
        "territory": "chengdong", "address": "江州市东湖区翠苑小区12栋底商", "phone": "0719-8326517",
        "beds": 0, "outpatients": 1300, "inpatients": 0,
        "specialties": "全科、慢病管理、家庭医生签约",
        "tier": "B", "status": "active", "agreement": (400, 330),
        "staff": [("director", "全科"), ("nurse", "全科")],
    },
    {
        "name": "朝阳街道社区卫生服务中心", "short": "朝阳社区中心", "kind": "community_health",
        "territory": "chengdong", "address": "江州市东湖区朝阳路56号", "phone": "0719-8337820",
        "beds": 15, "outpatients": 3900, "inpatients": 22,
        "specialties": "全科、中医科、口腔科、儿童保健",
        "tier": "A", "status": "active", "agreement": (335, 30),
        "staff": [("director", "全科"), ("attending", "全科"), ("attending", "儿保科"), ("physician", "中医科")],
    },
    {
        "name": "朝阳街道新村社区卫生服务站", "short": "新村服务站", "kind": "community_health",
        "territory": "chengdong", "address": "江州市东湖区朝阳新村综合楼一层", "phone": "0719-8338042",
        "beds": 0, "outpatients": 950, "inpatients": 0,
        "specialties": "全科、慢病随访",
        "tier": "B", "status": "active", "agreement": (280, 450),
        "staff": [("director", "全科"), ("physician", "全科")],
    },
    {
        "name": "东湖街道滨江社区卫生服务站", "short": "滨江服务站", "kind": "community_health",
        "territory": "chengdong", "address": "江州市东湖区滨江路203号", "phone": "0719-8329361",
        "beds": 0, "outpatients": 700, "inpatients": 0,
        "specialties": "全科",
        "tier": "C", "status": "dormant", "agreement": (800, -70),
        "staff": [("director", "全科")],
    },
    {
        "name": "江州市妇幼保健院", "short": "市妇幼", "kind": "maternal_child",
        "territory": "chengdong", "address": "江州市东湖区建设大道211号", "phone": "0719-8210350",
        "beds": 180, "outpatients": 12500, "inpatients": 920,
        "specialties": "妇产科、儿科、新生儿科、儿童保健",
        "tier": "A", "status": "active", "agreement": (500, 230),
        "staff": [("associate_chief", "医务科"), ("chief", "产科"), ("attending", "儿科"), ("attending", "儿童保健科"),
                  ("physician", "新生儿科")],
    },
    {
        "name": "江州钢铁集团职工医务室", "short": "钢铁集团医务室", "kind": "company_infirmary",
        "territory": "chengdong", "address": "江州市东湖区钢城路1号厂区内", "phone": "0719-8256113",
        "beds": 6, "outpatients": 1600, "inpatients": 0,
        "specialties": "全科、职业健康体检、现场急救",
        "tier": "B", "status": "active", "agreement": (300, 430),
        "staff": [("director", "全科"), ("physician", "职业卫生"), ("nurse", "全科")],
    },
    {
        "name": "仁和堂中医诊所", "short": "仁和堂", "kind": "private_clinic",
        "territory": "chengdong", "address": "江州市东湖区解放东路88号", "phone": "0719-8331275",
        "beds": 0, "outpatients": 850, "inpatients": 0,
        "specialties": "中医内科、针灸推拿",
        "tier": "C", "status": "active", "agreement": (220, 500),
        "staff": [("director", "中医科"), ("physician", "中医科")],
    },
    {
        "name": "康宁内科诊所", "short": "康宁诊所", "kind": "private_clinic",
        "territory": "chengdong", "address": "江州市东湖区滨江花园3号楼101", "phone": "0719-8329047",
        "beds": 0, "outpatients": 620, "inpatients": 0,
        "specialties": "内科、慢病随访",
        "tier": "B", "status": "active", "agreement": (150, 580),
        "staff": [("director", "内科"), ("physician", "内科")],
    },
    {
        "name": "晨光口腔诊所", "short": "晨光口腔", "kind": "private_clinic",
        "territory": "chengdong", "address": "江州市东湖区建设大道97号", "phone": "0719-8213466",
        "beds": 0, "outpatients": 480, "inpatients": 0,
        "specialties": "口腔科",
        "tier": "unrated", "status": "prospect", "agreement": None,
        "staff": [("director", "口腔科")],
    },
    {
        "name": "益民大药房（东湖店）", "short": "益民大药房", "kind": "pharmacy",
        "territory": "chengdong", "address": "江州市东湖区东湖路96号", "phone": "0719-8325730",
        "beds": None, "outpatients": None, "inpatients": None,
        "specialties": "处方药、慢病用药、医保定点",
        "tier": "C", "status": "active", "agreement": None,
        "staff": [("pharmacist", "药房"), ("pharmacist", "药房")],
    },
    {
        "name": "百姓健康药房（朝阳店）", "short": "百姓健康药房", "kind": "pharmacy",
        "territory": "chengdong", "address": "江州市东湖区朝阳路112号", "phone": "0719-8337254",
        "beds": None, "outpatients": None, "inpatients": None,
        "specialties": "非处方药、医疗器械",
        "tier": "unrated", "status": "prospect", "agreement": None,
        "staff": [("pharmacist", "药房")],
    },
    {
        "name": "江州东湖骨科医院", "short": "东湖骨科医院", "kind": "hospital",
        "territory": "chengdong", "address": "江州市东湖区康平路17号", "phone": "0719-8262098",
        "beds": 120, "outpatients": 5200, "inpatients": 310,
        "specialties": "骨科、关节外科、康复科",
        "tier": "B", "status": "active", "agreement": (420, 310),
        "staff": [("attending", "医务科"), ("chief", "骨科"), ("attending", "康复科"), ("resident", "骨科"),
                  ("associate_chief", "关节外科")],
    },
    # ---- 城西片区 ----
    {
        "name": "西岭街道社区卫生服务中心", "short": "西岭社区中心", "kind": "community_health",
        "territory": "chengxi", "address": "江州市西岭区西岭大道300号", "phone": "0719-8452218",
        "beds": 30, "outpatients": 5300, "inpatients": 48,
        "specialties": "全科、中医科、康复科、安宁疗护",
        "tier": "A", "status": "active", "agreement": (700, 60),
        "staff": [("director", "全科"), ("attending", "全科"), ("attending", "康复科"), ("physician", "中医科"),
                  ("attending", "公卫科")],
    },
    {
        "name": "西岭街道桃园社区卫生服务站", "short": "桃园服务站", "kind": "community_health",
        "territory": "chengxi", "address": "江州市西岭区桃园路45号", "phone": "0719-8453906",
        "beds": 0, "outpatients": 1050, "inpatients": 0,
        "specialties": "全科、家庭医生签约",
        "tier": "B", "status": "active", "agreement": (190, 540),
        "staff": [("director", "全科"), ("nurse", "全科")],
    },
    {
        "name": "红星街道社区卫生服务中心", "short": "红星社区中心", "kind": "community_health",
        "territory": "chengxi", "address": "江州市西岭区红星路210号", "phone": "0719-8461137",
        "beds": 25, "outpatients": 4100, "inpatients": 36,
        "specialties": "全科、中医科、慢病管理",
        "tier": "B", "status": "active", "agreement": (345, 18),
        "staff": [("director", "全科"), ("attending", "全科"), ("physician", "中医科"), ("nurse", "护理部")],
    },
    {
        "name": "红星街道纺织新村社区卫生服务站", "short": "纺织新村服务站", "kind": "community_health",
        "territory": "chengxi", "address": "江州市西岭区纺织路8号院", "phone": "0719-8462750",
        "beds": 0, "outpatients": 720, "inpatients": 0,
        "specialties": "全科、慢病随访",
        "tier": "C", "status": "active", "agreement": (260, 470),
        "staff": [("director", "全科"), ("physician", "全科")],
    },
    {
        "name": "西岭街道老街社区卫生服务站", "short": "老街服务站", "kind": "community_health",
        "territory": "chengxi", "address": "江州市西岭区老街巷21号", "phone": "0719-8450429",
        "beds": 0, "outpatients": 0, "inpatients": 0,
        "specialties": "全科（已并入西岭社区中心）",
        "tier": "C", "status": "closed", "agreement": (900, -150),
        "staff": [("director", "全科")],
    },
    {
        "name": "西岭区妇幼保健计划生育服务中心", "short": "西岭区妇幼", "kind": "maternal_child",
        "territory": "chengxi", "address": "江州市西岭区育才路66号", "phone": "0719-8457315",
        "beds": 40, "outpatients": 3100, "inpatients": 130,
        "specialties": "妇产科、儿童保健、妇女保健",
        "tier": "B", "status": "active", "agreement": (380, 350),
        "staff": [("associate_chief", "妇产科"), ("attending", "儿童保健科"), ("physician", "妇女保健科"),
                  ("nurse", "产科")],
    },
    {
        "name": "江州西岭康复医院", "short": "西岭康复医院", "kind": "hospital",
        "territory": "chengxi", "address": "江州市西岭区康复路9号", "phone": "0719-8466021",
        "beds": 100, "outpatients": 2600, "inpatients": 190,
        "specialties": "康复医学科、老年病科、神经康复",
        "tier": "A", "status": "active", "agreement": (560, 170),
        "staff": [("attending", "医务科"), ("chief", "康复医学科"), ("associate_chief", "老年病科"),
                  ("attending", "神经康复科"), ("nurse", "护理部"), ("resident", "康复医学科")],
    },
    {
        "name": "江州纺织厂医务室", "short": "纺织厂医务室", "kind": "company_infirmary",
        "territory": "chengxi", "address": "江州市西岭区纺织路2号厂区", "phone": "0719-8462013",
        "beds": 2, "outpatients": 450, "inpatients": 0,
        "specialties": "全科、职业健康",
        "tier": "C", "status": "dormant", "agreement": (760, -20),
        "staff": [("director", "全科"), ("nurse", "全科")],
    },
    {
        "name": "启明儿科诊所", "short": "启明儿科", "kind": "private_clinic",
        "territory": "chengxi", "address": "江州市西岭区育才路18号", "phone": "0719-8457782",
        "beds": 0, "outpatients": 900, "inpatients": 0,
        "specialties": "儿科、小儿推拿",
        "tier": "B", "status": "active", "agreement": (210, 520),
        "staff": [("director", "儿科"), ("physician", "儿科")],
    },
    {
        "name": "杏林中西医结合诊所", "short": "杏林诊所", "kind": "private_clinic",
        "territory": "chengxi", "address": "江州市西岭区红星路77号", "phone": "0719-8461690",
        "beds": 0, "outpatients": 680, "inpatients": 0,
        "specialties": "中西医结合内科",
        "tier": "C", "status": "active", "agreement": (130, 600),
        "staff": [("director", "中医科"), ("physician", "内科")],
    },
    {
        "name": "安康大药房（西岭店）", "short": "安康大药房", "kind": "pharmacy",
        "territory": "chengxi", "address": "江州市西岭区西岭大道286号", "phone": "0719-8452671",
        "beds": None, "outpatients": None, "inpatients": None,
        "specialties": "处方药、慢病用药、医保定点",
        "tier": "C", "status": "active", "agreement": None,
        "staff": [("pharmacist", "药房"), ("pharmacist", "药房")],
    },
    {
        "name": "惠民药店（红星路店）", "short": "惠民药店", "kind": "pharmacy",
        "territory": "chengxi", "address": "江州市西岭区红星路158号", "phone": "0719-8461503",
        "beds": None, "outpatients": None, "inpatients": None,
        "specialties": "非处方药、中药饮片",
        "tier": "unrated", "status": "prospect", "agreement": None,
        "staff": [("pharmacist", "药房")],
    },
    {
        "name": "江州化工园区企业联合医务室", "short": "化工园区医务室", "kind": "company_infirmary",
        "territory": "chengxi", "address": "江州市西岭区化工园区管委会大楼一层", "phone": "0719-8470155",
        "beds": 4, "outpatients": 900, "inpatients": 0,
        "specialties": "全科、职业病筛查、现场急救",
        "tier": "B", "status": "active", "agreement": (160, 570),
        "staff": [("director", "全科"), ("physician", "职业卫生")],
    },
    # ---- 北部乡镇片区 ----
    {
        "name": "北山县石桥镇中心卫生院", "short": "石桥卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县石桥镇石桥街45号", "phone": "0719-5621037",
        "beds": 80, "outpatients": 6500, "inpatients": 260,
        "specialties": "内科、外科、妇产科、中医科、公共卫生",
        "tier": "A", "status": "active", "agreement": (450, 280),
        "staff": [("director", "院办"), ("associate_chief", "内科"), ("attending", "全科"), ("attending", "中医科"),
                  ("physician", "妇产科"), ("physician", "公卫科")],
    },
    {
        "name": "北山县柳河镇卫生院", "short": "柳河卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县柳河镇柳河大街12号", "phone": "0719-5643210",
        "beds": 45, "outpatients": 3800, "inpatients": 150,
        "specialties": "内科、外科、中医科、公共卫生",
        "tier": "B", "status": "active", "agreement": (340, 25),
        "staff": [("director", "院办"), ("attending", "内科"), ("attending", "外科"), ("physician", "公卫科"),
                  ("nurse", "护理部")],
    },
    {
        "name": "北山县龙泉镇卫生院", "short": "龙泉卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县龙泉镇新街88号", "phone": "0719-5652019",
        "beds": 30, "outpatients": 2600, "inpatients": 90,
        "specialties": "内科、中医科、康复理疗",
        "tier": "B", "status": "active", "agreement": (230, 500),
        "staff": [("director", "院办"), ("attending", "内科"), ("physician", "中医科"), ("physician", "全科"),
                  ("nurse", "护理部")],
    },
    {
        "name": "北山县白沙镇卫生院", "short": "白沙卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县白沙镇人民路3号", "phone": "0719-5667432",
        "beds": 35, "outpatients": 2900, "inpatients": 110,
        "specialties": "内科、妇产科、公共卫生",
        "tier": "C", "status": "active", "agreement": (500, 230),
        "staff": [("director", "院办"), ("attending", "内科"), ("physician", "妇产科"), ("physician", "公卫科"),
                  ("nurse", "护理部")],
    },
    {
        "name": "北山县清水乡卫生院", "short": "清水卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县清水乡政府路6号", "phone": "0719-5678105",
        "beds": 30, "outpatients": 1900, "inpatients": 60,
        "specialties": "内科、中医科、公共卫生",
        "tier": "C", "status": "dormant", "agreement": (780, -45),
        "staff": [("director", "院办"), ("physician", "内科"), ("physician", "公卫科")],
    },
    {
        "name": "北山县梅岭镇卫生院", "short": "梅岭卫生院", "kind": "township_health",
        "territory": "beibu-xiangzhen", "address": "北山县梅岭镇梅岭大道21号", "phone": "0719-5689340",
        "beds": 40, "outpatients": 3000, "inpatients": 95,
        "specialties": "内科、外科、中医科",
        "tier": "unrated", "status": "prospect", "agreement": None,
        "staff": [("director", "院办"), ("attending", "内科"), ("physician", "外科")],
    },
    {
        "name": "石桥镇马家村卫生室", "short": "马家村卫生室", "kind": "village_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县石桥镇马家村村委会旁", "phone": "0719-5623318",
        "beds": 0, "outpatients": 300, "inpatients": 0,
        "specialties": "常见病、慢病随访、公共卫生服务",
        "tier": "C", "status": "active", "agreement": (240, 490), "surname": "马",
        "staff": [("village_doctor", "全科"), ("village_doctor", "全科")],
    },
    {
        "name": "石桥镇东岗村卫生室", "short": "东岗村卫生室", "kind": "village_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县石桥镇东岗村二组", "phone": "0719-5624076",
        "beds": 0, "outpatients": 260, "inpatients": 0,
        "specialties": "常见病、慢病随访",
        "tier": "C", "status": "active", "agreement": (240, 490),
        "staff": [("village_doctor", "全科")],
    },
    {
        "name": "柳河镇杨柳村卫生室", "short": "杨柳村卫生室", "kind": "village_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县柳河镇杨柳村文化广场东侧", "phone": "0719-5645581",
        "beds": 0, "outpatients": 320, "inpatients": 0,
        "specialties": "常见病、慢病随访、公共卫生服务",
        "tier": "unrated", "status": "active", "agreement": (90, 640),
        "staff": [("village_doctor", "全科"), ("village_doctor", "全科")],
    },
    {
        "name": "龙泉镇上坪村卫生室", "short": "上坪村卫生室", "kind": "village_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县龙泉镇上坪村三组", "phone": "0719-5653902",
        "beds": 0, "outpatients": 210, "inpatients": 0,
        "specialties": "常见病",
        "tier": "C", "status": "dormant", "agreement": None,
        "staff": [("village_doctor", "全科")],
    },
    {
        "name": "白沙镇河湾村卫生室", "short": "河湾村卫生室", "kind": "village_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县白沙镇河湾村村部", "phone": "0719-5668250",
        "beds": 0, "outpatients": 280, "inpatients": 0,
        "specialties": "常见病、慢病随访",
        "tier": "C", "status": "active", "agreement": (310, 420),
        "staff": [("village_doctor", "全科")],
    },
    {
        "name": "北山县中医院", "short": "县中医院", "kind": "hospital",
        "territory": "beibu-xiangzhen", "address": "北山县城关镇健康路2号", "phone": "0719-5601120",
        "beds": 220, "outpatients": 9200, "inpatients": 610,
        "specialties": "中医内科、骨伤科、针灸康复科、脑病科",
        "tier": "A", "status": "active", "agreement": (520, 210),
        "staff": [("attending", "医务科"), ("chief", "中医内科"), ("associate_chief", "骨伤科"),
                  ("attending", "针灸康复科"), ("attending", "脑病科"), ("resident", "骨伤科")],
    },
    {
        "name": "北山县妇幼保健院", "short": "县妇幼", "kind": "maternal_child",
        "territory": "beibu-xiangzhen", "address": "北山县城关镇文昌路15号", "phone": "0719-5605338",
        "beds": 60, "outpatients": 4100, "inpatients": 210,
        "specialties": "妇产科、儿科、儿童保健",
        "tier": "B", "status": "active", "agreement": (410, 320),
        "staff": [("associate_chief", "妇产科"), ("attending", "儿科"), ("attending", "儿童保健科"), ("nurse", "产科"),
                  ("physician", "妇女保健科")],
    },
    {
        "name": "北山水泥厂医务室", "short": "水泥厂医务室", "kind": "company_infirmary",
        "territory": "beibu-xiangzhen", "address": "北山县白沙镇工业园水泥厂内", "phone": "0719-5669017",
        "beds": 0, "outpatients": 380, "inpatients": 0,
        "specialties": "全科、职业健康",
        "tier": "unrated", "status": "prospect", "agreement": None,
        "staff": [("director", "全科")],
    },
    {
        "name": "石桥镇济民诊所", "short": "济民诊所", "kind": "private_clinic",
        "territory": "beibu-xiangzhen", "address": "北山县石桥镇石桥街102号", "phone": "0719-5621596",
        "beds": 0, "outpatients": 520, "inpatients": 0,
        "specialties": "内科、常见病",
        "tier": "C", "status": "active", "agreement": (180, 550),
        "staff": [("director", "内科"), ("physician", "全科")],
    },
    {
        "name": "康乐药房（石桥店）", "short": "康乐药房", "kind": "pharmacy",
        "territory": "beibu-xiangzhen", "address": "北山县石桥镇石桥街60号", "phone": "0719-5622143",
        "beds": None, "outpatients": None, "inpatients": None,
        "specialties": "处方药、慢病用药",
        "tier": "C", "status": "active", "agreement": None,
        "staff": [("pharmacist", "药房")],
    },
]
# fmt: on

# ---------------------------------------------------------------------------------------------
# People at partners (clinicians): names are drawn from these lists without repeats.
# ---------------------------------------------------------------------------------------------

# Common surnames first (drawn more often), then a long tail so the list does not look like 王/李 only.
COMMON_SURNAMES = "王李张刘陈杨黄赵吴周"
OTHER_SURNAMES = (
    "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万覃武戴严向汤"
)

GIVEN_NAMES = [
    "建华",
    "建平",
    "志强",
    "志刚",
    "国平",
    "国强",
    "卫东",
    "红梅",
    "丽萍",
    "丽娟",
    "秀英",
    "秀兰",
    "桂英",
    "桂芳",
    "玉兰",
    "玉梅",
    "春燕",
    "海燕",
    "晓燕",
    "晓东",
    "晓峰",
    "晓明",
    "文斌",
    "文杰",
    "文娟",
    "永刚",
    "永红",
    "雪梅",
    "立新",
    "立平",
    "德明",
    "德胜",
    "淑珍",
    "淑华",
    "明辉",
    "明亮",
    "海涛",
    "海波",
    "俊杰",
    "俊峰",
    "婷婷",
    "思远",
    "佳怡",
    "浩然",
    "子涵",
    "宇航",
    "欣怡",
    "梦瑶",
    "雨婷",
    "一鸣",
    "鹏飞",
    "振华",
    "振宇",
    "凤英",
    "翠兰",
    "金凤",
    "爱华",
    "爱民",
    "新民",
    "庆华",
    "兰芳",
    "家豪",
    "嘉欣",
    "慧敏",
    "少华",
    "德华",
    "春生",
    "秋菊",
    "冬梅",
    "向阳",
    "红霞",
    "美玲",
    "亚男",
    "晨曦",
    "书琴",
    "光明",
    "宏伟",
    "启明",
    "学军",
    "汉林",
    "素芬",
    "月娥",
    "敏",
    "静怡",
    "磊",
    "勇",
    "军",
    "斌",
    "燕",
    "霞",
    "丹",
    "涛",
    "强",
    "艳",
    "娜",
    "琳",
    "颖",
    "鑫",
    "超",
    "杰",
    "倩",
    "洁",
    "蕾",
    "宁",
    "峰",
    "琦",
    "瑶",
    "凯",
]

# For WeChat ids (ASCII): the pinyin of each surname above.
SURNAME_PINYIN = {
    "王": "wang",
    "李": "li",
    "张": "zhang",
    "刘": "liu",
    "陈": "chen",
    "杨": "yang",
    "黄": "huang",
    "赵": "zhao",
    "吴": "wu",
    "周": "zhou",
    "徐": "xu",
    "孙": "sun",
    "马": "ma",
    "朱": "zhu",
    "胡": "hu",
    "郭": "guo",
    "何": "he",
    "高": "gao",
    "林": "lin",
    "罗": "luo",
    "郑": "zheng",
    "梁": "liang",
    "谢": "xie",
    "宋": "song",
    "唐": "tang",
    "许": "xu",
    "韩": "han",
    "冯": "feng",
    "邓": "deng",
    "曹": "cao",
    "彭": "peng",
    "曾": "zeng",
    "肖": "xiao",
    "田": "tian",
    "董": "dong",
    "袁": "yuan",
    "潘": "pan",
    "蒋": "jiang",
    "蔡": "cai",
    "余": "yu",
    "杜": "du",
    "叶": "ye",
    "程": "cheng",
    "苏": "su",
    "魏": "wei",
    "吕": "lv",
    "丁": "ding",
    "任": "ren",
    "沈": "shen",
    "姚": "yao",
    "卢": "lu",
    "姜": "jiang",
    "崔": "cui",
    "钟": "zhong",
    "谭": "tan",
    "陆": "lu",
    "汪": "wang",
    "范": "fan",
    "金": "jin",
    "石": "shi",
    "廖": "liao",
    "贾": "jia",
    "夏": "xia",
    "韦": "wei",
    "方": "fang",
    "白": "bai",
    "邹": "zou",
    "孟": "meng",
    "熊": "xiong",
    "秦": "qin",
    "邱": "qiu",
    "江": "jiang",
    "尹": "yin",
    "薛": "xue",
    "段": "duan",
    "雷": "lei",
    "侯": "hou",
    "龙": "long",
    "史": "shi",
    "陶": "tao",
    "黎": "li",
    "贺": "he",
    "顾": "gu",
    "毛": "mao",
    "郝": "hao",
    "龚": "gong",
    "邵": "shao",
    "万": "wan",
    "覃": "qin",
    "武": "wu",
    "戴": "dai",
    "严": "yan",
    "向": "xiang",
    "汤": "tang",
}
WECHAT_STYLES = ["{py}{year}", "dr_{py}{n}", "{py}_yisheng", "{py}{n}{n2}", "{py}.doc{year}", "bs_{py}{n}"]

# ---------------------------------------------------------------------------------------------
# Words that fill the note templates.
# ---------------------------------------------------------------------------------------------

CONDITIONS = ["高血压", "2型糖尿病", "慢阻肺", "冠心病", "脑卒中后遗症", "慢性心衰", "骨质疏松", "慢性肾病", "房颤"]

STUDY_DEPARTMENTS = ["心内科", "超声医学科", "急诊科", "内分泌科", "康复医学科", "消化内科内镜中心", "儿科", "产科"]

# The specialist a liaison would bring in for each condition.
CONDITION_EXPERTS = {
    "高血压": "心内科赵主任",
    "2型糖尿病": "内分泌科钱主任",
    "慢阻肺": "呼吸与危重症医学科冯主任",
    "冠心病": "心内科赵主任",
    "脑卒中后遗症": "神经内科郑主任",
    "慢性心衰": "心内科赵主任",
    "骨质疏松": "骨科韩主任",
    "慢性肾病": "肾内科曹医生",
    "房颤": "心内科赵主任",
}

# (topic, who gives it, kinds of partner it suits or None for any)
LECTURES_FOR_STAFF = [
    ("高血压分级诊疗与基层用药", "心内科赵主任", None),
    ("2型糖尿病胰岛素起始与调整", "内分泌科钱主任", None),
    ("胸痛早期识别与转诊时机", "急诊科黄主任", None),
    ("脑卒中FAST识别与溶栓时间窗", "神经内科郑主任", None),
    ("慢阻肺稳定期管理与肺功能检查", "呼吸与危重症医学科冯主任", None),
    ("儿童社区获得性肺炎的基层处理", "儿科沈主任", None),
    ("高危孕产妇识别与转诊", "产科卢主任", {"maternal_child", "township_health", "community_health"}),
    ("心电图常见异常判读", "心内科赵主任", None),
    ("骨质疏松性骨折的预防与康复", "骨科韩主任", None),
    ("抗菌药物合理使用", "药学部唐主任药师", None),
    ("慢性肾病早期筛查", "肾内科曹医生", None),
    ("房颤抗凝治疗与出血风险评估", "心内科赵主任", None),
    ("慢病患者的用药依从性与药学随访", "药学部唐主任药师", {"pharmacy"}),
]
# Who goes to an expert clinic day (义诊), by kind of partner.
CLINIC_EXPERTS = {
    "maternal_child": "产科卢主任、儿科沈主任",
    "default": "心内科赵主任、内分泌科钱主任",
}
LECTURES_FOR_PUBLIC = [
    "老年人跌倒预防",
    "高血压患者的饮食与运动",
    "糖尿病足日常护理",
    "冬季心脑血管病预防",
    "儿童合理用药",
    "孕期营养与体重管理",
    "中风早期识别“BE FAST”",
]
WORKSHOP_SKILLS = [
    "心肺复苏与AED使用",
    "动态血压监测操作",
    "糖尿病足筛查",
    "小儿雾化吸入规范操作",
    "伤口清创缝合",
    "十二导联心电图规范采集",
]
CANCEL_REASONS = ["对方迎接上级慢病考核", "主讲专家临时外派支援", "当天有防汛值班任务", "场地临时被占用"]
DECLINE_REASONS = ["科室人手紧张", "正在迎接家庭医生签约考核", "秋冬季疫苗接种任务重"]

# ---- visit notes: (summary, next step or None, kinds it fits or None for any) ----
VISIT_NOTES = [
    (
        "到{org}例行随访，与{doc}沟通近期双向转诊情况，上月经我院下转的{cond}患者均已纳入社区随访。",
        "整理本月转诊登记，与转诊中心核对",
        None,
    ),
    (
        "拜访{org}，{doc}反映转诊预约电话高峰期不好打通，已把转诊中心值班电话和线上预约入口重新发到对方工作群。",
        "一周后回访，看预约是否顺畅",
        None,
    ),
    (
        "走访{org}，了解{cond}慢病管理开展情况，{doc}希望我院能定期来做病例点评。",
        "和{expert}商量每月一次线上病例点评的时间",
        None,
    ),
    (
        "到{org}核对上季度转诊登记本与我院系统记录，发现两条下转记录未同步，已现场更正。",
        "把更正情况同步给转诊中心",
        None,
    ),
    (
        "与{org}新到任的{doc}第一次见面，介绍了我院双向转诊流程、绿色通道和各专科联系人。",
        "把转诊联系人名单发给{doc}",
        None,
    ),
    ("与{doc}沟通下转患者出院小结的问题：部分小结用药写得不够细，已反馈给相关科室统一使用打印版模板。", None, None),
    ("到{org}回访，{doc}提到近期{cond}患者复诊多，希望我院专家能下来坐诊半天。", "联系{expert}确认下乡坐诊排班", None),
    ("协助{org}梳理送检标本的交接流程，{doc}反映检验报告回传偏慢，已反馈我院检验科。", "跟进检验报告回传时限", None),
    ("陪同{expert}到{org}查看下转患者的康复情况，顺带交流了{cond}用药调整的注意事项。", None, None),
    (
        "到{org}了解家庭医生签约随访情况，{cond}患者规范管理率比上季度有提升，{doc}希望增加转诊号源。",
        "向转诊中心申请每周固定专家号源",
        None,
    ),
    (
        "秋冬季呼吸道疾病增多，{org}门诊量明显上升，与{doc}沟通儿童和老年患者的转诊指征。",
        "把呼吸道感染转诊指征卡片送到{org}",
        {"community_health", "township_health", "village_clinic", "private_clinic"},
    ),
    ("电话联系{doc}，确认下月讲座的时间和主题，初定“{topic}”。", "{date}前把讲座课件发给{doc}", None),
    ("与{doc}当面沟通双向转诊协议续签事宜，对方同意按原条款续签，等对方院办盖章。", "下周电话确认协议盖章进度", None),
    (
        "走访{org}，发放我院转诊绿色通道流程图，{doc}提出夜间急诊转运衔接不顺，已记录反馈急诊科。",
        "和急诊科沟通夜间转运衔接",
        None,
    ),
    ("例行拜访{org}，重点了解上次下转的{cond}患者情况，{doc}说目前病情稳定，按时随访。", None, None),
    (
        "与{doc}交流基层{cond}规范诊疗，对方对最新指南中的用药调整有疑问，已约{expert}线上答疑。",
        "确认线上答疑时间并通知{doc}",
        None,
    ),
    ("到{org}走访，提醒对方督促下转患者按期返院复查，并把复查时间表发给{doc}。", None, None),
    (
        "{doc}反映有患者转诊到我院后挂号排队时间长，已向门诊部反映，建议转诊患者走专用窗口。",
        "跟进门诊部转诊专窗落实情况",
        None,
    ),
    ("微信与{doc}沟通，对方需要我院{cond}随访表格的电子版，已发送。", None, None),
    (
        "到{org}拜访，{doc}介绍了机构新开设的康复理疗室，可以承接我院骨科和神经科的下转康复患者。",
        "把{org}的康复服务能力告知康复医学科蒋主任",
        {"community_health", "township_health", "hospital"},
    ),
    (
        "与{doc}沟通远程心电会诊试运行情况，本月已上传心电图若干份，回报时间基本在30分钟内。",
        "月底统计远程会诊例数",
        {"community_health", "township_health", "village_clinic"},
    ),
    (
        "到{org}随访，{doc}一人负责全村慢病随访，建议遇到血压、血糖控制不佳的及时转卫生院或我院。",
        "下次带村医慢病随访手册过来",
        {"village_clinic"},
    ),
    (
        "走访{org}，了解村里高血压、糖尿病患者随访和取药情况，{doc}希望卫生院和我院的转诊能一站式对接。",
        None,
        {"village_clinic"},
    ),
    (
        "与{doc}沟通高危孕产妇转诊流程，核对妊娠风险五色分级管理的对接人和联系方式。",
        "把产科急会诊联系方式更新给{org}",
        {"maternal_child", "township_health"},
    ),
    ("{org}儿保科咨询卡介苗接种后局部反应较重患儿的转诊路径，已请我院儿科给出处理建议。", None, {"maternal_child"}),
    (
        "到{org}对接职工体检异常结果的转诊流程，{doc}希望血压、血糖异常的职工能直接预约我院专科门诊。",
        "与体检中心确认职工专科预约通道",
        {"company_infirmary"},
    ),
    (
        "走访{org}，了解职业健康体检中发现的尘肺可疑病例的转诊需求，已介绍我院呼吸科职业病门诊。",
        None,
        {"company_infirmary"},
    ),
    (
        "到{org}了解慢病患者购药和用药咨询情况，介绍我院慢病门诊和药学咨询热线，方便药师提醒顾客规范就医。",
        None,
        {"pharmacy"},
    ),
    (
        "与{org}药师交流处方外流和慢病长处方政策，对方希望了解我院哪些慢病用药可开长处方。",
        "整理我院慢病长处方目录发给{org}",
        {"pharmacy"},
    ),
    (
        "与{doc}沟通，药房遇到血压、血糖控制不好的顾客会建议其到社区或我院复诊，已把我院慢病门诊时间表留给对方。",
        None,
        {"pharmacy"},
    ),
    (
        "到{org}了解医保定点药店慢病用药供应情况，{doc}反映部分降糖药断货，已提醒其引导顾客到社区卫生服务中心开药。",
        "向药学部反映基层降糖药供应情况",
        {"pharmacy"},
    ),
    (
        "与{doc}沟通中医适宜技术在下转康复患者中的应用，对方可承接针灸、推拿康复。",
        None,
        {"private_clinic", "hospital", "township_health"},
    ),
    (
        "到{org}了解儿科门诊情况，{doc}希望我院儿科能对高热惊厥、哮喘急性发作的转诊给予指导。",
        "约儿科沈主任给{org}讲一次儿科急症转诊",
        {"maternal_child", "private_clinic"},
    ),
]

# ---- first contacts with prospects, and dormant partners ----
PROSPECT_NOTES = [
    (
        "初次拜访{org}，介绍我院双向转诊合作模式和协议内容，{doc}有合作意向，需向上级请示后再定。",
        "两周后电话了解对方请示结果",
    ),
    ("到{org}初次接触，{doc}关心转诊患者回社区后的随访分工，已留下协议文本供对方研究。", "把协议样本电子版发给{doc}"),
    ("电话联系{org}负责人{doc}，约定下周上门介绍双向转诊合作。", "按约定时间上门拜访"),
]
DORMANT_NOTES = [
    ("电话联系{org}的{doc}，对方表示近期人手紧张，暂无合作安排，约定年后再联系。", None),
    ("与{doc}微信沟通，{org}目前转诊量很少，协议已到期未续签，对方暂不考虑续签。", "明年一季度再联系一次"),
]
CLOSED_NOTES = [
    "{org}已停止执业，原服务站人员和签约居民整体并入西岭社区中心，转诊关系随之转入，已在系统中标记关闭。",
]

# ---- training offers (kind = training) ----
STUDY_NOTES = {
    "offered": "向{org}提供我院{dept}{months}个月进修名额1个，{start}开班，{doc}表示需向院里请示后答复。",
    "accepted": "{org}{doc}确认参加我院{dept}{months}个月进修，{start}报到，已把进修申请表和报到须知发给对方。",
    "declined": "向{org}提供{dept}进修名额，{doc}因{reason}婉拒，约定明年再议。",
    "completed": "{org}{doc}在我院{dept}为期{months}个月的进修已结业，考核合格，回去后准备开展相关随访工作。",
    "cancelled": "原定{start}开班的{dept}进修班因带教老师外派支援取消，已向{org}{doc}说明，名额顺延到下期。",
}
STAFF_LECTURE_NOTES = {
    "offered": "与{doc}商定在{org}开展“{topic}”业务讲座，暂定{start}，主讲{expert}，等对方确认人数。",
    "accepted": "{org}确认{start}安排“{topic}”业务讲座，主讲{expert}，{doc}负责组织本院医护参加。",
    "declined": "向{org}提出开展“{topic}”讲座，{doc}表示近期{reason}，暂不安排。",
    "completed": "在{org}讲授“{topic}”，主讲{expert}，{n}名医护人员参加，课后讨论了转诊指征和随访分工。",
    "cancelled": "原定{start}在{org}的“{topic}”讲座因{reason}取消，已通知{doc}，另行排期。",
}
PUBLIC_LECTURE_NOTES = {
    "offered": "与{doc}商量{start}在{org}为居民开展“{topic}”健康讲座，对方需要先协调场地。",
    "accepted": "{org}确认{start}开展“{topic}”公益健康讲座，{doc}负责通知辖区居民。",
    "completed": "在{org}为辖区居民开展“{topic}”健康讲座，到场约{n}人，{doc}协助组织，现场免费测血压。",
    "cancelled": "原定{start}的“{topic}”居民讲座因{reason}取消，已和{doc}商定另行排期。",
    "declined": "向{org}提出开展“{topic}”居民讲座，{doc}表示近期{reason}，暂不安排。",
}
CLINIC_NOTES = {
    "offered": "与{doc}商量{start}（周六）在{org}组织专家义诊，需要对方协助通知群众、提供场地。",
    "accepted": "{org}确认{start}（周六）举办义诊，拟派{expert}等三位专家，{doc}负责场地和群众通知。",
    "completed": (
        "组织{expert}等专家到{org}开展义诊，接诊群众约{n}人次，免费测血糖{m}人次，发现需进一步检查的已建议转诊。"
    ),
    "cancelled": "原定{start}在{org}的义诊因{reason}取消，已和{doc}商定下月补办。",
    "declined": "向{org}提出联合义诊，{doc}表示近期{reason}，暂不安排。",
}
WORKSHOP_NOTES = {
    "offered": "向{org}提出开展“{skill}”技能培训，暂定{start}，{doc}在统计参训人数。",
    "accepted": "{org}确认{start}开展“{skill}”技能培训，由{doc}组织报名，共{n}人。",
    "completed": "在{org}开展“{skill}”技能培训，{n}名医护人员参加，每人完成实操考核。",
    "cancelled": "原定{start}的“{skill}”培训因{reason}取消，已和{doc}商定改期。",
    "declined": "向{org}提出“{skill}”技能培训，{doc}表示近期{reason}，暂不安排。",
}
TRAINING_NEXT_STEPS = {
    "offered": "{date}前确认是否参加",
    "accepted": "培训前两天再次确认人数和场地",
    "declined": None,
    "completed": "收集参训人员反馈，整理培训记录",
    "cancelled": "重新确定培训日期",
    ("advanced_study", "offered"): "{date}前确认是否报名",
    ("advanced_study", "accepted"): "报到前一周提醒对方准备进修材料",
    ("advanced_study", "completed"): "回访了解进修医生回去后的工作开展情况",
    ("expert_clinic", "accepted"): "义诊前三天确认场地和专家名单",
    ("expert_clinic", "completed"): "跟进义诊中建议转诊的群众是否已来院就诊",
    ("expert_clinic", "cancelled"): "和对方商定补办义诊的日期",
}

# Statements for offers that carry no individual benefit (a zero value needs one).
NO_BENEFIT = {
    "public_lecture": "面向辖区居民的公开健康讲座，无个人利益",
    "clinic": "义诊面向群众免费开放，合作机构及其医生无个人利益",
    "staff_lecture": "院内业务学习，在对方会议室进行，无个人利益",
    "declined": "对方已婉拒，未发生任何价值转移",
    "cancelled": "培训已取消，未发生任何价值转移",
    "study_paid": "进修费用由派出单位按规定承担，无个人利益",
    "workshop": "技能培训在对方单位进行，未收取费用，也未向个人提供任何物品，无个人利益",
}

# ---- transfer-of-value lines the liaisons declare ----
MEAL_DESCRIPTIONS = ["转诊协调会后工作餐", "工作餐（附近餐馆）", "工作餐（机构食堂）"]
PROMO_ITEMS = [
    ("印有医院标识的笔记本和签字笔", "35"),
    ("医院宣传台历（印有转诊中心电话）", "25"),
    ("印有医院标识的帆布袋", "18"),
    ("转诊流程卡和医院标识U盘", "45"),
]
PATIENT_EDUCATION_ITEMS = [
    ("高血压健康教育手册{n}册", "1.5"),
    ("糖尿病饮食指导折页{n}份", "0.6"),
    ("儿童哮喘家庭护理手册{n}册", "1.8"),
    ("脑卒中识别宣传海报和折页{n}份", "0.8"),
]
STUDY_FEE_PER_MONTH = "500"
JUSTIFY_STUDY = "按医院对口支援进修政策执行，用于提升基层{dept}诊疗和转诊后随访能力"
JUSTIFY_WORKSHOP = "面向机构全体医护的技能培训，提升基层急救和慢病管理能力，受益方为机构"
JUSTIFY_LODGING = "进修期间入住医院职工公寓，按公寓收费标准计价"
JUSTIFY_ECG = "用于基层远程心电会诊，设备归卫生院所有，不归个人使用"
JUSTIFY_GLUCOMETER = "义诊后留卫生院公共诊室使用，用于村民血糖筛查"

# ---- case discussions (kind = case) ----
# For each condition group: the age bands and sexes that fit, and coherent case stories
# (label, presentation before referral, advice, progress after referral, discharge/rehab plan).
# fmt: off
CASE_CONDITIONS = {
    "cardiovascular": {
        "bands": ["45-64", "65-79", "80+"], "sexes": "MMF",
        "cases": [
            ("冠心病", "活动后胸闷、心电图提示ST段压低", "尽快转我院心内科门诊，必要时走胸痛中心绿色通道",
             "已行冠脉造影并植入支架1枚，术后恢复好，预计3天后出院",
             "双联抗血小板服用满12个月，每周测血压心率3次，一个月后回我院心内科复诊"),
            ("难治性高血压", "三种降压药联用后血压仍在160/100mmHg以上", "先调整用药观察一周，仍不达标再转心内科",
             "已排查继发性高血压，调整为长效联合用药，血压降到140/90mmHg以下",
             "每天早晚各测一次血压并记录，两周后在社区复查电解质和肾功能"),
            ("慢性心衰", "下肢水肿加重、夜间不能平卧", "尽快转我院心内科住院",
             "利尿和调整用药后水肿消退，心功能改善，可以下转",
             "每日称体重，三天内增加超过2公斤及时联系，限盐限水，一个月后回我院心内科复诊"),
        ],
    },
    "cerebrovascular": {
        "bands": ["45-64", "65-79", "80+"], "sexes": "MF",
        "cases": [
            ("急性脑梗死", "突发言语不清伴一侧肢体无力约1小时", "立即转我院卒中中心，已通知急诊开通绿色通道",
             "已在时间窗内完成静脉溶栓，肢体肌力明显恢复，目前在卒中单元观察",
             "每日两次康复训练（肢体和吞咽），血压控制在140/90mmHg以下，一个月后回我院康复科评估"),
            ("短暂性脑缺血发作", "反复头晕、一过性肢体麻木", "尽快转我院神经内科门诊做头颅磁共振和颈部血管超声",
             "头颅磁共振提示多发腔隙性梗死，已调整二级预防用药",
             "长期服用抗血小板药和他汀，社区每月随访血压血脂，三个月后回我院复查颈部血管超声"),
        ],
    },
    "respiratory": {
        "bands": ["65-79", "80+", "45-64"], "sexes": "MMF",
        "cases": [
            ("慢阻肺急性加重", "咳喘加重、口唇发绀，指脉氧88%左右", "立即吸氧并转我院呼吸科住院",
             "经无创通气和抗感染治疗后好转，已转入普通病房",
             "规律使用吸入药，教会家属正确使用吸入装置，家庭氧疗每天15小时以上，卫生院两周后复查"),
            ("社区获得性肺炎", "发热三天、咳黄痰，胸片提示右下肺片影", "按社区获得性肺炎处理，48小时无好转转我院",
             "痰培养结果已出，抗生素已按药敏调整，体温正常两天",
             "口服抗生素满疗程，一周后在社区复查血常规，两周后复查胸片"),
        ],
    },
    "digestive": {
        "bands": ["45-64", "65-79"], "sexes": "MF",
        "cases": [
            ("上消化道出血", "反复上腹痛伴黑便两天", "暂禁食并尽快转我院消化内科急诊做胃镜",
             "急诊胃镜提示十二指肠球部溃疡，已镜下止血，血红蛋白稳定",
             "抑酸治疗满8周，避免服用止痛药，8周后回我院复查胃镜"),
        ],
    },
    "endocrine": {
        "bands": ["45-64", "65-79", "18-44"], "sexes": "MF",
        "cases": [
            ("糖尿病足", "空腹血糖反复在13mmol/L以上，足背有一处破溃", "转我院内分泌科糖尿病足门诊评估",
             "足部破溃已清创换药，感染控制，血糖平稳后可出院",
             "伤口每两天换药一次，足部每日自查，每周监测空腹和餐后血糖各3次"),
            ("2型糖尿病", "口服药效果差，考虑起始胰岛素", "可在卫生院起始基础胰岛素，剂量有疑问随时联系我院内分泌科",
             "已完成并发症筛查，改为基础胰岛素加口服药方案，血糖逐步下降",
             "胰岛素剂量按出院医嘱执行，一个月后在卫生院查糖化血红蛋白，结果发到内分泌科群里点评"),
        ],
    },
    "oncology": {
        "bands": ["45-64", "65-79"], "sexes": "MF",
        "cases": [
            ("肺部结节", "体检CT发现右上肺8毫米磨玻璃结节", "转我院胸外科结节门诊随访评估，不必过度紧张",
             "多学科会诊后建议三个月后复查CT，暂不手术",
             "三个月后回我院复查低剂量CT，期间戒烟，社区提醒复查时间"),
        ],
    },
    "trauma": {
        "bands": ["65-79", "80+"], "sexes": "FFM",
        "cases": [
            ("髋部骨折", "摔倒后髋部疼痛、不能站立", "制动后转我院骨科急诊，尽量在48小时内手术",
             "已行人工股骨头置换术，术后第二天在康复师指导下坐起",
             "术后康复训练每日两次，防跌倒、防压疮，抗骨质疏松治疗，6周后回我院骨科复查"),
        ],
    },
    "obstetrics": {
        "bands": ["18-44"], "sexes": "F",
        "cases": [
            ("妊娠期高血压", "孕32周，血压150/100mmHg，尿蛋白阳性", "属橙色风险，立即转我院产科住院监测",
             "已住院监测，血压控制平稳，胎儿情况良好，计划继续待产",
             "产后42天回我院复查血压和尿蛋白，社区做好产后访视"),
            ("妊娠期糖尿病", "孕26周，糖耐量异常", "转我院产科营养门诊，同时在社区做好血糖监测",
             "营养门诊制定了饮食方案，血糖基本达标，暂不需要胰岛素",
             "每周在社区测四次血糖并记录，两周后回我院产科复诊"),
        ],
    },
    "paediatrics": {
        "bands": ["0-6", "7-17"], "sexes": "MF",
        "cases": [
            ("儿童肺炎", "患儿高热三天伴气促，精神差", "立即转我院儿科急诊",
             "诊断为支原体肺炎，治疗后体温正常，咳嗽减轻",
             "出院后按时服药一周，社区一周后复诊听诊，如再发热及时回我院"),
            ("儿童哮喘", "患儿哮喘反复发作，夜间咳醒", "转我院儿科哮喘门诊，评估是否需要长期控制药物",
             "已完成肺功能检查，制定了哮喘长期控制方案",
             "吸入药每日规律使用，家长记录症状日记，一个月后回我院哮喘门诊"),
        ],
    },
    "renal": {
        "bands": ["45-64", "65-79"], "sexes": "MF",
        "cases": [
            ("慢性肾病", "肌酐进行性升高，近半年从110升到180μmol/L", "转我院肾内科门诊评估病因和分期",
             "肾内科评估为慢性肾病3期，已调整降压方案并开始低蛋白饮食",
             "每月在社区查肾功能和电解质，结果发给肾内科，三个月后回我院复诊"),
        ],
    },
    "rehabilitation": {
        "bands": ["45-64", "65-79", "80+"], "sexes": "MF",
        "cases": [
            ("脑卒中后康复", "卒中后三个月仍行走不稳", "转我院康复医学科评估，制定社区康复方案",
             "康复评估已完成，平衡功能较前改善，可回社区继续训练",
             "每周三次平衡和步态训练，家属学习防跌倒要点，一个月后由康复科线上复评"),
            ("膝关节置换术后康复", "术后两周膝关节屈曲不到90度", "转我院康复医学科调整训练方案",
             "经一周强化训练，膝关节屈曲已到110度，疼痛减轻",
             "每日两次关节活动度训练和股四头肌力量训练，两周后回我院康复科复查"),
        ],
    },
}
# fmt: on
# Who at our hospital looks at a case of each condition group.
GROUP_EXPERTS = {
    "cardiovascular": "心内科赵主任",
    "cerebrovascular": "神经内科郑主任",
    "respiratory": "呼吸与危重症医学科冯主任",
    "digestive": "消化内科彭医生",
    "endocrine": "内分泌科钱主任",
    "oncology": "胸外科邱主任",
    "trauma": "骨科韩主任",
    "obstetrics": "产科卢主任",
    "paediatrics": "儿科沈主任",
    "renal": "肾内科曹医生",
    "rehabilitation": "康复医学科蒋主任",
}
SEX_WORDS = {"M": "男性", "F": "女性", "U": "患者"}
CHILD_SEX_WORDS = {"M": "男童", "F": "女童", "U": "患儿"}
BAND_WORDS = {
    "0-6": "6岁以下",
    "7-17": "7至17岁",
    "18-44": "18至44岁",
    "45-64": "45至64岁",
    "65-79": "65至79岁",
    "80+": "80岁以上",
}

CASE_NOTES = {
    "pre_referral": "{org}{doc}{via}咨询一例{who}，{present}。{advice}病例编号{code}。",
    "referral_feedback": "跟进{org}{doc}转来的病例{code}（{who}，{label}）：{progress}。需在24小时内向{doc}反馈。",
    "discharge_plan": (
        "病例{code}（{who}，{label}）近日出院下转{org}，与{doc}沟通康复计划：{rehab}。"
        "出院小结和用药清单已通过转诊平台发送。"
    ),
}
CASE_NEXT_STEPS = {
    "pre_referral": ["了解患者是否已到我院就诊", "三天后电话了解转诊后情况"],
    "referral_feedback": ["出院前再与{doc}沟通下转安排", "把出院小结发给{doc}"],
    "discharge_plan": ["一周后电话随访康复情况", "两周后提醒患者按期返院复查"],
}
CHANNEL_WORDS = {"phone": "电话", "wechat": "微信", "video": "视频", "in_person": "当面"}
CASE_PREFIX = {"pre_referral": "ZQ", "referral_feedback": "ZZ", "discharge_plan": "XZ"}

# ---- what a follow-up's outcome says when it is done ----
FOLLOW_UP_OUTCOMES = [
    "已完成，对方确认",
    "已电话落实",
    "已发送，对方已收到",
    "已办结，情况已同步转诊中心",
    "已落实，下次随访再看效果",
    "对方已回复，按计划推进",
]

# ---- review comments of the compliance office ----
APPROVE_COMMENTS = {
    "food": "工作餐标准在限额内，同意。",
    "promotional": "宣传品价值较低，同意。",
    "education": "进修、培训费用减免符合医院对口支援政策，同意。",
    "travel": "住宿按医院职工公寓标准计价，同意。",
    "supplies": "物品归机构所有、用于诊疗工作，同意。",
    "patient_education": "患者教育资料，不计入个人额度，同意。",
    "near_cap": "同意。该医生本年度累计已接近¥2,000上限，后续安排请提前与合规办沟通。",
    "amended": "已补充申报，金额在限额内，同意。",
}
REJECT_COMMENTS = {
    "cash": "购物卡属于现金等价物，严禁赠送，不予批准。请于本周内收回并提交书面情况说明。",
    "referral_fee": "介绍费属于商业贿赂（回扣），任何情况下都不得支付。不予批准，已转纪检监察室，请配合说明情况。",
    "donation_to_person": "学术会议资助只能以机构名义申请，不能资助个人，不予批准。",
    "meal_frequency": "该医生本季度工作餐已超过3次，本次不予批准，后续请改用工作时间沟通。",
    "over_cap": "该医生本年度累计超过¥2,000上限，不予批准。",
}
RETURN_COMMENTS = {
    "undeclared_text": "备注中提到赠送或宴请，但没有申报价值转移。请补充申报金额和接受人，或说明实际情况。",
    "receipt": "请补充用餐地点并附消费凭证，说明人均标准后再提交。",
    "over_cap": "进修费加住宿合计超过每人每年¥2,000上限。请与对方确认住宿能否由其单位安排，修改后重新提交。",
}
FALSE_ALARM_COMMENT = "经核实，备注中的用语不涉及价值转移，同意。"

# ---- summaries (daily / weekly / monthly) ----
DAILY_PLAN = [
    "明天计划走访{org}，跟进{task}。",
    "明天上午整理转诊登记，下午到{org}回访。",
    "明天电话回访{org}，落实{task}。",
]
WEEKLY_ISSUES = [
    "部分下转患者出院小结到基层不及时，已和病案科沟通。",
    "转诊预约电话高峰期占线，建议转诊中心增加一条线路。",
    "个别机构反映检验报告回传偏慢。",
    "乡镇片区路途远，讲座和义诊需要提前两周排期。",
    "协议到期的机构需要尽快续签。",
]
MONTHLY_FOCUS = [
    "继续推进协议到期机构的续签，重点跟进{orgs}。",
    "配合医务部做好下转康复患者的随访质控。",
    "按季度计划安排乡镇讲座和义诊，提前向合规办报备。",
    "提高24小时转诊反馈及时率。",
]

# Notes whose words look like value but are not (送检, 请示, 卡介苗, 返院复查 …) appear in the
# templates above; the three below mention value given without declaring it, as real notes
# sometimes do, so the screening flags them for the reviewer.
UNDECLARED_NOTES = [
    "到{org}拜访{doc}，聊了下转康复患者的随访分工，临走时给科室留了两盒茶叶。",
    "中午和{doc}一起吃了顿便饭，顺便沟通了24小时转诊反馈不及时的问题。",
    "节前到{org}走访，给值班医生带了两盒月饼，顺便确认下月讲座安排。",
]
# Notes the term lists flag although nothing was given: the reviewer clears them as false alarms,
# and the compliance dashboard counts them against screening.
FALSE_ALARM_NOTES = [
    "到{org}讲完高血压分级管理，{doc}留我们吃了顿便饭，没好推掉，回来已向科里说明。",
    "顺路给{org}捎回了上月借的两台血压计，已清点归还，{doc}签收。",
]
# A gift in words no term list holds: only the learned reader flags it (value_reader).
READER_NOTE = "到{org}核对上月转诊登记。{doc}家孩子满月，科里几个人凑了个大的，托我当面带过去。"
