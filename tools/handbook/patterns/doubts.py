"""What the report's doubts look for: results of shapes a maintainer should
look at, since the converter took them without evidence that they are right.

`DOUBT_KINDS` names each doubt with an example text on which the report
raises it and a near miss on which it must not; the rules below are the
shapes the doubts match, each with an example line."""

from __future__ import annotations

from dataclasses import dataclass

from ..chars import CN_DIGITS, COLON, COMMA, HAN, SENTENCE_END
from .base import C, rule


@dataclass(frozen=True)
class DoubtKind:
    name: str
    meaning: str  # how the report words it, before the line's text
    example: str  # a whole text on which the report raises it
    near_miss: str  # a text of nearly that shape on which it does not


# A title that ends open: a kicker over the headline (…征战高原戈壁——) or a
# lead-in (…的意见：) is no title.
OPEN_END_TITLE = rule(
    "open-ended-title",
    rf"(?:——|—|－－|--|[{COLON}:{COMMA},、])$",
    "征服“摩天岭”“无底洞”，官兵辗转大江南北、征战高原戈壁——",
    "a title ending with a dash, a colon or a comma: a kicker or lead-in, not the title",
)
DATE_TITLE = rule(
    "date-as-title",
    rf"^[\d{CN_DIGITS}]{{1,4}}(?:\s*[年月日号/.\-]\s*[\d{CN_DIGITS}]{{0,4}}){{0,3}}$",
    "三月28",
    "a title that is a date or a number: a sidebar's date, a page's number",
)
NAMES = rf"[{HAN}]{{1,4}}(?:[\s、，,]+[{HAN}]{{1,4}}){{0,7}}"
BYLINE_AS_TEXT = rule(
    "byline-as-text",
    rf"^(?:[■▲●◆]|记者|作者\s*{C}|文\s*[{COLON}:/／])\s*{NAMES}$",
    "■邵 敏 谷永敏 武元晋",
    "a paragraph of names behind a byline's lead (■, 记者, 作者：, 文／)",
)
NAMES_ONLY = rule(
    "names-only",
    rf"^[{HAN}]{{2,3}}(?:[\s、]+[{HAN}]{{2,3}}){{1,5}}$",
    "邵敏 谷永敏 武元晋",
    "a paragraph of two to six names alone (each is checked for a family name)",
)
TITLE_LABEL = rule(
    "title-label",
    rf"^(?:标\s*题|题\s*目){C}\s*\S",
    "标题：《中国式现代化：一场文明传承与创新的伟大实践》",
    "a note naming the text's title (标题：…), left in the text",
)
LABEL_ALONE = rule(
    "label-alone",
    rf"^[^{SENTENCE_END}{COMMA},]{{1,8}}{C}$",
    "索 引 号：",
    "a short label alone on its line, its value on the next (a table's cell)",
)
LATIN_FURNITURE = rule(
    "latin-furniture",
    r"^[A-Za-z]+(?:\s+[A-Za-z]+)*$",
    "Collect from",
    "a line of words in Latin letters only: a template's label or button, not the text",
)
DOCUMENT_NAME = rule(
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
        "征服“摩天岭”“无底洞”，官兵辗转大江南北、征战高原戈壁——\n爱山无悔 路在脚下\n\n"
        "“好十连”老兵退伍仪式如期举行。队列里，上等兵兰熙泪流满面。这是他下连两年来，"
        "第二次穿上军装，也是最后一次。\n",
        "红色之旅——韶山、井冈山\n\n今年七月，我们来到韶山和井冈山，重温革命历史，"
        "接受了一次深刻的党性教育，收获很大。\n",
    ),
    DoubtKind(
        "title-from-file-name",
        "the text is titled by its file name, though a line near its top could title it",
        "Collect from\n铁肩担道义：坚持正确的政治方向与舆论导向\n"
        "习近平总书记在讲话中对广大新闻记者提出4点希望：坚持正确政治方向，坚持正确舆论导向，"
        "坚持正确新闻志向，坚持正确工作取向。\n",
        "习近平总书记在讲话中对广大新闻记者提出4点希望：坚持正确政治方向，坚持正确舆论导向，"
        "坚持正确新闻志向，坚持正确工作取向。\n",
    ),
    DoubtKind(
        "table-cells",
        "labels each over its value, left as headings or text (a table read cell by cell?)",
        "索 引 号：\n000014349/2018-00221\n主题分类：\n综合政务\n发文机关：\n国务院办公厅\n"
        "成文日期：\n2018年12月07日\n各省、自治区、直辖市人民政府：\n"
        "政务新媒体是移动互联网时代党和政府联系群众、服务群众、凝聚群众的重要渠道。\n",
        "学习心得\n\n提纲：\n一、提高认识\n二、查找问题\n\n要求：\n"
        "通过学习，我认识到群众路线的重要性，要始终坚持从群众中来、到群众中去。\n",
    ),
    DoubtKind(
        BYLINE_AS_TEXT.name,
        "a paragraph that looks like a byline, kept as text",
        "官兵辗转大江南北、征战高原戈壁——\n爱山无悔 路在脚下\n■邵 敏 谷永敏 武元晋\n"
        "“好十连”老兵退伍仪式如期举行。队列里，上等兵兰熙泪流满面。这是他下连两年来，"
        "第二次穿上军装。\n",
        "官兵辗转大江南北、征战高原戈壁——\n爱山无悔 路在脚下\n■守在山沟沟里，他们是一群不穿军装的军人\n"
        "“好十连”老兵退伍仪式如期举行。队列里，上等兵兰熙泪流满面。这是他下连两年来，"
        "第二次穿上军装。\n",
    ),
    DoubtKind(
        DATE_TITLE.name,
        "a title that is a date or a number",
        "更多时事讯闻\n\n三月28\n\n习近平2月28日主持召开中央财经领导小组第十五次会议强调，"
        "做好经济工作是我们党治国理政的重大任务。\n",
        "三月的春风\n\n习近平2月28日主持召开中央财经领导小组第十五次会议强调，"
        "做好经济工作是我们党治国理政的重大任务。\n",
    ),
    DoubtKind(
        "word-as-byline",
        "a byline of one or two characters that the text uses as a word (a title?)",
        "组织生活\n党课\n  党课制度（每月一次）党课教育是党组织定期对党员进行特殊教育的基本制度。"
        "党课教育每月进行一次。\n",
        "学习体会\n王浩\n  通过学习，我认识到群众路线的重要性，要始终坚持从群众中来、"
        "到群众中去。\n",
    ),
    DoubtKind(
        "names-in-one",
        "a byline's name that holds several names",
        "实兵对抗演练 锤炼空战能力\n作者：沙凌云、许小赛\n"
        "金秋十月，东海某海域上空，一场实兵对抗空战演练正如火如荼开展。\n",
        "实兵对抗演练 锤炼空战能力\n作者：沙凌云\n"
        "金秋十月，东海某海域上空，一场实兵对抗空战演练正如火如荼开展。\n",
    ),
    DoubtKind(
        TITLE_LABEL.name,
        "a note naming the text's title, kept as text",
        "形势与政策课程小论文\n\n标题：《中国式现代化：一场文明传承与创新的伟大实践》\n\n"
        "以前泥泞的河边小路，现在成了大家饭后散步、晨跑跳舞的好去处。\n",
        "形势与政策课程小论文\n\n标题党的危害不容小觑，我们要坚决抵制。\n\n"
        "以前泥泞的河边小路，现在成了大家饭后散步、晨跑跳舞的好去处。\n",
    ),
    DoubtKind(
        "broken-headline",
        "two lines that make a document's name together, kept as text (a headline broken?)",
        "组织生活\n\n国务院办公厅关于推进\n政务新媒体健康有序发展的意见\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "政务新媒体是移动互联网时代党和政府联系群众、服务群众、凝聚群众的重要渠道。\n",
        "组织生活\n\n国务院办公厅关于推进\n政务新媒体健康有序发展\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "政务新媒体是移动互联网时代党和政府联系群众、服务群众、凝聚群众的重要渠道。\n",
    ),
    DoubtKind(
        "essay-opens-at-furniture",
        "the essay's text starts at a line of site furniture or notes",
        "提纲：\n开头段\n文明自信\n结尾段\n\n"
        "以前泥泞的河边小路，现在成了大家饭后散步、晨跑跳舞的好去处。\n",
        "同志们：\n\n以前泥泞的河边小路，现在成了大家饭后散步、晨跑跳舞的好去处。\n",
    ),
    DoubtKind(
        "title-after-like-lines",
        "a title right under short lines of its shape kept as text (captions?)",
        "实兵对抗演练 锤炼空战能力\n\n金秋十月，东海某海域上空，一场实兵对抗空战演练正如火如荼开展。\n"
        "战鹰出击\n空中双机编队\n战鹰归来\n精心维修\n"
        "今年以来，该旅严格落实新大纲组训要求，坚持训战一致原则，深入破除和平积弊，"
        "常态化组织开展全员额、全装备训练。\n",
        "实兵对抗演练 锤炼空战能力\n\n金秋十月，东海某海域上空，一场实兵对抗空战演练正如火如荼开展。\n"
        "精心维修\n今年以来，该旅严格落实新大纲组训要求，坚持训战一致原则，深入破除和平积弊，"
        "常态化组织开展全员额、全装备训练。\n",
    ),
]
