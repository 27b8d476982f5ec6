"""The rules that recognise structure, as named data.

Each rule has a name (it appears in the report), a pattern, an example the
tests check the pattern against, and what it means. To teach the converter a
new form, add a row. Which rule wins where two could apply is decided by the
recognition stage (`handbook.structure`) from the document's own conventions
and the line's context, never by the order of a table alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import (
    CLOSING_QUOTES,
    CN_DIGITS,
    COLON,
    COMMA,
    HAN,
    LPAREN,
    NUMERAL,
    RPAREN,
    SENTENCE_END,
    WIDE_SPACES,
)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    example: str
    meaning: str
    needs: str = ""  # text every match holds: a line without it is not tried (speed)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.needs in text else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.needs in text else None


def rule(name: str, pattern: str, example: str, meaning: str, needs: str = "") -> Rule:
    return Rule(name, re.compile(pattern), example, meaning, needs)


C = f"[:{COLON}]"  # a colon, either width
OPEN, CLOSE = f"[({LPAREN}]", f"[){RPAREN}]"
NAME = rf"[{HAN}]{{2,4}}"
# A date as the texts write it: 2022-08-28, 2018年10月31日 (also with spaces
# inside, 2024年10 月23 日), 2017年08月22日09:55 with the time glued on, or in
# Chinese numerals (一九七八年十二月十三日).
DATE_PART = (
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s*至\s*\d{1,2}\s*日)?"
    r"(?:\d{1,2}[:\uff1a]\d{2})?"
    rf"|[〇零一二三四五六七八九]{{4}}年[{CN_DIGITS}]{{1,3}}月[{CN_DIGITS}]{{1,3}}日"
)
SHORT_DATE = r"\d{1,2}月\d{1,2}日"  # 4月5日, in datelines without a year

# --- site debris --------------------------------------------------------------

# Whole lines the source site added around the text. Removed and reported.
DEBRIS = [
    rule(
        "prev-next-links",
        rf"^上一篇{C}.*下一篇{C}",
        f"上一篇{COLON}五年级上册教学计划下一篇{COLON}五年级科学教案下册",
        "links to the neighbouring pages of the source site",
    ),
    rule(
        "prev-or-next-link",
        rf"^(?:上一篇|下一篇){C}[^。？]{{1,60}}$",
        f"下一篇{COLON}【2020年3月学习材料】[ 03-23 ]",
        "one link to a neighbouring page",
    ),
    rule("hot-searches", r"^本站热搜\s*$", "本站热搜", "the site's 'popular searches' box"),
    rule(
        "site-boilerplate",
        r"^(相关推荐|热门推荐|猜你喜欢|返回顶部|回到\s*顶部|扫一扫.{0,12}|分享到[:\uff1a]?|版权所有|版权声明[:\uff1a]?)\s*$",
        "扫一扫在手机打开当前页",
        "navigation and sharing widgets",
    ),
    rule(
        "page-tools",
        r"^(?:【(?:打印正文|打印本页|打印|关闭窗口|关闭|我要纠错|收藏本文|字号|大|中|小)】\s*)+"
        rf"(?:责任编辑{C}\s*\S{{2,8}})?$",
        "【我要纠错】 责任编辑：宋岩",
        "the page's print, close and report buttons, with the editor's credit",
    ),
    rule(
        "link-list",
        r"^(?:.{2,60}?\[\s*\d{2}-\d{2}\s*\]){2,}$",
        "博雅育人 | 德育楷模风采录…[08-20]爱在一中｜校友捐赠…[08-20]",
        "a sidebar of links, each closed by its [MM-DD] date",
    ),
    rule(
        "breadcrumb",
        rf"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*(?:{C}|>)",
        "当前位置：首页 >",
        "the 'you are here' trail; its steps follow on the next lines",
    ),
    rule(
        "empty-box",
        r"^(?:暂无(?:资料|内容|数据|记录|相关\S{0,4})|没有了[！!]?)$",
        "暂无资料",
        "what a box of links says when it has none",
    ),
    rule(
        "related-links",
        r"^(?:推荐阅读|相关阅读|相关稿件|相关文章|相关新闻|热门文章|延伸阅读)\s*$",
        "相关稿件",
        "the heading of a box of links; the links follow",
    ),
    rule(
        "site-footer",
        rf"^(?=[^。]{{0,80}}$).*(?:ICP备|公网安备|版权所有{C}|主办单位{C}|网站标识码)",
        "主办单位：国务院办公厅　运行维护单位：中国政府网运行中心",
        "the site's footer: owner, registration numbers",
    ),
    rule(
        "markdown-image",
        r"^!\[[^\]]*\]\([^)]*\)$",
        "![](images/d54e93a8.jpg)",
        "a picture's reference where the picture is not there",
    ),
    rule(
        "status-note",
        rf"^{OPEN}[^()（）]{{0,12}}(?:整理更新中|未完待续|待续|持续更新)[^()（）]{{0,6}}{CLOSE}$",
        "（本专论在整理更新中）",
        "the site's note that the page is still being compiled",
    ),
]

# The page's property line: source, author, date, hits. It is debris unless it
# names the authors (作者：于珊珊 马明花); its date is the page's either way.
PROPERTY_LABEL = (
    r"文章来源|来源|作者|发布时间|发布日期|更新时间|时间|日期|点击数|点击|浏览次数|浏览|阅读数|"
    r"责任编辑|编辑|摄影"
)
PROPERTY_LINE = rule(
    "cms-properties",
    rf"^(?:>\s*)?(?:(?:{PROPERTY_LABEL})\s*{C}.*?){{2,}}$",
    "文章来源：本站原创 作者：佚名 发布时间：2019年07月13日 点击数：",
    "the page's property line (source, author, date, hits)",
)
PROPERTY_FIELD = re.compile(rf"(?P<label>{PROPERTY_LABEL})\s*{C}")
AUTHOR_LABELS = {"作者"}
DATE_LABELS = {"发布时间", "发布日期", "更新时间", "时间", "日期"}
COUNTER_LABELS = {"点击数", "点击", "浏览次数", "浏览", "阅读数"}
ANONYMOUS = {"佚名", "本站", "本站原创", "管理员", "admin", "小编", "网络"}

# In a Markdown export (its first line a `# ` heading), a horizontal rule.
MARKDOWN_RULE = rule("markdown-rule", r"^(?:-{3,}|\*{3,}|_{3,})$", "---", "a Markdown rule")

# A listing's teaser: a paragraph cut short (…, ...) that the text repeats in full.
TEASER = rule(
    "teaser",
    r"^(?P<stem>.{20,}?)(?:\.{3,}|…+)$",
    "没有疑问的，中华民族的儿女，是要站在最前线与日寇拼命的…困...",
    "a truncated copy of a paragraph that follows in full",
)

# After a property line that ends in a hit counter (点击数：), its unit alone.
HIT_COUNT_UNIT = rule("hit-count-unit", r"^(?:人?次)$", "次", "the counter's unit, 次")
COUNTER_LABEL = re.compile(rf"(?:点击数|点击|浏览次数|浏览|阅读数){C}\s*\d*$")

# A step of a breadcrumb trail ends with `>`; the last step has none.
BREADCRUMB_STEP = re.compile(r"^.{1,20}>\s*$")

# Debris inside a line: removed, the rest of the line kept.
SPAN_DEBRIS = [
    rule(
        "broken-markup",
        rf"^<(?=[{HAN}“])",
        "<通过对《准则》解读，…进行了梳理和分析。",
        "what is left of an HTML tag cut in half: a lone < before the text",
        needs="<",
    ),
    rule(
        "broken-markup",
        rf"(?<=[{SENTENCE_END}”])/[a-z]{{1,6}}>$",
        "…进行了梳理和分析。/p>",
        "what is left of an HTML tag cut in half: /p> after the text",
        needs=">",
    ),
    rule(
        "site-preamble",
        r"以下是[^。]{0,30}为您整理的《[^》]{1,40}》[^。]{0,30}(?:喜欢|参考|帮助)[。！!]?",
        "以下是无忧考网为您整理的《企业2019年新年贺卡祝词》，希望大家能够喜欢。",
        "a 范文 site's sentence introducing the page",
        needs="以下是",
    ),
]

# Pieces of text that are debris wherever they stand.
PIECE_DEBRIS = [
    rule(
        "photo-caption",
        rf"^.{{0,300}}?(?:新华社|中新社)?记者\s*[{HAN}]{{2,4}}(?:[、\s][{HAN}]{{2,4}})*\s*摄$",
        "这是习近平同军队人大代表亲切握手。新华社记者 李刚 摄",
        "the caption of a photo that was not copied",
        needs="摄",
    ),
]

# --- the document's head ------------------------------------------------------

# The date of the collection, on a line of its own before the first essay.
DATE = rule("date", r"^\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*$", "2022-08-28", "a date line")

# A date alone, bare or in brackets: the date of what it stands under.
DATE_LINE = rule(
    "date-line",
    rf"^{OPEN}?(?P<date>{DATE_PART}){CLOSE}?$",
    f"{LPAREN}2018年1月2日{RPAREN}",
    "a date alone on its line",
)

# A date and the source on one line, as news pages print them.
DATELINE = rule(
    "dateline",
    rf"^(?P<date>{DATE_PART})\s+(?P<role>来源){C}\s*(?P<name>\S.{{0,30}})$",
    f"2022年10月27日08:26   来源{COLON}人民网－人民日报",
    "a news page's dateline: date, time and source",
    needs="来源",
)

# Headings glued into the prose (…几点。一、关于保持经济平稳运行目前看，…): a
# heading ends where the next sentence's first words begin, a time (29日下午),
# an opening word (目前, 当前) or the heading's own words taken up again.
GLUED_HEADING = rule(
    "glued-heading",
    rf"[{SENTENCE_END}”](?=(?:[{CN_DIGITS}]+、)?[^{SENTENCE_END}{COMMA}、；]{{12,}})",
    "这次来调研也是听听大家的意见。习近平：既要保证生产任务还要保证身体健康29日下午，",
    "a sentence's end, then words up to the next comma too many for a sentence's start",
)
CLAUSE_OPENER = re.compile(
    r"(?<![\d年月])\d{1,2}日(?:上午|下午|晚上|早上|晚)?|当前|目前|现在|近年来|今年以来|下面|同时|此外"
)
GLUED_HEADING_SERIES = 3  # unnumbered glued heads, alike in their first words, that make a series

# A contents list without essay markers: its heading and bulleted entries.
CONTENTS_HEADING = rule(
    "contents-heading", r"^(?:目\s*录|Contents|CONTENTS)$", "目  录", "a contents list's heading"
)
CONTENTS_ENTRY = rule(
    "contents-entry", r"^[·•●○◆▪]\s*\S", "· 动员新兵及新兵政治工作", "an entry of a contents list"
)
# A book's title wrapped whole in 《》.
BOOK_TITLE = re.compile(r"^《(?P<title>[^《》]+)》$")

# A Markdown heading mark, and a catalogue code before a title.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
CATALOGUE_CODE = rule(
    "catalogue-code",
    rf"^(?P<code>[A-Z]{{1,4}}\d{{2,}}(?:\.\d+)*)\s+(?=[{HAN}])",
    "VW001.042 习近平论教育工作",
    "a catalogue number before a title",
)
# A code alone on a line, labelling what follows.
CODE_LABEL = re.compile(r"^[A-Z]{1,4}\d{2,}(?:\.\d+)+$")

BRACKET_HEADING = rule(
    "bracket-heading",
    rf"^(?P<head>【[^】{SENTENCE_END}]{{2,8}}】)(?P<rest>.*)$",
    "【写在前面】我依稀读过周国平一句话",
    "a bracketed section head under a title, often glued to its text",
    needs="【",
)

# --- essays -------------------------------------------------------------------

# What ends an essay marker: a colon or stop, a space, or the line's end (so
# that prose such as 第一篇的正文 is not taken for a marker).
MARKER_END = r"(?:\s*[:\uff1a、.．]\s*|\s+|$)"

# Essay markers. Group `num` is the essay number, `title` the rest of the line.
ESSAY_MARKERS = [
    rule(
        "di-n-pian",
        rf"^第(?P<num>{NUMERAL})篇{MARKER_END}(?P<title>.*)$",
        f"第一篇{COLON}我们党群众路线内容",
        "第N篇 followed by the essay's title",
        needs="篇",
    ),
    rule(
        "bracketed",
        rf"^【\s*(?:第(?P<num>{NUMERAL})篇|篇(?P<num2>{NUMERAL}))\s*】\s*(?P<title>.*)$",
        "【篇一】学习心得",
        "【篇N】 or 【第N篇】",
        needs="篇",
    ),
    rule(
        "pian-n",
        rf"^篇(?P<num>{NUMERAL})\s*[:\uff1a、.]\s*(?P<title>.*)$",
        f"篇一{COLON}学习心得",
        "篇N: title",
        needs="篇",
    ),
    rule(
        "fan-wen-n",
        rf"^范文(?P<num>{NUMERAL}){MARKER_END}(?P<title>.*)$",
        f"范文一{COLON}学习心得",
        "范文N title",
        needs="范文",
    ),
]

MARKER_START = (
    rf"(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL})|范文(?:{NUMERAL})){C}"
    rf"|【\s*(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL}))\s*】"
)
# An essay marker glued to the end of the previous essay's last sentence, or
# to the date that closes it.
GLUED_ESSAY_MARKER = rule(
    "glued-essay-marker",
    rf"(?:(?<=[{SENTENCE_END}”])|(?<=\d日))\s*(?={MARKER_START})",
    f"……的落脚点。第二篇{COLON}学习心得",
    "an essay marker after a sentence's end or a date, on the same line",
)

# --- inside an essay ------------------------------------------------------------

# Headings inside an article, one family per numbering style. The family met
# first in an article becomes the outer level.
HEADING_MARKERS = [
    rule(
        "cn-numeral-comma",
        rf"^[{CN_DIGITS}]+、",
        "一、党的群众路线的基本内涵及其重大意义",
        "一、 二、",
    ),
    rule(
        "cn-numeral-paren",
        rf"^[(\uff08][{CN_DIGITS}]+[)\uff09]",
        f"{LPAREN}一{RPAREN}扎实开展学习培训{COMMA}切实提高思想认识",
        "(一) (二)",
    ),
    rule(
        "ordinal",
        rf"^第[{CN_DIGITS}]+[,\uff0c、]",
        f"第一{COMMA}更深刻了解了群众路线的内涵",
        "第一, 第二,",
    ),
    rule("arabic-comma", r"^\d{1,2}、", "1、坚持群众路线", "1、 2、"),
    rule("cn-numeral-alone", rf"^[{CN_DIGITS}]+$", "二", "一 二 三, a number alone on its line"),
    rule(
        "cn-numeral-space",
        rf"^[{CN_DIGITS}]+[\u3000 ](?=[{HAN}“])",
        "一\u3000三三制政权的实质是民主",
        "一　title: a number, a space, the heading",
    ),
]

# A line naming a speaker and a title: "田局——群众路线是我们党的生命线".
SUBTITLE = rule(
    "name-dash-title",
    rf"^{NAME}——[^,\uff0c。]+$",
    "田局——群众路线是我们党的生命线",
    "speaker——title under an essay marker",
)
# A subtitle opened by a dash, under the title.
DASH_SUBTITLE = rule(
    "dash-subtitle",
    rf"^——\s*(?P<subtitle>[^。{SENTENCE_END}]{{2,60}})$",
    "——广大青年认真学习贯彻党的二十大精神",
    "——subtitle under the title",
)

# Spaces that stand for a lost paragraph break: one after a sentence's end, or
# a run of two full-width or en spaces (a paragraph's indent) anywhere.
PARAGRAPH_BREAK_SPACE = re.compile(
    rf"(?<=[{SENTENCE_END}])([{CLOSING_QUOTES}]*)[ \u00a0{WIDE_SPACES}]+(?=\S)|()[{WIDE_SPACES}]{{2,}}(?=\S)"
)
# In a text that separates its paragraphs by no-break spaces, a run of them
# (not after a comma: there a line break fell inside a sentence).
NBSP_BREAK = re.compile(f"(?<=[^\\s{COMMA}、{COLON}；,;:])()()\u00a0[ \u00a0]*(?=\\S)")
# The spaced label of an imprint (出　　版：), whose wide spaces break nothing.
SPACED_LABEL = re.compile(rf"^[{HAN}][{WIDE_SPACES}]+[{HAN}]{{1,2}}{C}")

# Where a head line glues title, subtitle, date and speaker, the cuts.
HEAD_CUT = rule(
    "split-head-line",
    rf"\s+(?=——)|\s*(?={OPEN}(?:{DATE_PART}){CLOSE})|(?<=日{CLOSE})\s*",
    f"决胜全面建成小康社会 ——在党代会上的报告 {LPAREN}2017年10月18日{RPAREN} 习近平",
    "a head line glues title, ——subtitle, (date) and speaker: cut before each",
)
# A title glued to its source line: 习近平在浙江考察调研来源：共产党员网…
GLUED_SOURCE = rule(
    "split-glued-source",
    rf"(?<=[^\s{SENTENCE_END}{COMMA}])来源{C}(?=[^\s{COMMA}。]{{1,12}}?(?:网|报|社|台|刊|杂志|客户端|新闻))",
    f"习近平在浙江考察调研来源{COLON}共产党员网习近平总书记29日在浙江考察调研。",
    "a source label glued after a title (which may follow the last article's last sentence)",
    needs="来源",
)
# A series label a study material opens with, glued to the title after it.
SERIES_LABEL = re.compile(rf"^[^\s{COMMA}。]{{2,30}}?(?:学习|推荐|参考|辅导)(?:材料|资料)")
HEADLINE_MAX = 100  # a news headline of several clauses, glued to its source line
# Sources end in a kind of publisher; the name is cut there when text follows.
SOURCE_NAME = re.compile(
    r"^[^\s，。：:]{1,12}?(?:网|报|社|台|刊|杂志|客户端|新闻)"
    r"(?:[－\-—·][^\s，。：:]{1,12}?(?:网|报|社|台|刊))*"
)

# --- bylines, attributions, sources -----------------------------------------------

# The groups a byline rule may fill: `name`, `role`, `unit` (one author),
# `reporters` (names of 记者, 、-separated), `agency` (the source, role 来源),
# `date`; `byline` is the byline's own text (the whole match when absent),
# `before`/`rest` text glued before/after it, `title` an article title before it.
OFFICE = (
    r"(?:党委|党组)?副?(?:书记|校长|院长|市长|省长|县长|区长|局长|部长|主任|主席|董事长|"
    r"总经理|厂长|所长|处长|行长|社长|总编辑)"
)
UNIT_END = (
    r"(?:省委|市委|州委|县委|区委|党委|党组|政府|委员会|大学|学院|学校|中学|公司|集团|局|厅|部)"
)
AGENCY = rf"新华社|中新社|中国新闻社|人民网|央视网|央广网|[{HAN}]{{2,4}}日报"
SOURCE_PUBLISHER = SOURCE_NAME.pattern.removeprefix("^")

BYLINES = [
    rule(
        "lecture",
        rf"^(?P<name>{NAME}?)(?P<role>授课|讲课|主讲|讲话|发言)$",
        "田局授课",
        "a lecturer's name followed by 授课",
    ),
    rule(
        "excerpt-from-speech",
        rf"^(?P<byline>——\s*摘自(?P<name>{NAME}?)(?:同志)?在\S*?上的(?P<role>发言|讲话|报告))(?:\s+(?P<rest>.+))?$",
        "——摘自贺同新同志在集团党组理论中心组群众路线教育实践活动专题学习会议上的发言 总书记在…",
        "——摘自X同志在…上的发言, possibly glued to the first sentence",
        needs="摘自",
    ),
    rule(
        "written-by-tail",
        r"(?P<byline>[(\uff08](?P<role>文|作者)\s*[/\uff0f:\uff1a]\s*(?P<name>[^()\uff08\uff09]{1,20})[)\uff09])\s*$",
        f"……新铜梁。{LPAREN}文/闻琼{RPAREN}",
        "(文/X) closing an article",
    ),
    rule(
        "author-label",
        rf"^(?P<role>作者|文|撰稿|供稿)\s*[:\uff1a/\uff0f]\s*(?P<name>{NAME})(?:\s+(?P<unit>.+))?$",
        f"作者{COLON}张三 某某支部",
        "作者:X, 文/X, optionally followed by a unit",
    ),
    rule(
        "source-label",
        r"^(?P<role>来源|出处|转载自)\s*[:\uff1a]\s*(?P<name>\S.{0,40})$",
        f"来源{COLON}人民网",
        "来源:X, where the text was taken from",
    ),
    rule(
        "source-glued",
        rf"^(?P<byline>(?P<role>来源){C}\s*(?P<name>{SOURCE_PUBLISHER}))(?P<rest>[{HAN}“].{{20,}})$",
        f"来源{COLON}共产党员网习近平总书记29日在浙江考察调研。当天下午…",
        "来源:X glued to the first sentence; the source's name ends in 网, 报, 社 …",
        needs="来源",
    ),
    rule(
        "dateline",
        DATELINE.pattern.pattern,
        DATELINE.example,
        "a news page's dateline: the date, and the source as a byline",
    ),
    rule(
        "title-unit-author",
        rf"^(?P<title>[^\s,\uff0c。;\uff1b:\uff1a]{{4,40}})\s+"
        rf"(?P<byline>(?P<unit>[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}(?:\s+[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}){{0,3}}?)\s+(?P<name>{NAME}))$",
        "大学生党员如何实施群众路线 会展二支部 会展1102 高子茵",
        "article title, unit and author on one line",
    ),
    rule(
        "unit-note",
        rf"^(?P<byline>{OPEN}作者单位{C}(?P<unit>[^()（）]{{2,40}}){CLOSE})(?:\s*(?P<rest>\S.*))?$",
        "（作者单位：无锡联勤保障中心） 实践要义在于“老实” ■廖福安",
        "（作者单位：…） closing an article: the unit of its author",
        needs="作者单位",
    ),
    rule(
        "square-byline",
        rf"^(?:(?P<title>[^■\s][^■]{{1,40}}?)\s*)?(?P<byline>■\s*(?P<name>{NAME}))(?:\s+(?P<rest>\S.*))?$",
        "党内应该“打开天窗说亮话” ■刘师苑 “假话全不说、真话不全说”，有人以此为信条。",
        "a newspaper's 标题 ■作者, glued to the article's first words",
        needs="■",
    ),
    rule(
        "signature",
        rf"(?:^|(?<=[{SENTENCE_END}])\s*)(?P<byline>(?P<role>倡议人|申请人|发起人|报告人|承诺人|推荐人)"
        rf"{C}\s*(?P<name>[^\s:{COLON}]{{1,30}}?)\s*(?P<date>{DATE_PART})?)$",
        "共同书写北斗规模应用新篇章！倡议人：北斗规模应用国际峰会专家委员会2024年10月24日",
        "the signature closing a letter or proposal, with its date, glued to the last sentence",
        needs="人",
    ),
    rule(
        "office-byline",
        rf"^[·•]?\s*(?P<unit>[^\s{COMMA}。]{{2,12}}?{UNIT_END})?(?P<role>{OFFICE}(?:兼{OFFICE})*)"
        rf"(?P<name>[{HAN}]{{2,3}})(?:\s*{OPEN}(?P<when>[^()（）]*){CLOSE})?$",
        "·株洲市委书记曹慧泉（2024年10 月23 日下午16：30-17：30）",
        "a speaker's unit, office and name (and when the speech was given)",
    ),
    rule(
        "reporter",
        rf"^(?P<role>记者|通讯员|本报记者)\s*{C}?\s*(?P<reporters>{NAME}(?:[、\s]+{NAME})*)$",
        "记者 张莺",
        "记者 X: the reporter",
    ),
    rule(
        "wire-dateline",
        rf"^(?P<byline>据?(?P<agency>{AGENCY})(?:[{HAN}]{{2,4}}?)?(?P<date>(?:\d{{4}}年)?{SHORT_DATE})?电"
        rf"(?:\s*{OPEN}记者\s*(?P<reporters>[^()（）]{{2,30}}){CLOSE})?)\s*(?P<rest>.*)$",
        "新华社北京3月13日电（记者 李宣良、孙彦新、王经国）中共中央总书记…",
        "a news agency's dateline opening a story: agency, place, date, reporters",
        needs="电",
    ),
    rule(
        "report-dateline",
        rf"^(?P<byline>(?P<agency>[{HAN}]{{2,6}}?)报道\s*{OPEN}记者\s*(?P<reporters>[^()（）]{{2,30}}){CLOSE})"
        rf"{C}?\s*(?P<rest>.*)$",
        "国际在线报道(记者 杨磊)：2016年两会上，…",
        "X报道(记者 Y): a story's source and reporter",
        needs="报道",
    ),
    rule(
        "attribution",
        rf"^(?P<name>[{HAN}]{{2,4}}?)(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:至\d{{1,2}}日)?)"
        rf"(?:在|致|同|给|为|出席|主持|考察|视察|会见|参加|看望)[^。]{{2,80}}$",
        "习近平2021年3月5日在参加十三届全国人大四次会议内蒙古代表团审议时的讲话",
        "an excerpt's attribution: speaker, date and occasion",
        needs="年",
    ),
    rule(
        "attribution-wire",
        rf"^(?P<name>[{HAN}]{{2,4}}?)(?:对|在|关于)[^。]{{2,60}}?(?:指示|批示|讲话|贺信|回信)[{COMMA},]\s*"
        rf"据(?P<agency>{AGENCY})[{HAN}]{{0,4}}?(?P<date>\d{{4}}年{SHORT_DATE})电$",
        "习近平对职业教育工作作出的重要指示，据新华社北京2021年4月13日电",
        "an excerpt's attribution citing the agency that reported it",
        needs="据",
    ),
    rule(
        "original-title",
        rf"^原标题{C}\s*(?P<title>\S.{{1,80}})$",
        "原标题：习近平：全面实施创新驱动发展战略 推动国防和军队建设实现新跨越",
        "原标题：…, a reposted story's title given after it",
        needs="原标题",
    ),
]

# A commentary opens with the news it comments on, cited after it as
# （4月6日新华网）; the news lead opens with a time word.
NEWS_CITATION = rule(
    "news-citation",
    rf"{OPEN}{SHORT_DATE}[{HAN}]{{1,8}}(?:网|报|社|台){CLOSE}",
    f"…落实到每个支部、每名党员。{LPAREN}4月6日新华网{RPAREN}",
    "a news item cited by its date and outlet, the lead of a commentary",
    needs="月",
)
NEWS_LEAD = re.compile(rf"(?:近日|日前|昨天|昨日|今天|今日|本月|{SHORT_DATE})[{COMMA}，]")
NEWS_LEAD_REACH = 5  # sentences between a lead's first words and its citation

# Bylines that only a short piece can be (the others may have text glued on).
SHORT_BYLINES = {
    "lecture",
    "author-label",
    "source-label",
    "dateline",
    "title-unit-author",
    "office-byline",
    "reporter",
    "attribution",
    "attribution-wire",
    "original-title",
}
SHORT_PIECE = 120  # characters

# Bylines that close an article: what follows them starts another.
CLOSING_BYLINES = {"written-by-tail", "unit-note", "signature", "attribution", "attribution-wire"}
# Bylines that open a story: a piece starting with one starts another article.
OPENING_BYLINES = {"wire-dateline", "report-dateline"}

# A name alone on a line, under a title or a source (its author), or a
# signature in brackets after a paragraph's last sentence.
BARE_NAME = rule(
    "bare-name",
    rf"^(?P<name>[{HAN}]{{2,3}})(?:同志)?$",
    "习近平",
    "an author's name alone, under the title",
)
PAREN_NAME = rule(
    "paren-name",
    rf"^(?P<byline>{OPEN}(?P<name>[{HAN}]{{2,3}}){CLOSE})$",
    f"{LPAREN}朱雯{RPAREN}",
    "the author's name in brackets, signing a foreword",
)
GLUED_PAREN_NAME = re.compile(rf"[{SENTENCE_END}”]\s*({OPEN}[{HAN}]{{2,3}}{CLOSE})")
# Common family names: a name is taken from a bare line only if it starts with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤习闻常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
