"""Extraction from constructions: each test writes its own sentence (values invented)."""
from helpers_extract import by_mention, extract, published


def test_level_with_parties_period_change():
    f = by_mention(extract("2021年，我国对东盟进出口5.67万亿元，同比增长12.3%。", "2022-01-14"), "5.67万亿元")
    assert (f.domain, f.indicator, f.subject, f.partner, f.period, f.period_kind) == \
        ("trade", "trade_value", "CHN", "ASEAN", "2021", "year")
    assert f.value == 5.67e12 and f.unit == "CNY" and f.change_pct == 12.3 and f.status == "published"


def test_list_with_fenbie_maps_values_and_changes_in_order():
    figs = extract("今年前4个月，我国对欧盟、美国、日本分别进出口1.1万亿元、2.2万亿元和3.3万亿元，"
                   "分别增长1%、2%、3%。", "2023-05-09")
    got = [(f.partner, f.value, f.change_pct, f.period) for f in figs if f.unit == "CNY"]
    assert got == [("EU", 1.1e12, 1, "2023-04"), ("USA", 2.2e12, 2, "2023-04"), ("JPN", 3.3e12, 3, "2023-04")]
    assert [f for f in figs if f.unit == "percent"] == []          # every change went to its level


def test_change_list_after_levels_that_are_not_a_fenbie_list():
    figs = extract("2019年，中欧班列全年开行8.2千列、发送货物72万标箱，同比分别增长12%、6%。", "2020-01-08")
    got = [(f.indicator, f.value, f.change_pct, f.period) for f in figs]
    assert got == [("trains", 8200, 12, "2019"), ("freight_teu", 720000, 6, "2019")]


def test_change_list_is_not_taken_by_levels_with_their_own_changes():
    figs = extract("一季度出口3万亿元，增长4%；进口2万亿元，增长5%，分别增长1%、2%。", "2021-04-13")
    assert [f.change_pct for f in figs if f.unit == "CNY"] == [4, 5]


def test_list_of_periods():
    figs = extract("今年一季度、二季度出口分别为4.4万亿元和5.5万亿元。", "2022-07-13")
    assert [(f.indicator, f.period, f.period_kind) for f in figs] == \
        [("exports", "2022-Q1", "quarter"), ("exports", "2022-Q2", "quarter")]


def test_qizhong_inherits_parties_and_period():
    figs = extract("今年前3个月，我国对拉美进出口800亿元。其中，出口500亿元，下降2.5%；进口300亿元。", "2024-04-15")
    exp, imp = by_mention(figs, "500亿元"), by_mention(figs, "300亿元")
    assert (exp.indicator, exp.subject, exp.partner, exp.period, exp.change_pct) == \
        ("exports", "CHN", "LATAM", "2024-03", -2.5)
    assert (imp.indicator, imp.partner) == ("imports", "LATAM")


def test_tongqi_takes_the_established_period():
    text = "今年上半年，我国进出口18万亿元。\n同期，我国对非洲进出口1万亿元。"
    assert by_mention(extract(text, "2021-07-13"), "1万亿元").period == "2021-06"


def test_balance_deficit_is_negative_and_abbreviated_partner():
    f = by_mention(extract("去年日本对华贸易逆差为250亿美元。", "2023-03-01"), "250亿美元")
    assert (f.indicator, f.subject, f.partner, f.value, f.period) == ("trade_balance", "JPN", "CHN", -2.5e10, "2022")


def test_subject_comes_from_the_figures_own_clause():
    f = by_mention(extract("日本是泰国第二大贸易伙伴，泰国对日出口额达310亿美元。", "2023-02-01"), "310亿美元")
    assert (f.indicator, f.subject, f.partner) == ("exports", "THA", "JPN")


def test_a_market_is_a_counterpart_not_the_reporter():
    f = by_mention(extract("智利出口增长较快，中国市场吸收其出口总额近四成。", "2023-02-01"), "近四成")
    assert (f.subject, f.partner) == ("CHL", "CHN")


def test_share_of_exports():
    f = by_mention(extract("德国市场占其出口总额的两成。", "2023-03-01"), "两成")
    assert (f.indicator, f.value, f.unit) == ("export_share", 20, "percent")


def test_ratio_that_is_a_change_gets_no_fake_level():
    figs = extract("2020年我国进出口同比增长1.9%，好于预期。", "2021-01-14")
    assert [(f.domain, f.indicator, f.status) for f in figs] == [("other", "yoy_change", "review")]


def test_growth_to_a_level_is_not_a_change():
    f = by_mention(extract("我国对东盟进出口4万亿元，占比提升至15.1%。", "2021-01-14"), "15.1%")
    assert f.indicator == "trade_share" and f.change_pct is None


def test_running_total_has_no_period():
    f = by_mention(extract("今天，中老铁路累计发送货物3000万吨。", "2024-12-01"), "3000万吨")
    assert (f.domain, f.indicator, f.subject, f.partner, f.subject_name, f.period) == \
        ("rail", "freight_tonnes", "LAO", "CHN", "中老铁路", "")


def test_rail_line_named_after_its_figures():
    figs = published("正在建设全长900公里、设计时速250公里的雅万高铁延伸线。", "2024-01-01")
    assert {(f.indicator, f.subject_name, f.period) for f in figs} == \
        {("line_length", "雅万高铁", ""), ("design_speed", "雅万高铁", "")}


def test_this_port_refers_back():
    text = "在二连浩特口岸，货车往来不停。今年该口岸开行班列1500列，同比增长5%。"
    f = by_mention(extract(text, "2024-06-30"), "1500列")
    assert (f.indicator, f.subject_name, f.change_pct) == ("trains", "二连浩特口岸", 5)


def test_per_day_and_train_kind():
    f = by_mention(extract("全国铁路日均开行旅客列车9000列。", "2024-06-30"), "9000列")
    assert (f.indicator, f.subject_name) == ("trains_per_day", "全国铁路·旅客列车")


def test_difference_is_not_a_level():
    f = by_mention(extract("全国铁路开行货物列车20000列，较现图增加30列。", "2024-06-30"), "30列")
    assert f.kind == "difference" and f.status == "review"


def test_outward_investment_host_is_the_target():
    f = by_mention(extract("截至目前，我国对东盟投资累计超过1500亿美元。", "2024-06-30"), "超过1500亿美元")
    assert (f.domain, f.indicator, f.subject, f.partner, f.qualifier, f.period) == \
        ("fdi", "fdi_stock", "ASEAN", "CHN", "at_least", "")


def test_inward_fdi_takes_the_discourse_subject():
    text = "印度尼西亚经济稳步增长。2023年新注册外资约300亿美元，实际到位资金200亿美元。"
    figs = extract(text, "2024-01-05")
    reg, dis = by_mention(figs, "约300亿美元"), by_mention(figs, "200亿美元")
    assert (reg.indicator, reg.subject, reg.partner, reg.qualifier) == ("fdi_registered", "IDN", "", "approx")
    assert (dis.indicator, dis.period) == ("fdi_disbursed", "2023")


def test_province_is_a_part_of_china():
    f = by_mention(extract("今年前5个月，浙江货物贸易进出口2万亿元。", "2024-06-20"), "2万亿元")
    assert (f.subject, f.subject_name, f.period) == ("CHN", "浙江", "2024-05")


def test_trade_mode_and_firm_kind():
    figs = extract("一般贸易进出口6万亿元。同期，民营企业进出口5万亿元，占进出口总值的50%。", "2024-04-12")
    assert by_mention(figs, "6万亿元").subject_name == "一般贸易"
    assert by_mention(figs, "50%").subject_name == "民营企业"


def test_tariff_rate_imposed_by_subject_on_partner():
    f = by_mention(extract("美国对自越进口商品加征20%关税。", "2025-05-01"), "20%")
    assert (f.indicator, f.subject, f.partner) == ("tariff_rate", "USA", "VNM")


def test_conversion_and_target_are_kept_out_of_series():
    figs = extract("计划投入5000亿日元（约合250亿元人民币）。力争到2030年贸易额达到1000亿美元。", "2025-01-01")
    assert by_mention(figs, "约合250亿元人民币").kind == "conversion"
    assert by_mention(figs, "1000亿美元").kind == "target"
    assert all(f.status == "review" for f in figs if f.kind != "actual")


def test_unknown_quantity_is_reviewed_not_guessed():
    f = by_mention(extract("侨汇达到120亿美元。", "2025-01-01"), "120亿美元")
    assert f.domain == "other" and f.status == "review" and f.review_reason


def test_offsets_survive_boilerplate_and_line_breaks():
    text = "---\ntitle: x\ndate: 2020-01-01\n---\n![](a.png)\n2019\n年，越南对华出口突破 100 亿美元。\n特别声明：5亿美元"
    figs = extract(text, "2020-01-01")
    assert [(f.mention, f.period, f.partner) for f in figs] == [("突破 100 亿美元", "2019", "CHN")]


def test_crlf_and_bom_keep_offsets():
    text = "\ufeff2023年，\r\n我国对非洲出口1.5万亿元。\r\n"
    f = by_mention(extract(text, "2024-01-01"), "1.5万亿元")
    assert f.partner == "AFRICA" and text[f.start:f.end] == "1.5万亿元"


def test_figure_id_is_stable():
    a = extract("我国出口3万亿元。", "2024-01-01")
    b = extract("我国出口3万亿元。", "2024-01-01")
    assert [f.figure_id for f in a] == [f.figure_id for f in b] and a[0].figure_id.startswith("f")


def test_numbers_listed_before_the_unit_share_it():
    figs = extract("前三季度，我国对甲国、乙国和丙国分别出口12.5亿、8.4亿和3亿元，分别增长2.1%、3.2%和4.3%。",
                   "2021-10-20")
    got = [(f.mention, f.value, f.unit, f.change_pct) for f in figs]
    assert got[:3] == [("12.5亿", 1.25e9, "CNY", 2.1), ("8.4亿", 8.4e8, "CNY", 3.2), ("3亿元", 3e8, "CNY", 4.3)]


def test_years_listed_never_borrow_a_unit():
    figs = extract("2019年、2020年和2021年出口分别为3亿、5亿、7亿元。", "2022-01-10")
    assert [f.mention for f in figs] == ["3亿", "5亿", "7亿元"]


def test_a_breakdown_after_qizhong_inherits_the_indicator_of_the_whole():
    figs = extract("上半年，中欧班列开行5200列，发送货物56万标箱。\n其中回程2100列、22万标箱。", "2022-07-08")
    got = [(f.indicator, f.subject_name, f.value) for f in figs]
    assert got[2:] == [("trains", "中欧班列·回程", 2100), ("freight_teu", "中欧班列·回程", 220000)]


def test_a_unit_that_means_freight_in_a_rail_sentence_needs_no_keyword():
    figs = extract("截至目前，中欧班列累计开行超过5万列、480万标箱。", "2022-07-08")
    assert [(f.indicator, f.status) for f in figs] == [("trains", "published"), ("freight_teu", "published")]


def test_a_paragraph_about_a_line_carries_its_context():
    figs = extract("今年以来，中老铁路累计运输货物400万吨。5月份运输货物62万吨，创单月新高。", "2022-06-10")
    f = by_mention(figs, "62万吨")
    assert (f.indicator, f.subject_name, f.period) == ("freight_tonnes", "中老铁路", "2022-05")


def test_a_change_written_before_its_level():
    figs = extract("前三季度，某省出口同比增长21.5%，达到812.3亿元，进口同比增长9.1%，达到204.6亿元。",
                   "2021-10-20")
    assert [(f.indicator, f.change_pct) for f in figs] == [("exports", 21.5), ("imports", 9.1)]


def test_a_conversion_between_a_level_and_its_change_is_skipped():
    figs = extract("1-5月，中泰贸易额达512.4亿美元（约合人民币3650.1亿元），同比增长6.2%。", "2021-06-20")
    usd, cny = figs
    assert (usd.change_pct, usd.kind) == (6.2, "actual")
    assert (cny.change_pct, cny.kind, cny.qualifier, cny.status) == (None, "conversion", "approx", "review")


def test_a_conversion_with_its_own_change_keeps_it():
    figs = extract("1-8月，全国实际使用外资金额8000.1亿元人民币，同比增长12.1%（折合1200.2亿美元，同比增长15.3%）。",
                   "2021-09-15")
    assert [(f.unit, f.change_pct, f.kind) for f in figs] == [("CNY", 12.1, "actual"), ("USD", 15.3, "conversion")]


def test_a_change_after_a_difference_belongs_to_the_level():
    figs = extract("一季度，西部陆海新通道班列发送12万标箱，同比增加3.1万标箱，增幅34.8%。", "2021-04-10")
    assert [(f.value, f.kind, f.change_pct) for f in figs] == [(120000, "actual", 34.8), (31000, "difference", None)]


def test_a_running_total_as_of_a_day_takes_its_month():
    f = by_mention(extract("截至8月15日，中欧班列累计开行1.2万列。", "2021-08-20"), "1.2万列")
    assert (f.period, f.period_kind) == ("2021-08", "day")


def test_percent_written_as_baifenzhi_with_digits_and_terse_growth_verbs():
    figs = extract("今年前两个月，我国对泰国出口120亿元，同比猛增百分之12.5；进口80亿元，同比降3.5%。", "2021-03-10")
    assert [(f.indicator, f.change_pct) for f in figs] == [("exports", 12.5), ("imports", -3.5)]


def test_industry_and_region_are_parts_of_fdi_and_foreign_firms_are_the_whole():
    figs = extract("前8个月，我国制造业实际使用外资1500.2亿元人民币。西部地区实际使用外资300.1亿元人民币。"
                   "全国新设立外商投资企业30000家。", "2021-09-15")
    assert [(f.indicator, f.subject, f.subject_name) for f in figs] == [
        ("fdi_disbursed", "CHN", "制造业"), ("fdi_disbursed", "CHN", "西部地区"), ("fdi_projects", "CHN", "")]


def test_a_dateline_gives_the_article_country_but_no_place_or_period():
    text = "新华社北京3月2日电 记者从商务部获悉，1-2月，全国实际使用外资2000.5亿元人民币。"
    f = by_mention(extract(text, "2021-03-02"), "2000.5亿元人民币")
    assert (f.subject, f.subject_name, f.period) == ("CHN", "", "2021-02")


def test_a_province_of_vietnam_is_a_part_of_vietnam():
    f = by_mention(extract("今年前5个月，越南北宁省吸引外资12亿美元。", "2021-06-01"), "12亿美元")
    assert (f.domain, f.subject, f.subject_name) == ("fdi", "VNM", "北宁省")


def test_latin_america_abbreviated_in_a_pair():
    f = by_mention(extract("2021年中拉贸易额达4515.9亿美元。", "2022-01-20"), "4515.9亿美元")
    assert {f.subject, f.partner} == {"CHN", "LATAM"}


def test_x_dui_y_touzi_makes_y_the_host_and_x_the_source():
    f = by_mention(extract("2022年，中国对非洲直接投资流量34.1亿美元。", "2023-03-01"), "34.1亿美元")
    assert (f.domain, f.subject, f.partner) == ("fdi", "AFRICA", "CHN")
    f = by_mention(extract("截至2022年底，东盟国家累计在华投资设立企业达6.1万家。", "2023-03-01"), "6.1万家")
    assert (f.indicator, f.subject, f.partner) == ("fdi_projects", "CHN", "ASEAN")


def test_sources_of_fdi_into_the_host_the_text_established():
    text = ("今年前8个月，柬埔寨吸引外资注册资金15亿美元。\n"
            "在今年前8个月对柬投资的30个国家和地区中，新加坡的投资总额达3.1亿美元，排名第一；"
            "其次是泰国，投资总额达2.2亿美元；英国、日本的投资总额分别达1.2亿美元和0.9亿美元。")
    figs = extract(text, "2021-09-01")
    assert [(f.subject, f.partner) for f in figs] == [
        ("KHM", ""), ("KHM", "SGP"), ("KHM", "THA"), ("KHM", "GBR"), ("KHM", "JPN")]


def test_names_listed_before_fenbie_that_no_lexicon_knows():
    figs = extract("其中，甲类模组、乙型设备类和丙种材料分别进出口12.1亿、8.2亿和3.3亿元。", "2021-06-01")
    assert [f.subject_name for f in figs] == ["甲类模组", "乙型设备类", "丙种材料"]


def test_a_part_that_opens_the_sentence_covers_its_figures():
    figs = extract("前9个月，加工制造业是吸引外资最多的领域，投资总额达81.2亿美元，占55%；"
                   "房地产业达11亿美元。", "2021-10-01")
    f = by_mention(figs, "81.2亿美元")
    assert f.subject_name == "加工制造业"
    assert by_mention(figs, "11亿美元").subject_name == "房地产业"


def test_a_prefix_cue_covers_a_list_of_quantities():
    figs = extract("截至目前，中欧班列累计开行超过5万列、480万标箱。", "2022-07-08")
    assert [f.qualifier for f in figs] == ["at_least", "at_least"]


def test_a_country_listed_as_an_origin_of_goods_is_not_what_the_text_is_about():
    text = "班列满载泰国大米、老挝木薯粉发往重庆。2022年通道沿线省份进出口贸易总额超3000亿元。"
    f = by_mention(extract(text, "2023-03-01"), "超3000亿元")
    assert (f.subject, f.subject_name) == ("CHN", "沿线省份")     # the article's country; no carried 重庆


def test_a_sentence_without_figures_that_opens_with_a_party_sets_the_subject():
    text = "在此背景下，韩国加大对东南亚投入。会上宣布未来三年将向东盟投入2万亿韩元。"
    f = by_mention(extract(text, "2023-03-01"), "2万亿韩元")
    assert (f.subject, f.partner) == ("ASEAN", "KOR")


def test_two_values_for_one_point_in_one_article_go_to_review():
    figs = extract("上半年，中欧班列开行8000列。其中，甲线开行4000列，乙线开行2500列。", "2021-07-10")
    assert [(f.mention, f.status) for f in figs] == [("8000列", "review"), ("4000列", "review"), ("2500列", "review")]
    assert "same series and period" in figs[0].review_reason
    figs = extract("中老铁路累计发送旅客2400万人次，单日最高发送旅客5.2万人次。", "2023-06-01")
    assert [f.status for f in figs] == ["published", "published"]     # undated totals and records: let be


def test_a_name_inside_another_word_is_no_party():
    f = by_mention(extract("前5月，泰国贸易顺差达8亿美元，其中国有企业贸易逆差达12.4亿美元。", "2021-06-10"),
                   "12.4亿美元")
    assert (f.subject, f.subject_name) == ("THA", "国有企业")


def test_an_aside_in_brackets_stays_in_the_clause():
    f = by_mention(extract("前5月，泰国外资企业(包括石油)出口额达48.3亿美元。", "2021-06-10"), "48.3亿美元")
    assert (f.indicator, f.subject_name) == ("exports", "外资企业")


def test_a_past_year_after_dao_is_an_actual_figure():
    f = by_mention(extract("2012年，中泰双边贸易额为500亿美元，而到2020年已增至900亿美元。", "2021-02-01"), "900亿美元")
    assert (f.kind, f.period, f.status) == ("actual", "2020", "published")


def test_hong_kong_and_taiwan_are_their_own_parties():
    f = by_mention(extract("前两月，泰国对中国台湾出口12亿美元。", "2021-03-10"), "12亿美元")
    assert (f.subject, f.partner) == ("THA", "TWN")


def test_ranked_counterparts_report_to_the_ranking_economy():
    text = ("4月，日本仍是泰国最大出口市场，出口额达51亿美元，同比下降1.2%。"
            "其次是美国，出口额达44亿美元，增长2.1%；欧盟达23亿美元，下降0.7%。")
    figs = extract(text, "2021-05-20")
    assert [(f.indicator, f.subject, f.partner) for f in figs] == [
        ("exports", "THA", "JPN"), ("exports", "THA", "USA"), ("exports", "THA", "EU")]


def test_a_ranking_does_not_override_the_pair_of_the_figures_clause():
    text = "泰国第二大贸易伙伴为日本，两国贸易额约为310亿美元。美国排名第三，美泰贸易额约为290亿美元。"
    f = by_mention(extract(text, "2021-05-20"), "约为290亿美元")
    assert {f.subject, f.partner} == {"USA", "THA"}


def test_growth_by_a_multiple_and_a_change_after_a_share():
    figs = extract("前5个月，某省对泰国出口4.3亿美元，占全省出口的12%，同比增长1倍。", "2021-06-10")
    assert by_mention(figs, "4.3亿美元").change_pct == 100


def test_a_run_of_changes_after_a_fenbie_list_of_levels():
    figs = extract("上半年，某省一般贸易、加工贸易分别进出口52.1亿元、13.4亿元，增长12.5%、8.8%。", "2021-07-20")
    assert [(f.subject_name, f.change_pct) for f in figs] == [("一般贸易", 12.5), ("加工贸易", 8.8)]


def test_the_head_of_a_list_does_not_become_the_discourse_subject():
    text = ("前两个月，广东前3大贸易伙伴分别依次为东盟、中国香港和美国，其中，中国香港、美国分别增长4.9%、7.5%。"
            "此外，对“一带一路”沿线国家进出口380.5亿元。")
    f = by_mention(extract(text, "2021-03-16"), "380.5亿元")
    assert (f.subject, f.partner) == ("CHN", "BRI")


def test_qizhong_inherits_the_part_the_sentence_before_was_about():
    text = "前两月，泰国水果出口额达5.1亿美元。水果对日本和韩国等市场的出口额猛增。其中，对日本出口1200万美元。"
    f = by_mention(extract(text, "2021-03-10"), "1200万美元")
    assert (f.subject, f.partner, f.subject_name) == ("THA", "JPN", "水果")


def test_a_running_total_as_of_a_day_dates_the_figures_after_it():
    text = "截至11月20日，外国投资者对泰投资近120亿美元。到位资金达80多亿美元。"
    f = by_mention(extract(text, "2021-11-25"), "80多亿美元")
    assert f.period == "2021-11"


def test_an_economys_own_reporting_convention_decides_the_indicator():
    text = "越南计划投资部数据显示，今年前10个月，越南全国吸收外资250亿美元。"
    assert by_mention(extract(text, "2021-11-01"), "250亿美元").indicator == "fdi_registered"
    text = "商务部数据显示，前10个月，我国吸收外资9000亿元人民币。"
    assert by_mention(extract(text, "2021-11-01"), "9000亿元人民币").indicator == "fdi_disbursed"


def test_an_investment_paragraph_after_an_fdi_one_stays_fdi():
    text = ("今年前10个月，泰国吸引外资注册资金120亿美元。\n"
            "从项目数量来看，日本新签项目位居第一，占28.3%。\n"
            "在接收投资的省市中，春武里府以吸收资金近15.2亿美元，位居第一。")
    assert by_mention(extract(text, "2021-11-01"), "近15.2亿美元").domain == "fdi"


def test_outward_investment_by_a_province_names_the_host_country():
    f = by_mention(extract("截至2020年底，云南省累计核准在老投资企业320家，投资总额18.5亿美元。", "2021-03-01"),
                   "18.5亿美元")
    assert (f.domain, f.subject, f.partner, f.subject_name) == ("fdi", "LAO", "CHN", "云南")


def test_trade_through_a_port_names_the_port():
    f = by_mention(extract("今年前5个月，阿拉山口口岸进出口贸易额达120亿元。", "2021-06-10"), "120亿元")
    assert (f.domain, f.indicator, f.subject, f.subject_name) == ("trade", "trade_value", "CHN", "阿拉山口口岸")


def test_values_framed_from_to_take_the_indicator_named_after_them():
    figs = extract("从2016年的0.8万亿元，到2020年的1.7万亿元，5年间，我国跨境电商进出口增长了1.1倍。", "2021-08-02")
    assert [(f.indicator, f.subject_name, f.period) for f in figs if f.unit == "CNY"] == [
        ("trade_value", "跨境电商", "2016"), ("trade_value", "跨境电商", "2020")]


def test_a_rail_measure_in_the_paragraph_after_a_line_keeps_the_line():
    text = ("截至4月30日，中老铁路累计运输货物突破4000万吨。\n"
            "今年1月1日至4月28日已累计运输货物超700万吨，其中跨境货物超180万吨。")
    figs = extract(text, "2024-05-02")
    f = by_mention(figs, "超700万吨")
    assert (f.indicator, f.subject_name, f.period) == ("freight_tonnes", "中老铁路", "2024-04")
    assert by_mention(figs, "超180万吨").subject_name == "中老铁路·跨境货物"


def test_partners_listed_with_region_suffixes_map_in_order():
    text = "前三季度，重庆对中国台湾地区、中国香港地区及日本分别进出口36.1亿、25.2亿、19.3亿元。"
    assert [(f.subject, f.partner) for f in extract(text, "2021-10-22")] == [
        ("CHN", "TWN"), ("CHN", "HKG"), ("CHN", "JPN")]
    text = "同期，黑龙江对蒙古国、俄罗斯、美国进出口分别为46.3亿元、195.3亿元和7.8亿元。"
    assert [(f.subject, f.partner, f.subject_name) for f in extract(text, "2021-10-22")] == [
        ("CHN", "MNG", "黑龙江"), ("CHN", "RUS", "黑龙江"), ("CHN", "USA", "黑龙江")]


def test_wo_shi_is_the_place_the_article_is_about():
    text = "成都海关数据显示，前三季度四川外贸进出口7000亿元。前三季度我省对东盟进出口1100.5亿元。"
    f = by_mention(extract(text, "2021-10-22"), "1100.5亿元")
    assert (f.subject, f.partner, f.subject_name) == ("CHN", "ASEAN", "四川")


def test_a_count_of_something_else_is_not_a_project_count():
    figs = extract("今年前3个月，外国投资者在泰国21个领域投资，新批外资项目共600个。", "2021-04-20")
    assert [f.mention for f in figs if f.indicator == "fdi_projects"] == ["600个"]


def test_average_annual_growth_is_not_a_year_on_year_change():
    f = by_mention(extract("2023年，中国与东盟贸易额达6.4万亿元，年均增长11%。", "2024-09-20"), "6.4万亿元")
    assert f.change_pct is None


def test_a_part_named_since_the_previous_level_covers_the_figure():
    text = "上半年泰国果蔬出口增长较快，其中，榴莲出口大幅增长，同比增长21%，出口额达12.3亿美元，其次是龙眼，出口额达2.1亿美元。"
    figs = extract(text, "2021-07-20")
    assert [(f.subject_name, f.change_pct) for f in figs] == [("榴莲", 21), ("龙眼", None)]


def test_a_ranking_with_a_product_between_reporter_and_rank():
    f = by_mention(extract("上半年，中国是泰国榴莲最大的出口市场，出口额达18.4亿美元。", "2021-07-20"), "18.4亿美元")
    assert (f.indicator, f.subject, f.partner) == ("exports", "THA", "CHN")


def test_outward_investment_is_hosted_by_the_world_and_made_by_the_reporter():
    f = by_mention(extract("今年上半年，泰国对外直接投资总额达约5.2亿美元。", "2021-07-10"), "约5.2亿美元")
    assert (f.domain, f.subject, f.partner) == ("fdi", "WLD", "THA")


def test_a_customs_office_city_is_not_the_place_reported_on():
    text = "郑州海关发布数据，一季度河南省进出口总值达1500.2亿元。一季度我省出口900.1亿元。"
    figs = extract(text, "2021-04-20")
    assert [f.subject_name for f in figs] == ["河南", "河南"]


def test_teu_written_with_a_measure_word():
    f = by_mention(extract("截至目前，中欧班列累计发送突破8.5万个标箱。", "2021-12-31"), "突破8.5万个标箱")
    assert (f.indicator, f.value, f.qualifier) == ("freight_teu", 85000, "at_least")


def test_kinds_of_fdi_capital_are_parts_and_new_plus_added_is_the_whole():
    text = ("今年前9个月，泰国吸收外资新批和增资额累计120亿美元。今年前9个月，全国新批项目共900个，投资总额为80多亿美元。"
            "此外，增资项目共300个，增资总额达40.5亿美元。")
    figs = extract(text, "2021-10-01")
    assert [(f.mention, f.subject_name) for f in figs if f.domain == "fdi"] == [
        ("120亿美元", ""), ("900个", "新批项目"), ("80多亿美元", "新批项目"), ("300个", "增资项目"), ("40.5亿美元", "增资")]


def test_figures_after_outward_investment_stay_outward():
    text = "今年上半年，泰国对外直接投资总额达约5.2亿美元。其中，新签项目48个，投资额1.45亿美元。"
    figs = extract(text, "2021-07-10")
    assert {(f.subject, f.partner) for f in figs if f.domain == "fdi"} == {("WLD", "THA")}


def test_a_speed_raised_from_one_value_to_another():
    figs = extract("匈塞铁路最高运行时速由原来的40至50公里提升至200公里。", "2024-03-19")
    assert [(f.indicator, f.unit) for f in figs] == [("design_speed", "km/h"), ("design_speed", "km/h")]


def test_new_capital_is_no_part_of_what_was_disbursed():
    text = "2021年泰国新注册外商直接投资约150亿美元（增长5.6%），实际到位资金近90亿美元。"
    f = by_mention(extract(text, "2022-01-05"), "近90亿美元")
    assert (f.indicator, f.subject_name) == ("fdi_disbursed", "")


def test_a_list_of_parts_broken_by_a_comma_still_maps_in_order():
    text = "2020年，我国对外直接投资中，对制造业,批发和零售业以及租赁和商务服务业的投资分别为25.6亿美元、13.1亿美元和40.2亿美元。"
    assert [f.subject_name for f in extract(text, "2021-01-20")] == ["制造业", "批发和零售业", "租赁和商务服务业"]


def test_a_single_month_sentence_does_not_date_the_text_after_it():
    text = ("1-11月，全国实际使用外资8400.2亿元人民币，同比增长6%。\n"
            "11月当月实际使用外资900.3亿元人民币，同比增长1.5%。\n"
            "高技术制造业实际使用外资800.1亿元人民币，同比增长5.7%。")
    f = by_mention(extract(text, "2021-12-13"), "800.1亿元人民币")
    assert (f.period, f.period_kind) == ("2021-11", "ytd")


def test_a_cross_border_lines_section_in_one_country():
    figs = extract("中老铁路全长1035公里，其中老挝境内422公里。", "2022-01-01")
    assert [(f.subject, f.partner, f.subject_name) for f in figs] == [
        ("LAO", "CHN", "中老铁路"), ("LAO", "CHN", "中老铁路·老挝境内")]


def test_a_value_introduced_by_you_in_a_year_range_takes_the_first_year():
    figs = extract("2010至2020年，中拉贸易规模由不足2000亿美元增长至3166亿美元。", "2021-03-01")
    assert [(f.mention, f.period) for f in figs] == [("不足2000亿美元", "2010"), ("3166亿美元", "2020")]


def test_the_first_month_after_opening_is_the_month_the_text_says_it_opened():
    text = "中老铁路于2021年12月3日开通运营。货运量从开通首月的3.2万吨增长到目前月均35万吨以上。"
    figs = extract(text, "2023-06-11")
    assert [(f.mention, f.indicator, f.period) for f in figs] == [
        ("3.2万吨", "freight_tonnes", "2021-12"), ("35万吨以上", "freight_tonnes", "")]


def test_partners_including_a_region_map_in_order():
    text = "前两月，福建对东盟、中东、拉美分别进出口90.1亿元、40.2亿元和30.3亿元。"
    assert [f.partner for f in extract(text, "2021-03-10")] == ["ASEAN", "MIDDLE_EAST", "LATAM"]


def test_a_direct_investment_stock_as_of_a_past_year_end():
    f = by_mention(extract("截至2019年底，中方对柬直接投资64亿美元。", "2020-06-01"), "64亿美元")
    assert (f.indicator, f.subject, f.partner) == ("fdi_stock", "KHM", "CHN")
    f = by_mention(extract("截至10月20日，柬埔寨累计实际使用外资28亿美元。", "2020-10-25"), "28亿美元")
    assert f.indicator == "fdi_disbursed"                  # this year's running total, not a stock


def test_fdi_written_after_the_value_or_as_fdi():
    figs = extract("2022年，柬埔寨吸引了35亿美元的外国直接投资。2023年，FDI规模为31亿美元。", "2024-02-01")
    assert [(f.domain, f.period) for f in figs] == [("fdi", "2022"), ("fdi", "2023")]


def test_a_city_branded_train_service():
    f = by_mention(extract("中欧班列(西安)累计开行近1500列。", "2019-01-01"), "近1500列")
    assert f.subject_name == "中欧班列·西安"
