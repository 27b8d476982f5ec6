"""The head of a text and its essays: dates, titles, contents lists, essay markers."""

from __future__ import annotations

import re

from ..chars import (
    CN_DIGITS,
    COLON,
    COMMA,
    HAN,
    LPAREN,
    NUMERAL,
    RPAREN,
    SENTENCE_END,
)
from .base import CLOSE, DATE_PART, DOCUMENT_KINDS, OPEN, C, Rule

# --- the document's head ------------------------------------------------------

# The date of the collection, on a line of its own before the first essay.
DATE = Rule("date", r"^\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*$", "2022-08-28", "a date line")

# A programme's or a page's title closed by its day as a compact number in
# brackets (《新闻联播》（20220301）): the title as written, and the text's date.
TITLE_COMPACT_DATE = Rule(
    "title-compact-date",
    rf"(?<=\S)\s?{OPEN}(?P<date>(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])){CLOSE}$",
    f"《新闻联播》{LPAREN}20220301{RPAREN}",
    "a title closed by its day in brackets as eight figures, a space before them at times"
    " (《新闻联播》 (20221121)): the text's date",
)

# A newspaper's kicker (引题) over its headline: a line leading into the
# title with a dash at its end (征服…、征战高原戈壁——). The deck of the text,
# set above its title: never the title itself.
KICKER = Rule(
    "kicker-over-title",
    rf"^[^{SENTENCE_END}—]{{6,100}}——$",
    "扎根边防二十年，他们把青春写在雪线上——",
    "a kicker leading into the title under it with a dash: the text's subtitle",
    needs="——",
)

# A national paper's headline carries its series' label in brackets at its
# end, two names joined by a middle dot (…争先出彩（推动高质量发展·权威发布）):
# the line over it, over a byline or a dateline, is its kicker, never a title.
LABELLED_HEADLINE = Rule(
    "labelled-headline",
    rf"{OPEN}[{HAN}]{{2,12}}·[{HAN}]{{2,12}}{CLOSE}$",
    f"在新时代中部地区崛起中争先出彩{LPAREN}推动高质量发展·权威发布{RPAREN}",
    "a headline ending in its series' label, two names joined by a middle dot",
    needs="·",
)

# An official document's title set over two lines at its head, broken after
# 关于 and the first words of its matter (国务院办公厅关于推进 / 政务新媒体…的意见):
# one title, the second line ending in the document's kind.
BROKEN_TITLE = Rule(
    "document-title-broken",
    rf"^[^{SENTENCE_END}，、；：:\s]{{2,30}}关于[^{SENTENCE_END}，、；：:\s]{{0,30}}$",
    "某某市人民政府关于进一步加强",
    "the first line of a document's title broken over two: 发文机关关于…, its kind on the next",
    needs="关于",
)
BROKEN_TITLE_END = re.compile(rf"^[^{SENTENCE_END}，、；：:\s]{{2,40}}(?:{DOCUMENT_KINDS})$")
# A published notice's title set over more lines (吉林省人民政府关于禁止在 /
# 吉林省嫩江干流补充治理工程建设 / 征占地范围内新增建设项目 / 和迁入人口的通告):
# the lines between its first and its kind, no mark in them.
BROKEN_TITLE_PART = re.compile(rf"^[^{SENTENCE_END}，、；：:\s]{{2,30}}$")
BROKEN_TITLE_LINES_MAX = 4
# A digital edition's issue date alone over the headline: the headline is
# this long at least (a weekday or a short label under a date is no headline).
ISSUE_HEADLINE_MIN = 8

# An official document's number under its title (国办发〔2018〕123号): the
# issuer's short name, the year in brackets, the number. A line of the
# document's head, never a title.
DOCUMENT_NUMBER = Rule(
    "document-number",
    rf"^[{HAN}]{{1,10}}[〔\[［【{LPAREN}(]\d{{4}}[〕\]］】{RPAREN})]\s*第?\d{{1,4}}号$",
    "某政办发〔2021〕15号",
    "an official document's number under its title: text of its head, no title",
    needs="号",
)

# A date alone, bare or in brackets: the date of what it stands under.
DATE_LINE = Rule(
    "date-line",
    rf"^{OPEN}?(?P<date>{DATE_PART}){CLOSE}?$",
    f"{LPAREN}2018年1月2日{RPAREN}",
    "a date alone on its line",
)
# A speaker's office before the name, a space between, at the end of a glued
# head under its date (中华人民共和国主席 习近平尊敬的…): the speaker's role.
OFFICE_BEFORE_SPEAKER = Rule(
    "office-before-speaker",
    rf"^(?P<role>[{HAN}]{{2,12}}?(?:主席|总理|总书记|书记|委员长|部长|省长|市长))[ \u3000]+(?=[{HAN}]{{2}})",
    "中华人民共和国主席 习近平尊敬的萨勒曼国王，",
    "a speaker's office, then a space, before the name a glued head ends in: the role",
)
# A speech's date and the city it was given in, in brackets under its title
# (（2020年11月21日，北京）): its date.
DATE_PLACE = Rule(
    "date-and-place",
    rf"^{OPEN}(?P<date>{DATE_PART}){COMMA}[{HAN}]{{2,3}}{CLOSE}$",
    f"{LPAREN}2020年11月21日{COMMA}北京{RPAREN}",
    "a date and a city in brackets alone: the date of the speech it stands under",
    needs=COMMA,
)

# A year and month alone, under the byline of a report's writers (课题组 /
# 2003年5月): the report's date. Elsewhere such a line heads a chronicle's
# entries (1921年7月 over what happened then).
MONTH_DATE = Rule(
    "month-date",
    r"^(?P<date>\d{4}年\d{1,2}月)$",
    "2003年5月",
    "a report's year and month alone under its writers' byline",
    needs="月",
)

# A date in an era's reckoning, alone on its line where it closes a piece (a
# preface's 康熙己未春日[48]): the reign, the year by number or by its cyclic
# name, then the month, the day or the season; a note's mark after it is not
# part of the date.
REIGNS = "洪武|永乐|嘉靖|万历|崇祯|顺治|康熙|雍正|乾隆|嘉庆|道光|咸丰|同治|光绪|宣统|民国"
ERA_DATE = Rule(
    "era-date",
    rf"^(?P<date>(?:{REIGNS})(?:[{CN_DIGITS}元]{{1,4}}年|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年?)"
    rf"(?:[{CN_DIGITS}正腊]{{1,3}}月)?(?:[{CN_DIGITS}]{{1,3}}日|[春夏秋冬][日月季]?)?)(?:\[\d{{1,3}}\])?$",
    "乾隆丙午秋日[12]",
    "a date in an era's reckoning (reign, cyclic year, season) alone on its line",
)

# The page's date as one property line of its own, wherever it stands (the
# credits under a story): the page's date.
PROPERTY_DATE = Rule(
    "property-date",
    rf"^(?:发布时间|发布日期|更新时间|时间|日期){C}\s*(?P<date>{DATE_PART})$",
    f"时间{COLON}2016年03月09日",
    "the page's date on a property line of its own",
)

# The same date property with the bar after it that parted it from the next
# property, which the page lost (发布时间：2024年05月05日 |).
PROPERTY_DATE_BAR = Rule(
    "property-date-bar",
    rf"^(?:发布时间|发布日期|更新时间|时间|日期){C}\s*(?P<date>{DATE_PART})\s*[|｜]$",
    f"发布时间{COLON}2024年05月05日 |",
    "the page's date on a property line of its own, a bar after it",
)

# A web page's dateline, its date and time, glued to the end of the text
# above it where the page lost the break (…而努力奋斗2019年11月01日07:20), its
# source on the next piece: the date of what it stands in.
DATE_GLUED_AFTER_TEXT = Rule(
    "date-glued-after-text",
    rf"(?<=[{HAN}”])(?P<date>\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}日?\s*"
    r"\d{1,2}[:\uff1a]\d{2}(?:[:\uff1a]\d{2})?)$",
    "…实现中华民族伟大复兴的中国梦而努力奋斗2019年11月01日07:20",
    "a page's dateline (a date with its time) glued after the last words of the text above it",
)

# A dateline's day with no year (中国经济网北京3月9日讯): where the page gives
# the same day in full elsewhere (its credits, 时间：2016年03月09日), that is
# the date; the day alone stays otherwise.
DAY_WITHOUT_YEAR = Rule(
    "day-without-year",
    r"^(?P<month>\d{1,2})月(?P<day>\d{1,2})日$",
    "3月9日",
    "a day without its year, completed by the full date of the same day on the page",
)
FULL_DAY = re.compile(r"\d{4}\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})")

# A date and the source on one line, as news pages print them.
DATELINE = Rule(
    "dateline",
    rf"^(?P<date>{DATE_PART})\s*(?P<role>来源){C}\s*(?P<name>\S.{{0,30}})$",
    f"2022年10月27日08:26   来源{COLON}人民网－人民日报",
    "a news page's dateline: date, time and source, spaced apart or glued (2017-08-10来源：…)",
    needs="来源",
)
# The same dateline cut before its source, the label closing the line and the
# source alone on the next (2015-07-02 23:15:34　来源: / 上海证券报·中国证券网):
# one line the page set in two boxes, joined again and reported.
DATELINE_OPEN = Rule(
    "joined-dateline-source",
    rf"^(?:(?P<date>{DATE_PART})\s*)?(?P<role>来源){C}$",
    "2015-07-02 23:15:34\u3000来源:",
    "a dateline or a source's label whose source stands alone on the next line",
    needs="来源",
)
SOURCE_BELOW = re.compile(
    r"^[^\s，,。：:；;！？!?]{2,30}$"
)  # the source alone: a name, no sentence
# The same dateline with a bar between the date and the source, as a national
# paper's site sets it under the byline (2024年05月10日06:58 | 来源：…).
DATELINE_BAR = Rule(
    "dateline-bar",
    rf"^(?P<date>{DATE_PART})\s*[|｜]\s*(?P<role>来源){C}\s*(?P<name>[^\s|｜].{{0,30}})$",
    f"2024年05月10日06:58 | 来源{COLON}人民网－人民日报",
    "a news page's dateline, a bar between the date and the source",
    needs="来源",
)
# A creators' platform's posting line under the headline: the date and time
# glued to the platform's note, posted on a place's account
# (发布于北京经济日报官方账号), or the account's name and the place it posts
# from (政能亮 来自北京市): the piece's date, the account named its source.
PLATFORM_POSTING = Rule(
    "platform-posting",
    rf"^(?P<date>{DATE_PART})\s*"
    rf"(?:发布于[^\s，。{COLON}:]{{2,30}}|(?P<agency>[^\s，。{COLON}:]{{2,12}})\s+来自[{HAN}]{{2,12}})$",
    "2022-06-02 09:52:19政能亮 来自北京市",
    "a platform's posting line: the date glued to its posting note, the account its source",
)

# A contents list without essay markers: its heading and bulleted entries.
CONTENTS_HEADING = Rule(
    "contents-heading", r"^(?:目\s*录|Contents|CONTENTS)$", "目  录", "a contents list's heading"
)
# A book's contents heading, a colon after it at times, over its entries.
BOOK_CONTENTS_HEADING = Rule(
    "book-contents-heading",
    rf"^目\s*录\s*{C}?$",
    f"目 录{COLON}",
    "a book's contents heading, with or without a colon",
    needs="录",
)
CONTENTS_ENTRY = Rule(
    "contents-entry", r"^[·•●○◆▪]\s*\S", "· 动员新兵及新兵政治工作", "an entry of a contents list"
)
# A numbered entry of a Markdown page's summary (## 新闻摘要 / 1.…；), which
# names the headline of a piece below (### …) and ends in a stop of the list.
SUMMARY_ENTRY = Rule(
    "summary-entry",
    rf"^\d{{1,2}}[.．、](?P<entry>[^；;]+?)[；;。{COLON}:]?$",
    "4.全国政协十三届常委会第二十次会议开幕；",
    "a numbered entry of a page's summary naming a piece's headline below",
)
# A line a contents list of bare titles names, standing again in the text
# below: it heads that essay (the list 前言 / 考城隍 / 尸变, then 考城隍 over
# the story). The whole line is the title; there is no marker and no number.
LISTED_TITLE = Rule(
    "listed-title",
    r"^(?P<num>)(?P<title>\S.*)$",
    "考城隍",
    "a title the contents list names, heading its essay",
)
LISTED_TITLE_MAX = 20  # characters of a contents list's bare entry
# The title given as a note among the writer's notes over the text
# (标题：《…》, 题目：…), where no line heads the text: the text's title. The
# notes above it are front matter, kept; a sentence after the label (题目：请
# 谈谈…。) is an assignment, no title.
TITLE_LABEL = Rule(
    "title-label",
    rf"^(?:标题|题目|文章标题|文章题目|论文题目|论文标题|题名){C}\s*(?P<title>\S.*)$",
    f"标题{COLON}《中国式现代化：一场文明传承与创新的伟大实践》",
    "the text's title given as a note (标题：…) among the notes that open it",
    needs="题",
)
# A book's title wrapped whole in 《》.
BOOK_TITLE = re.compile(r"^《(?P<title>[^《》]+)》$")

# A Markdown heading mark, and a catalogue code before a title.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A Markdown page's admonition box (!!! note "标题", folded ??? tip, open ???+ note):
# a section of the page, headed by its quoted title, or by its type as written
# where it has none (!!! 要求, !!! question). The reader has widened the mark's
# last ! or ? beside Chinese at times (!!！ 要求).
ADMONITION = Rule(
    "admonition",
    r'^(?:!![!！]|\?\?[?？]\+?)[ \t]+(?P<type>[\w-]+)(?:[ \t]+["“](?P<title>[^"“”]+)["”])?[ \t]*$',
    '!!! note "党的人民代表大会"',
    "a Markdown admonition box opening: a section, its title (else its type) the heading",
)
ADMONITION_OPENERS = "!?"  # what an admonition's line starts with: other lines are not tried
# The fence opening or closing a Markdown code block (```mermaid, ~~~): the
# lines between are code, a chart's or a program's, and head nothing.
CODE_FENCE = re.compile(r"^(?:```|~~~)")
CATALOGUE_CODE = Rule(
    "catalogue-code",
    rf"^(?P<code>[A-Z]{{1,4}}\d{{2,}}(?:\.\d+)*)\s+(?=[{HAN}])",
    "VW001.042 习近平论教育工作",
    "a catalogue number before a title",
)
# A code alone on a line, labelling what follows.
CODE_LABEL = re.compile(r"^[A-Z]{1,4}\d{2,}(?:\.\d+)+$")

BRACKET_HEADING = Rule(
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

# Essay markers. Group `num` is the essay number, `title` the rest of the line;
# `marker`, when there is one, the marker without what leads it.
ESSAY_MARKERS = [
    Rule(
        "di-n-pian",
        rf"^第(?P<num>{NUMERAL})篇{MARKER_END}(?P<title>.*)$",
        f"第一篇{COLON}我们党群众路线内容",
        "第N篇 followed by the essay's title",
        needs="篇",
    ),
    Rule(
        "bracketed",
        rf"^【\s*(?:第(?P<num>{NUMERAL})篇|篇(?P<num2>{NUMERAL}))\s*】\s*(?P<title>.*)$",
        "【篇一】学习心得",
        "【篇N】 or 【第N篇】",
        needs="篇",
    ),
    Rule(
        "pian-n",
        rf"^篇(?P<num>{NUMERAL})\s*[:\uff1a、.]\s*(?P<title>.*)$",
        f"篇一{COLON}学习心得",
        "篇N: title",
        needs="篇",
    ),
    Rule(
        "book-piece",
        rf"^(?:#{{1,6}}\s+)?(?P<marker>第(?P<num>{NUMERAL})篇)"
        rf"(?P<title>《[^》]{{1,40}}》)[。.]?\s*$",
        "### 第一篇《中国社会各阶级的分析》",
        "notes on a book's pieces: 第N篇 glued to the piece's title in its book-title marks, alone"
        " or in a Markdown heading (its mark no marker's); a final 。 is no title's (a word before"
        " the marker, 毛选第十一篇《…》, may be prose: a marker only where the numbering misses"
        " it, book-piece-after-word)",
        needs="篇《",
    ),
    Rule(
        "fan-wen-n",
        rf"^范文(?P<num>{NUMERAL}){MARKER_END}(?P<title>.*)$",
        f"范文一{COLON}学习心得",
        "范文N title",
        needs="范文",
    ),
]

# A piece's marker with a word glued before it (毛选第十一篇《…》, the volume's
# short name): prose may read so too, so it starts an essay only where it
# fills the gap its number leaves in the markers around it (第十篇 … 第十二篇).
PREFIXED_BOOK_PIECE = Rule(
    "book-piece-after-word",
    rf"^(?P<word>[{HAN}]{{1,4}})(?P<marker>第(?P<num>{NUMERAL})篇)(?P<title>《[^》]{{1,40}}》)[。.]?\s*$",
    "毛选第十一篇《关心群众生活，注意工作方法》",
    "a piece's marker and title with a short word before it, where the numbering misses that piece",
    needs="篇《",
)

MARKER_START = (
    rf"(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL})|范文(?:{NUMERAL})){C}"
    rf"|【\s*(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL}))\s*】"
)
# An essay marker glued to the end of the previous essay's last sentence, or
# to the date that closes it.
GLUED_ESSAY_MARKER = Rule(
    "glued-essay-marker",
    rf"(?:(?<=[{SENTENCE_END}”])|(?<=\d日))\s*(?={MARKER_START})",
    f"……的落脚点。第二篇{COLON}学习心得",
    "an essay marker after a sentence's end or a date, on the same line",
)

# A feed's headline led by the place or body it reports from, and a colon:
# 某某县：“三个强化”做好党建工作. The place names a province first, or ends in
# a kind of place or body.
PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
PLACE_HEADLINE = Rule(
    "place-headline",
    rf"^(?P<place>(?:{PROVINCES})[{HAN}]{{0,10}}|[{HAN}]{{2,14}}?(?:省|市|县|区|州|旗|盟|镇|乡|村|街道|社区|"
    rf"大学|学院|学校|中学|医院|公司|集团|局|厅|委|办|部|院|所|站|中心))"
    rf"{C}(?P<headline>[^\s{SENTENCE_END}；;:{COLON}]{{4,36}})$",
    f"甘肃某某县{COLON}“三个强化”做好党建工作",
    "a feed's headline led by the place or the body it reports from",
)
