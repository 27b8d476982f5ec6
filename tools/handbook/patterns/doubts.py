"""What the report's doubts look for: results of shapes a maintainer should
look at, since the converter took them without evidence that they are right.

`DOUBT_KINDS` names each doubt with an example, the lines of a result on
which the report raises it, and a near miss on which it must not (the
result each stands for is in tests/test_doubts.py); the rules below are the
shapes the doubts match, each with an example line."""

from __future__ import annotations

from dataclasses import dataclass

from ..chars import CN_DIGITS, COLON, COMMA, HAN, SENTENCE_END
from .base import C, Rule


@dataclass(frozen=True)
class DoubtKind:
    name: str
    meaning: str  # how the report words it, before the line's text
    example: str  # the lines (one a line) of a result on which the report raises it
    near_miss: str  # lines of nearly that shape on which it does not


# A title that ends open: a kicker over the headline (…征战高原戈壁——) or a
# lead-in (…的意见：) is no title.
OPEN_END_TITLE = Rule(
    "open-ended-title",
    rf"(?:——|—|－－|--|[{COLON}:{COMMA},、])$",
    "征服“摩天岭”“无底洞”，官兵辗转大江南北、征战高原戈壁——",
    "a title ending with a dash, a colon or a comma: a kicker or lead-in, not the title",
)
DATE_TITLE = Rule(
    "date-as-title",
    rf"^[\d{CN_DIGITS}]{{1,4}}(?:\s*[年月日号/.\-]\s*[\d{CN_DIGITS}]{{0,4}}){{0,3}}$",
    "三月28",
    "a title that is a date or a number: a sidebar's date, a page's number",
)
# A title still holding what looks like a site's furniture, of a shape the
# converter does not remove: a short name and an arrow opening it
# (某某大学新闻网>>…), or a bar or an underscore and a short tail closing it
# (… | 某某新闻网, …_某某大学).
SITE_AFFIX_TITLE = Rule(
    "title-affix",
    rf"^[^\s{SENTENCE_END}{COMMA}]{{2,12}}\s*(?:->|→|>>|»)\s*\S|(?:\s[|\uff5c]|_)\s*[^\s|\uff5c_]{{2,20}}$",
    "某某大学新闻网>>党的二十大精神系列宣讲开讲",
    "a title opened by a short name and an arrow, or closed by a bar and a short tail",
)
# A title that is an item of a site's menu or its whole bar, where the
# headline stands further down: the account's buttons (登录, 注册), a digital
# edition's archive link (往期数字报刊), a channel (紫牛头条), the home link
# with the items after it (首页　组织机构　工作动态 …).
MENU_TITLE = Rule(
    "menu-as-title",
    rf"^(?:(?:网站首页|首页|主页)(?:[\s\u3000]+\S{{2,8}}){{2,}}|登录|登陆|注册|免费注册"
    rf"|往期[{HAN}]{{0,6}}|返回[{HAN}]{{0,4}}|[{HAN}]{{2,4}}头条)$",
    "往期数字报刊",
    "a title that is a site's menu item or bar: its buttons, its archive, a channel, the home link",
)
# A title that names a site, with its address at times: the portal's name
# line under the headline (巴彦淖尔市政府门户网站 www.bynr.gov.cn).
SITE_NAME_TITLE = Rule(
    "site-as-title",
    rf"^[^\s{SENTENCE_END}{COMMA}{COLON}:]{{2,20}}(?:门户网站|政府网站|新闻网|数字报刊?|客户端|官网)"
    r"(?:\s+(?:https?://)?[\w-]+(?:\.[\w-]+)+/?)?$",
    "巴彦淖尔市政府门户网站 www.bynr.gov.cn",
    "a title that names a site (a portal, a news site, a digital edition, an app), its address after it",
)
NAMES = rf"[{HAN}]{{1,4}}(?:[\s、，,]+[{HAN}]{{1,4}}){{0,7}}"
BYLINE_AS_TEXT = Rule(
    "byline-as-text",
    rf"^(?:[■▲●◆]|记者|作者\s*{C}|文\s*[{COLON}:/／])\s*{NAMES}$",
    "■邵 敏 谷永敏 武元晋",
    "a paragraph of names behind a byline's lead (■, 记者, 作者：, 文／)",
)
NAMES_ONLY = Rule(
    "names-only",
    rf"^[{HAN}]{{2,3}}(?:[\s、]+[{HAN}]{{2,3}}){{1,5}}$",
    "邵敏 谷永敏 武元晋",
    "a paragraph of two to six names alone (each is checked for a family name)",
)
TITLE_LABEL = Rule(
    "title-label",
    rf"^(?:标\s*题|题\s*目){C}\s*\S",
    "标题：《中国式现代化：一场文明传承与创新的伟大实践》",
    "a note naming the text's title (标题：…), left in the text",
)
LABEL_ALONE = Rule(
    "label-alone",
    rf"^[^{SENTENCE_END}{COMMA},]{{1,8}}{C}$",
    "索 引 号：",
    "a short label alone on its line, its value on the next (a table's cell)",
)
LATIN_FURNITURE = Rule(
    "latin-furniture",
    r"^[A-Za-z]+(?:\s+[A-Za-z]+)*$",
    "Collect from",
    "a line of words in Latin letters only: a template's label or button, not the text",
)
DOCUMENT_NAME = Rule(
    "document-name",
    rf"^[^{SENTENCE_END}{COMMA},：:]{{2,30}}关于[^{SENTENCE_END}{COMMA},：:]{{2,50}}"
    r"(?:意见|通知|决定|决议|办法|方案|规定|条例|公报|纲要|报告)$",
    "国务院办公厅关于推进政务新媒体健康有序发展的意见",
    "a document's name, its issuer, 关于 and what it is about before its kind "
    "(…关于…的意见; a line ending in 作报告 is no document's name)",
    needs="关于",
)
TABLE_CELLS_MIN = 3  # labels, each over its value, that make a table read cell by cell
HEADLINE_MIN = 8  # characters of a line near the top that could title the text
HEADLINE_REACH = 10  # blocks from the top where such a line is looked for
SHORT_BYLINE_MAX = 2  # a byline's name this short that the text uses as a word
WORD_USES_MIN = 2  # times the text uses such a name inside its sentences
LIKE_LINES_MIN = 2  # short lines kept as text right above a title of their shape

DOUBT_KINDS = [
    DoubtKind(
        OPEN_END_TITLE.name,
        "a title that ends with a dash, a colon or a comma (a kicker or lead-in?)",
        OPEN_END_TITLE.example,
        "红色之旅——韶山、井冈山",
    ),
    DoubtKind(
        "title-from-file-name",
        "the text is titled by its file name, though a line near its top could title it",
        "Collect from\n铁肩担道义：坚持正确的政治方向与舆论导向",
        "Collect from\n习近平总书记提出4点希望：坚持正确政治方向，坚持正确舆论导向。",
    ),
    DoubtKind(
        "table-cells",
        "labels each over its value, left as headings or text (a table read cell by cell?)",
        "索 引 号：\n000014349/2018-00221\n主题分类：\n综合政务\n发文机关：\n国务院办公厅",
        "提纲：\n开头段\n要求：\n表现出中国式现代化意味着什么。\n主题：\n用生活化的事情来表现。",
    ),
    DoubtKind(
        BYLINE_AS_TEXT.name,
        "a paragraph that looks like a byline, kept as text",
        BYLINE_AS_TEXT.example,
        "■守在山沟沟里，他们是一群不穿军装的军人",
    ),
    DoubtKind(
        SITE_AFFIX_TITLE.name,
        "a title opened by a name and an arrow, or closed by a bar and a short tail"
        " (a site's furniture?)",
        SITE_AFFIX_TITLE.example,
        "从“输血”到“造血”：某某村的脱贫之路",
    ),
    DoubtKind(
        MENU_TITLE.name,
        "a title that is a site's menu item or bar (the headline further down?)",
        MENU_TITLE.example,
        "往事并不如烟",
    ),
    DoubtKind(
        SITE_NAME_TITLE.name,
        "a title that names a site or gives its address (the site's name over the headline?)",
        SITE_NAME_TITLE.example,
        "建好用好政府网站 提升政务服务水平",
    ),
    DoubtKind(
        DATE_TITLE.name,
        "a title that is a date or a number",
        DATE_TITLE.example,
        "三月的春风",
    ),
    DoubtKind(
        "word-as-byline",
        "a byline of one or two characters that the text uses as a word (a title?)",
        "党课\n党课制度（每月一次）党课教育是党组织定期对党员进行特殊教育的基本制度。",
        "王浩\n通过学习，我认识到群众路线的重要性，要始终坚持从群众中来、到群众中去。",
    ),
    DoubtKind(
        "names-in-one",
        "a byline's name that holds several names",
        "沙凌云、许小赛",
        "邓  艳",
    ),
    DoubtKind(
        TITLE_LABEL.name,
        "a note naming the text's title, kept as text",
        TITLE_LABEL.example,
        "标题党的危害不容小觑，我们要坚决抵制。",
    ),
    DoubtKind(
        "broken-headline",
        "two lines that make a document's name together, kept as text (a headline broken?)",
        "国务院办公厅关于推进\n政务新媒体健康有序发展的意见",
        "共建交流\n西北工业大学碳材料师生融合党支部作报告",
    ),
    DoubtKind(
        "essay-opens-at-furniture",
        "the essay's text starts at a line of site furniture or notes",
        "提纲：\n开头段\n文明自信",
        "同志们：\n以前泥泞的河边小路，现在成了大家饭后散步、晨跑跳舞的好去处。",
    ),
    DoubtKind(
        "title-over-menu",
        "a title over a run of short words kept as text (a site's menu, the title one of its items?)",
        "首页\n医院概况\n医院介绍\n历史沿革\n医院领导\n组织机构",
        "入党流程\n递交入党申请\n团员推优",
    ),
    DoubtKind(
        "title-after-like-lines",
        "a title right under short lines of its shape kept as text (captions?)",
        "战鹰出击\n空中双机编队\n精心维修",
        "金秋十月，东海某海域上空，一场实兵对抗空战演练正如火如荼开展。\n战鹰出击\n精心维修",
    ),
]
