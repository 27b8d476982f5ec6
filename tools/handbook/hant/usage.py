"""How a region writes what OpenCC converts: characters its readers write
otherwise, and its quotation marks.

OpenCC's Taiwan configuration writes the Ministry of Education's standard
characters, and in some of its phrases older forms (歎, 孃); Taiwan's press
and most of its government write a few characters otherwise. Measured on
the reference of real Taiwan texts in tests/hant_reference/ (`make bench`),
these are the characters where s2tw most often differs from what Taiwan
writes.

Some words Taiwan writes with another of a character's forms than OpenCC's
tables give (抽烟 → 抽菸, not 抽煙). These are words, not characters: they
apply where they cover whole words, as the reviewed phrases do, and those win
over them. They were chosen from Taiwan's usage and the first half of each
reference text; the second half is held out to measure them (`make bench`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class UsageRule:
    """A character (or word) OpenCC writes, and what the region's usage writes instead."""

    opencc: str
    usage: str
    example: str
    why: str


TAIWAN = (
    UsageRule(
        "臺",
        "台",
        "台湾 → 台灣 (not 臺灣), 平台 → 平台",
        "台 is how Taiwan's press and most official texts write it; 臺 is the "
        "Ministry of Education's form, kept in official names by an override",
    ),
    UsageRule(
        "佈",
        "布",
        "宣布 → 宣布 (not 宣佈), 公布, 发布, 分布",
        "布 is the Ministry of Education's standard form; 佈 is its variant",
    ),
    UsageRule(
        "溼",
        "濕",
        "湿地 → 濕地, 潮湿 → 潮濕",
        "OpenCC's Taiwan variant 溼 occurs nowhere in the reference; Taiwan writes 濕",
    ),
    UsageRule(
        "歎",
        "嘆",
        "惊叹 → 驚嘆 (not 驚歎), 赞叹 → 讚嘆, 感叹 → 感嘆",
        "嘆 is the Ministry of Education's standard form, and the only one the "
        "reference writes; OpenCC's phrases give its variant 歎",
    ),
    UsageRule(
        "孃",
        "娘",
        "回娘家 → 回娘家 (not 回孃家), 爹娘, 二娘",
        "Taiwan writes 娘 for a mother as for a young woman (新娘, 娘家); OpenCC's "
        "phrases give the old distinction's 孃, which the reference never writes",
    ),
)


def in_usage(text: str, rules: tuple[UsageRule, ...]) -> str:
    """`text` with each rule's OpenCC form written as the usage writes it."""
    for rule in rules:  # a few rules: str.replace beats str.translate
        text = text.replace(rule.opencc, rule.usage)
    return text


@dataclass(frozen=True)
class UsageWords:
    """Words the region writes otherwise than OpenCC: each Simplified word with
    the region's form."""

    words: tuple[tuple[str, str], ...]
    example: str
    why: str


TAIWAN_WORDS = (
    UsageWords(
        (("签", "簽"), ("中签", "中籤")),
        "国民党不签 → 國民黨不簽 (not 不籤); 幸运中签 → 幸運中籤",
        "签 as a word of its own is the verb 'sign'; OpenCC's character table "
        "puts 籤 (a slip: 抽签 → 抽籤, 标签 → 標籤, phrases of their own) first; "
        "winning a draw is 中籤, which jieba cuts 中|签",
    ),
    UsageWords(
        (("复议", "復議"),),
        "提出复议 → 提出復議 (not 複議)",
        "復議 is reconsidering a decision (the legislature's motion, administrative "
        "review); OpenCC writes 複議, seconding a motion",
    ),
    UsageWords(
        (("回归", "回歸"), ("回归祖国", "回歸祖國"), ("回流", "回流"), ("回归分析", "迴歸分析")),
        "回归祖国 → 回歸祖國, 资金回流 → 資金回流; 回归分析 → 迴歸分析",
        "Taiwan writes 回 for coming back; 迴歸 only in statistics, and no 迴流 for money or people",
    ),
    UsageWords(
        (
            ("一出", "一出"),
            ("一出戏", "一齣戲"),
            ("一出好戏", "一齣好戲"),
            ("一出大戏", "一齣大戲"),
            ("一出闹剧", "一齣鬧劇"),
        ),
        "消息一出 → 消息一出 (not 一齣); 一出戏 → 一齣戲",
        "一出 is 'once out' far more often than one play; 齣 only counts plays",
    ),
    UsageWords(
        (
            ("打拼", "打拚"),
            ("拼命", "拚命"),
            ("拼搏", "拚搏"),
            ("力拼", "力拚"),
            ("拼经济", "拚經濟"),
        ),
        "辛苦打拼 → 辛苦打拚, 拼经济 → 拚經濟",
        "拚 is striving (the Ministry of Education's 拚命, Taiwan's 打拚); 拼 is piecing together",
    ),
    UsageWords(
        (("回复正常", "回復正常"), ("回复原状", "回復原狀"), ("回复健康", "回復健康")),
        "让生理时钟自动回复正常 → 回復正常 (not 回覆)",
        "回復 is getting back to a state, 回覆 replying; OpenCC writes 回覆 for both",
    ),
    UsageWords(
        (("回复国籍", "回復國籍"), ("回复中华民国国籍", "回復中華民國國籍")),
        "依规定回复中华民国国籍 → 回復中華民國國籍 (not 回覆)",
        "regaining a nationality is 回復 (the Nationality Act's 回復國籍); 回覆 is replying",
    ),
    UsageWords(
        (("并同", "併同"), ("并在一起", "併在一起")),
        "选举能够并同其他的选举 → 併同其他的選舉; 版本并在一起审 → 併在一起審",
        "并 joining things is 併 (合併, 併案, OpenCC's own phrases); jieba cuts 并|同 "
        "and 并|在|一起, and 并 alone becomes 並 ('and')",
    ),
    UsageWords(
        (("克制", "克制"),),
        "北京表面上反应克制 → 反應克制 (not 剋制)",
        "克制 is restraint (the Ministry of Education's form); 剋 is overcoming (相剋, 剋星)",
    ),
    UsageWords(
        (("托古改制", "託古改制"), ("托古", "託古")),
        "托古改制 → 託古改制",
        "託 is relying on (託古, 委託, 寄託); 托 is holding up (托盤)",
    ),
    UsageWords(
        (("并为", "並為"),),
        "用餐并为他们加油 → 用餐並為他們加油 (not 併為)",
        "并 before 为 is 'and'; OpenCC's 併爲 is merging into (合并为), which jieba "
        "keeps as 合并|为 and converts 合併為",
    ),
    UsageWords(
        (("斗内", "斗內"),),
        "大方斗内 → 大方斗內 (not 鬥內)",
        "斗內 is Taiwan's loan of 'donate' (a tip to a streamer); jieba cuts it 斗|内",
    ),
    UsageWords(
        (("哄抢", "哄搶"),),
        "造成人群哄抢 → 人群哄搶 (not 鬨搶)",
        "哄搶 is a crowd grabbing; 鬨 is an uproar (起鬨)",
    ),
    UsageWords(
        (("柠檬干", "檸檬乾"), ("地瓜干", "地瓜乾")),
        "有机柠檬干 → 有機檸檬乾 (not 檸檬幹)",
        "dried fruit is 乾, as OpenCC's own 芒果乾 and 葡萄乾; jieba cuts 柠檬|干",
    ),
    UsageWords(
        (("破表", "破表"),),
        "可爱指数破表 → 可愛指數破表 (not 破錶)",
        "破表 is off the charts (a gauge's scale, 表); 錶 is a watch",
    ),
    UsageWords(
        (("喂药", "餵藥"),),
        "喂药以滴管 → 餵藥 (not 喂藥)",
        "餵 is feeding, as OpenCC's own 餵奶 and 餵食; 喂 is calling out (喂，你好)",
    ),
    UsageWords(
        (("按赞", "按讚"), ("点赞", "點讚"), ("一个赞", "一個讚")),
        "帮我按赞 → 幫我按讚",
        "a 'like' is 讚 in Taiwan; 贊 is supporting (贊成)",
    ),
    UsageWords(
        (("疗愈", "療癒"),),
        "疗愈系 → 療癒系",
        "癒 is getting well (治癒, 痊癒, OpenCC's phrases); 愈 is 'the more'",
    ),
    UsageWords(
        (("径予", "逕予"), ("径行", "逕行"), ("径与", "逕與")),
        "径予扣抵 → 逕予扣抵",
        "逕 is 'directly' in Taiwan's legal and official writing",
    ),
    UsageWords(
        (
            ("系就", "係就"),
            ("系参照", "係參照"),
            ("系经由", "係經由"),
            ("系由", "係由"),
            ("系依", "係依"),
            ("系因", "係因"),
        ),
        "其立法理由系参照36年的规定 → 其立法理由係參照; 职务系就个别案件审议 → 職務係就",
        "係 is the copula 'is' of legal and official prose (係指, 係屬, OpenCC's own "
        "phrases); 系 as a word of its own before 由, 依, 因, 就, 参照 is that copula, "
        "never 系 'system' or 繫 'tie' (该系|由 'the department', a word of its own, stays)",
    ),
    UsageWords(
        (("里民众", "里民眾"), ("里办公处", "里辦公處")),
        "永康区永明里民众 → 永明里民眾 (not 永明裡民眾)",
        "a 里 of Taiwan is a borough, whose people are its 里民 (里長, 里民大會: "
        "words of their own); jieba cuts 永明|里|民众, and 里 alone becomes 裡 'inside'",
    ),
    UsageWords(
        (
            ("香烟", "香菸"),
            ("烟草", "菸草"),
            ("烟品", "菸品"),
            ("烟酒", "菸酒"),
            ("烟害", "菸害"),
            ("烟蒂", "菸蒂"),
            ("烟瘾", "菸癮"),
            ("烟农", "菸農"),
            ("烟叶", "菸葉"),
            ("烟税", "菸稅"),
            ("吸烟", "吸菸"),
            ("抽烟", "抽菸"),
            ("戒烟", "戒菸"),
            ("禁烟", "禁菸"),
            ("控烟", "控菸"),
            ("电子烟", "電子菸"),
            ("加热烟", "加熱菸"),
            ("二手烟", "二手菸"),
            ("卷烟", "捲菸"),
        ),
        "电子烟 → 電子菸, 吸烟 → 吸菸 (菸害防制法)",
        "菸 is tobacco, 煙 smoke; OpenCC writes 煙 for both",
    ),
)


@dataclass(frozen=True)
class Usage:
    """A region's usage: its character rules, its words, and whether it writes
    「」 quotation marks."""

    rules: tuple[UsageRule, ...] = ()
    words: tuple[UsageWords, ...] = ()
    corner_quotes: bool = False

    def forms(self) -> dict[str, str]:
        """Every word of `words` with the region's form."""
        return {simplified: form for group in self.words for simplified, form in group.words}


# By region of the OpenCC configuration (editions.opencc_region). Taiwan and Hong Kong
# both quote with 「」 and 『』 inside; OpenCC's unregional standard keeps “”.
REGIONS = {
    "tw": Usage(TAIWAN, TAIWAN_WORDS, corner_quotes=True),
    "hk": Usage(corner_quotes=True),
    "": Usage(),
}

# “” and ‘’ in Simplified text; ’ between two Latin letters is an apostrophe (don’t).
# (Each alternative starts with its mark, so that the text between is skipped in C.)
_QUOTE_MARK = re.compile(r"“|”|‘|’(?:(?<![A-Za-z]’)|(?![A-Za-z]))")
_CORNERS = (("「", "」"), ("『", "』"))


def corner_quotes(text: str, depth: int = 0) -> tuple[str, int]:
    """“” and ‘’ as 「」 and 『』, by nesting: the outermost quotation takes 「」,
    one inside it 『』, one inside that 「」 again. `depth` is the nesting at the
    start of `text` (for a document converted in pieces); returns the text and
    the depth at its end. A line break ends every quotation (a quotation running
    over several paragraphs opens each of them again). A closing mark with no
    opening one keeps its own level: ” → 」, ’ → 』.

    >>> corner_quotes("他说：“要‘实事求是’。”")
    ('他说：「要『实事求是』。」', 0)
    """
    level = depth
    after = 0  # where the last mark ended

    def replace(match: re.Match[str]) -> str:
        nonlocal level, after
        if text.find("\n", after, match.start()) >= 0:  # a line break since the last mark
            level = 0
        after = match.end()
        mark = match.group()
        if mark in "“‘":
            level += 1
            return _CORNERS[(level - 1) % 2][0]
        if level:
            level -= 1
            return _CORNERS[level % 2][1]
        return "」" if mark == "”" else "』"

    converted = _QUOTE_MARK.sub(replace, text)
    return converted, 0 if text.find("\n", after) >= 0 else level
