"""Inside an essay: headings, subtitles, the spaces that break paragraphs, heads glued to their text, a commentary's cited news."""

from __future__ import annotations

import re

from ..chars import (
    CLOSING_QUOTES,
    CN_DIGITS,
    COLON,
    COMMA,
    HAN,
    LPAREN,
    RPAREN,
    SENTENCE_END,
    WIDE_SPACES,
)
from .base import (
    CLOSE,
    DATE_PART,
    DOCUMENT_KINDS,
    NAME,
    OPEN,
    PUBLISHER_KINDS,
    SHORT_DATE,
    C,
    Rule,
)

# --- inside an essay ------------------------------------------------------------

# Headings inside an article, one family per numbering style. The family met
# first in an article becomes the outer level.
HEADING_MARKERS = [
    Rule(
        "cn-numeral-comma",
        rf"^[{CN_DIGITS}]+、",
        "一、党的群众路线的基本内涵及其重大意义",
        "一、 二、",
    ),
    Rule(
        "cn-numeral-paren",
        rf"^[(\uff08][{CN_DIGITS}]+[)\uff09]",
        f"{LPAREN}一{RPAREN}扎实开展学习培训{COMMA}切实提高思想认识",
        "(一) (二)",
    ),
    Rule(
        "ordinal",
        rf"^第[{CN_DIGITS}]+[,\uff0c、]",
        f"第一{COMMA}更深刻了解了群众路线的内涵",
        "第一, 第二,",
    ),
    Rule("arabic-comma", r"^\d{1,2}、", "1、坚持群众路线", "1、 2、"),
    # a decimal (1.5亿元…) is no number of a head, and a line of such items
    # parted by spaces (1.递交入党申请 2.团员推优 …) is a page's step bar
    Rule(
        "arabic-dot",
        rf"^\d{{1,2}}\.(?=[{HAN}“《])\S+$",
        "1.对人和事都有比较正确的认识",
        "1. 2., the head alone on its line, no space in it",
    ),
    Rule(
        "counted-finding",
        rf"^(?:表现|特点|原因|问题|做法|经验|建议|对策|措施)[{CN_DIGITS}]+{C}(?=\S)",
        f"表现一{COLON}能够接受自己的生理变化{COMMA}知道自己已经长大了。",
        "表现一：… 表现二：…: a report's findings counted by kind, each over its paragraph,"
        " the finding stated in a sentence at times",
    ),
    Rule(
        "stem-paren",
        rf"^[(\uff08][甲乙丙丁戊己庚辛壬癸][)\uff09](?=[{HAN}“])",
        f"{LPAREN}甲{RPAREN}封建的社会主义",
        "(甲) (乙) (丙): a book's sub-parts counted by the heavenly stems",
    ),
    Rule(
        "arabic-wide-dot",
        rf"^\d{{1,2}}．(?=[{HAN}“])(?!.*[{SENTENCE_END}]$)",
        "1．反动的社会主义",
        "1． 2．: a book's parts counted with a full-width dot (a point closed by its stop,"
        " 2．征收高额累进税。, is a sentence of the text)",
    ),
    Rule(
        "part-ordinal",
        rf"^第[{CN_DIGITS}]+部分(?:$|[\s{COLON}:、])",
        "第一部分 过去一年的工作回顾",
        "第一部分 第二部分: the parts of a speech or a report",
        needs="部分",
    ),
    Rule("cn-numeral-alone", rf"^[{CN_DIGITS}]+$", "二", "一 二 三, a number alone on its line"),
    Rule(
        "chapter-head",
        rf"^第[{CN_DIGITS}]+章(?=[\u3000 ]*[{HAN}])",
        "第五章党的基层组织",
        "第一章　总　则 第二章党的组织制度: a statute's or a book's chapter heads",
        needs="章",
    ),
    Rule(
        "cn-numeral-space",
        rf"^[{CN_DIGITS}]+[\u3000 ](?=[{HAN}“])",
        "一\u3000三三制政权的实质是民主",
        "一　title: a number, a space, the heading",
    ),
]
# Series that nest, outer over inner: a member of the outer one directly over
# one of the inner heads a section (一、深化改革的重要意义 over （一）适应…的需要).
NESTED_HEADINGS = {("cn-numeral-comma", "cn-numeral-paren")}
# Series one numbering may slip between as it goes, typed by hand (24、两不愁三保障：…
# then 25.六稳：…): the line with the other mark is the next item of the same list.
SLIPPED_NUMBERING = frozenset({"arabic-comma", "arabic-dot"})

# The words of a question or a topic: no space, stop, semicolon or colon.
QUESTION_WORDS = rf"[^\s{SENTENCE_END}；;{COLON}:]"

NUMBERED_QUESTION = Rule(
    "numbered-question",
    rf"^\d{{1,2}}[.．]{QUESTION_WORDS}{{4,60}}[？?](?:{QUESTION_WORDS}{{2,30}}[？?])?$",
    "7.新民主主义革命三大法宝？及其关系？",
    "a review sheet's numbered question alone on its line (two asked in one at times): the"
    " head its answer stands under",
)
NUMBERED_LABEL = Rule(
    "numbered-label",
    rf"^\d{{1,2}}[.．]{QUESTION_WORDS}{{4,60}}{C}(?:{OPEN}[^\s(){LPAREN}{RPAREN}]{{1,8}}{CLOSE})?$",
    f"29.习近平经济思想的主要内容{COLON}{LPAREN}七个坚持{RPAREN}",
    "a numbered topic closed by a colon alone on its line (its count in brackets at times),"
    " longer than a box's label: on a sheet of questions, the head of the answer under it (a"
    " contents list's entry, 11.国内联播快讯：, elsewhere)",
)
QUESTIONS_MIN = 3  # numbered questions alone on their lines that make a text a sheet of them
# On such a sheet, a numbered question or topic with its answer run on after
# it on its line (5.…是什么？政治纲领：…, 43.…的历史使命：统揽…): the head, cut
# at its question mark (the last of two asked in one) or its colon.
QUESTION_RUN_IN = Rule(
    "numbered-question-run-in",
    rf"^(?P<head>\d{{1,2}}[.．]{QUESTION_WORDS}{{4,60}}"
    rf"(?:[？?](?:{QUESTION_WORDS}{{2,30}}[？?])?|{C}))\s*(?P<rest>\S.*)$",
    f"9.怎么理解党在过渡时期的总路线？主要内容{COLON}概括为“一化三改”。",
    "a numbered question or topic with its answer after it on its line, on a sheet of them",
)

# A line opened by an Arabic number and a dot before its words (7.新民主主义…,
# 2.会议地点：…): a numbered point or question of its own, never the rest of
# the clause above it (…社会主义工业化； / 7.…); a decimal (50.2%) opens none.
NUMBERED_START = Rule(
    "numbered-point-start",
    rf"^\d{{1,3}}[.．](?=[{HAN}“《])",
    "7.新民主主义革命三大法宝？及其关系？",
    "a line opened by its point's number and a dot: a line of its own",
)
# An item defining a quoted term (“三改”即…, “四个意识”是指…), as a label
# opens its item: a line of its own after a clause closed by ；.
DEFINED_TERM = Rule(
    "defined-term-item",
    r"^“[^”]{1,8}”(?:即|是指|指|就是)",
    "“三改”即对个体农业、手工业、资本主义工商业的社会主义改造",
    "an item that defines a quoted term, never the rest of the clause above it",
    needs="”",
)
# A line opened by the particle 的 (的活的灵魂…; not 的确, 的士): no sentence
# opens so, so the line above, ending in a word, was cut inside its sentence.
PARTICLE_START = Rule(
    "particle-opens-line",
    r"^的(?![确士])",
    "的活的灵魂，三个方面，即实事求是，群众路线，独立自主。",
    "a line opened by 的: the rest of the sentence a wrap cut, in any text",
    needs="的",
)
# Labels set apart on their own line, over what they introduce: headings
# that belong to no numbered series.
LABEL_HEADINGS = [
    Rule(
        "notes-label",
        rf"^(?:注\s*释|注\s*解|附\s*注|备\s*注|(?:注|附|说明|附录|附件){C})$",
        "注\u3000\u3000释",
        "the label over an article's notes or appendix (spread with spaces at times)",
    ),
    Rule(
        "book-section-label",
        rf"^(?:内容简介|内容提要|作者简介|精彩书摘|书摘|读后感言|读后感|读书心得|编者按){C}?$",
        "精彩书摘",
        "the label of a part of a reading report: the book's summary, its excerpts, the reflection",
    ),
    NUMBERED_QUESTION,
    Rule(
        "box-label",
        rf"^[^\s{SENTENCE_END}{COMMA}、；;:{COLON}]{{4,20}}{C}$",
        f"代表委员小资料{COLON}",
        "a box's label ending in a colon (小资料：, 下面是部分同志的感想：)",
    ),
]
# A point the text counts with an ordinal and a comma, one sentence closed by
# its stop, no space in it (第一，中国特色社会主义制度…具有深厚的历史底蕴。): a
# sentence of the text, not a heading; a phrase with no stop (第一，更深刻了解了…)
# heads, and so does one a space parts from its paragraph.
ORDINAL_POINT = Rule(
    "ordinal-point",
    rf"^第[{CN_DIGITS}]+[,{COMMA}、][^{SENTENCE_END}\s]+[{SENTENCE_END}]$",
    f"第一{COMMA}中国特色社会主义制度和国家治理体系具有深厚的历史底蕴。",
    "a counted point that is one sentence: text",
    needs="第",
)

# A line opened by a statute's article number (第二条中国共产党党员是…。,
# 第三条　党员必须履行下列义务：) is the text of that article, one sentence or
# the lead-in to its items: never a title, a label or a heading. A number
# with a colon or a comma after it (第一条：…) or no sentence (第一条体会) is
# another text's point.
STATUTE_ARTICLE = Rule(
    "statute-article",
    rf"^第[{CN_DIGITS}]+条(?![{COLON}:{COMMA},、])[\u3000 ]*[{HAN}“《].*[{SENTENCE_END}{COLON}:；;]$",
    "第二条中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。",
    "a statute's article: its number run in to its first sentence",
    needs="条",
)

# What a label is not: a greeting (同志们：, a notice's 各…：, a reply's addressees, 回信…党员：)
# or a sentence whose colon leads into its own end (具体运用是：, 主要有：).
NOT_A_LABEL = Rule(
    "lead-in",
    rf"(?:^(?:尊敬|亲爱)的|^各\S{{1,20}}{C}$|^(?:回信|复信)\S{{4,30}}{C}$|(?:们|同志|朋友|领导|老师|同学|来宾|代表|先生|女士|"
    rf"是|为|有|如下|包括|即|指出|认为|表示|说|道){C}$)",
    f"指导与监督政策的具体运用是{COLON}",
    "a greeting (or a notice's addressees, 各乡镇中心学校：) or a lead-in ending in a colon, which heads nothing",
)

# A feature's section head alone on its line between two paragraphs, a
# phrase (of clauses, at times, or a quotation) with no stop: where the text
# sets two or more so, each heads a section (守在山沟沟里，他们是一群不穿军装的军人).
# A colon in it makes it a lead-in, a label or a place's headline (某县：…).
# Up to 48 characters: a commentary's head of two clauses runs to 41.
LONE_HEAD = Rule(
    "lone-section-head",
    rf"^[^{SENTENCE_END}；;{COLON}:]{{3,47}}[^{SENTENCE_END}；;{COLON}:{COMMA},、]$",
    f"以学为先{COMMA}牢筑信仰之魂",
    "a phrase alone between paragraphs, no stop in it: a section's head, where the text's habit",
)
LONE_HEADS_MIN = 2  # such lines in an essay that make it its habit
# Short lines without stops opening a text, this many or more in a row before
# its first sentence: the captions of its photographs (共建交流 / 会议现场 /
# 合影留念), kept as its text; the first of them titles no piece.
CAPTIONS_MIN = 3

# Hyphens a writer typed before a label alone on its line, as a draft's
# list mark (---开头段：): no word of the label, which heads its section
# without them (reported), however short. Before a sentence
# (---中国式现代化意味着…。) they stay, run in with it.
LABEL_LEADER = Rule(
    "label-dash-leader",
    rf"^(?P<leader>-{{2,}})\s*(?P<label>[^\s{SENTENCE_END}{COMMA}、；;:{COLON}-]{{2,20}}{C})$",
    f"---开头段{COLON}",
    "hyphens typed before a label alone on its line: the label is the heading",
    needs="--",
)

# In a Markdown page that sets boxes in HTML, a line alone in a heading
# element (<h3>学习要点</h3>) or in a box whose class names it a label
# (<div class="context-label">时代背景</div>): the writer's heading, the top
# one (<h1>) under the title its subtitle. The smallest (<h5>, <h6>) label a
# card's item, no section.
HTML_HEADING = Rule(
    "html-heading",
    r"^<(?P<tag>h[1-4]|div|p|span)(?:\s+class=\"(?P<cls>[^\"<>]*)\")?>(?P<text>[^<>]{1,40})</(?P=tag)>$",
    "<h4>核心认识</h4>",
    "a line set alone in an HTML heading or label element of a Markdown page: its heading",
    needs="</",
)
HTML_LABEL_CLASS = re.compile(r"label|title|heading")  # a box's class that names it a label

# A line naming a speaker and a title: "田局——群众路线是我们党的生命线".
SUBTITLE = Rule(
    "name-dash-title",
    rf"^{NAME}——[^,\uff0c。]+$",
    "田局——群众路线是我们党的生命线",
    "speaker——title under an essay marker",
)
# A subtitle opened by a dash, under the title.
DASH_SUBTITLE = Rule(
    "dash-subtitle",
    rf"^——\s*(?P<subtitle>[^。{SENTENCE_END}]{{2,60}})$",
    "——广大青年认真学习贯彻党的二十大精神",
    "——subtitle under the title",
)

# Who said the quotation above, on a line of its own after a dash (a report's
# chapter opens with a leader's words, then ——习近平): part of the quotation,
# never a heading; a deck under a title is a DASH_SUBTITLE.
QUOTE_SPEAKER = Rule(
    "quote-speaker",
    rf"^——\s*[{HAN}]{{2,4}}$",
    "——习近平",
    "the speaker of the quotation above, after a dash on a line of its own",
    needs="——",
)

# Spaces that stand for a lost paragraph break: one after a sentence's end, or
# a run of two full-width or en spaces (a paragraph's indent) anywhere.
PARAGRAPH_BREAK_SPACE = re.compile(
    rf"(?<=[{SENTENCE_END}])([{CLOSING_QUOTES}]*)[ \u00a0{WIDE_SPACES}]+(?=\S)|()[{WIDE_SPACES}]{{2,}}(?=\S)"
)
# In a text that separates its paragraphs by no-break spaces, a run of them
# (not after a comma: there a line break fell inside a sentence).
NBSP_BREAK = re.compile(f"(?<=[^\\s{COMMA}、{COLON}；,;:])()()\u00a0[ \u00a0]*(?=\\S)")
# A headline in two parts joined by one no-break space, at a line's start
# (中共十九届四中全会在京举行 习近平作重要讲话): one title, never two paragraphs,
# where the part after it is title-like too (up to the next break).
HEADLINE_PARTS = Rule(
    "headline-in-two-parts",
    rf"^(?P<first>[^\s{SENTENCE_END}{COMMA}、；]{{4,40}})\u00a0(?=[^\s{SENTENCE_END}{COMMA}])",
    "某某全会在京举行中央政治局主持会议\u00a0某某作重要讲话",
    "a headline's main line and second line joined by one no-break space: one title",
    needs="\u00a0",
)
# A reporter's byline spaced apart (■ 首席记者 张科勇 with no-break spaces),
# whose spaces break nothing: it is one byline, not three paragraphs. A
# pattern's source, compiled where first used: few lines are tried with it.
SPACED_BYLINE = (
    rf"(?:■[ \u00a0{WIDE_SPACES}]*)?(?:首席记者|本报记者|记者|通讯员)[ \u00a0{WIDE_SPACES}]+[{HAN}]{{2,3}}"
    rf"(?=[ \u00a0{WIDE_SPACES}]|$)"
)
# A photo's caption and its photographer's credit after a space
# (“好十连”官兵在执行任务中。 谷永敏摄): one line of text, the space no
# paragraph break.
PHOTOGRAPHER_CREDIT = Rule(
    "photographer-after-caption",
    rf"(?<=[{SENTENCE_END}”])[ \u00a0{WIDE_SPACES}]+(?P<credit>[{HAN}]{{2,4}}摄)$",
    "官兵在执行任务中。 张三摄",
    "a caption's photographer after a space: the caption's last words, not a paragraph",
    needs="摄",
)
# A photo's caption glued inside one-line prose (a CSV record's text): after a
# sentence's end, a date (a range at times, 3日至4日) and the event, up to its
# photographer's credit glued to the next sentence (…讲话。 新华社记者 鞠鹏/摄党的…).
# The photo was not copied: the caption and its credit are debris.
GLUED_CAPTION = Rule(
    "glued-caption",
    rf"(?<=[{SENTENCE_END}”])\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:至\d{{1,2}}日)?[{COMMA}，]"
    rf"[^ \u00a0{WIDE_SPACES}]{{4,200}}?[{SENTENCE_END}][ \u00a0{WIDE_SPACES}]+"
    rf"(?:新华社|中新社|本报)?记者[ \u00a0]?[{HAN}]{{2,4}}[/／]?摄(?=[{HAN}“])",
    f"…就出现挫折。2018年7月3日至4日{COMMA}全国组织工作会议在北京召开。 新华社记者 鞠鹏/摄党的十八大以来",
    "a photo's dated caption and its photographer's credit glued inside the prose, between"
    " two of its sentences",
    needs="摄",
)
# A bracket opened near a line's end and not closed on it (a credit,
# `**南开新闻网讯** （记者 蓝芳 摄影`), the next line closing it (`宗琪琪）在…`):
# one line cut inside the bracket (by a blank line at times), joined again.
BRACKET_REACH = 31  # characters from a line's end: the open bracket and what follows it
OPEN_BRACKET_CUT = Rule(
    "joined-open-bracket",
    rf"{OPEN}[^(){LPAREN}{RPAREN}]{{1,{BRACKET_REACH - 1}}}$",
    "**南开新闻网讯** （记者 蓝芳 摄影",
    "a line ending inside a bracket it opened, the next line closing it",
)
BRACKET_CLOSED = re.compile(rf"^[^(){LPAREN}{RPAREN}]{{1,{BRACKET_REACH - 1}}}{CLOSE}")  # the close
# A photo's caption left alone between a report's paragraphs once the photo
# is gone: a short phrase naming the scene or what the pictured person does
# (培训会现场, 党委组织部副部长某某讲话, 与会人员合影): the page's text, never a
# heading nor a piece's title. A speech's title (在…上的讲话) and a topic
# (学习重要讲话) are none.
CAPTION_LINE = Rule(
    "caption-line",
    rf"^[^{SENTENCE_END}{COMMA}{COLON}:；;、]{{1,24}}(?<![的要])"
    r"(?:现场|讲话|致辞|发言|合影|合影留念|留念|颁奖|授牌|揭牌|签约|宣誓)$",
    "党委组织部副部长某某某讲话",
    "a photo's caption alone between paragraphs: a line of the text",
)
# The spaced label of an imprint (出　　版：) or a label spaced alone on its
# line (注　　释), whose wide spaces break nothing.
SPACED_LABEL = re.compile(rf"^[{HAN}][{WIDE_SPACES}]+[{HAN}]{{1,2}}(?:{C}|$)")

PUBLISHER = "|".join(PUBLISHER_KINDS)  # the last word of a source's name
# The publishers of one character (网, 报, 社, 台, 刊): the end of each further
# outlet a source's name joins to it by a dash (人民网－人民日报).
SHORT_PUBLISHER = "|".join(k for k in PUBLISHER_KINDS if len(k) == 1)

# The kinds of address a speech's subtitle names (——在…会议上的讲话).
SPEECH_KINDS = "讲话|致辞|演讲|报告|发言|贺词"
# Where a head line glues title, subtitle, date and speaker, the cuts.
HEAD_CUT = Rule(
    "split-head-line",
    rf"\s+(?=——)|(?<=[{HAN}])(?=——在[^{SENTENCE_END}]{{4,60}}?(?:{SPEECH_KINDS}))"
    rf"|\s*(?={OPEN}(?:{DATE_PART})(?:{COMMA}[{HAN}]{{2,3}})?{CLOSE})"
    rf"|(?<=日{CLOSE})\s*|(?<=日{COMMA}[{HAN}]{{2}}{CLOSE})\s*|(?<=日{COMMA}[{HAN}]{{3}}{CLOSE})\s*"
    rf"|(?<=[{HAN}])(?=※[{HAN}])",
    f"决胜全面建成小康社会 ——在党代会上的报告 {LPAREN}2017年10月18日{RPAREN} 习近平",
    "a head line glues title, ——subtitle, (date, with the place at times) and speaker: cut"
    " before each; a speech's subtitle (——在…上的讲话) is cut though no space parts it, and"
    " so is the note mark after a title (…坚强有力※习近平…), which stays with the text",
)
# A line of an essay's head with no dash or bracket has no cut (a note mark
# alone cuts the text's first line only).
HEAD_CUT_MARKS = f"—(){LPAREN}{RPAREN}"
# A time word glossed by its day in brackets (本台今天（3月1日）播发…, 下次谈判
# 将于明天（3月2日）举行): a sentence's time phrase, never a head line's date,
# so no cut after it.
GLOSSED_DAY = Rule(
    "glossed-time-word",
    rf"(?:今天|明天|昨天|今日|明日|昨日|当天|当日|同日|次日){OPEN}{SHORT_DATE}{CLOSE}$",
    f"国家统计局今天{LPAREN}3月1日{RPAREN}",
    "a time word with its day in brackets, ending the words before a cut: one sentence, no cut",
    needs="日",
)
# A title glued to its source line: 习近平在浙江考察调研来源：共产党员网…
GLUED_SOURCE = Rule(
    "split-glued-source",
    rf"(?<=[^\s{SENTENCE_END}{COMMA}])来源{C}(?=[^\s{COMMA}。]{{1,12}}?(?:{PUBLISHER}))",
    f"习近平在浙江考察调研来源{COLON}共产党员网习近平总书记29日在浙江考察调研。",
    "a source label glued after a title (which may follow the last article's last sentence)",
    needs="来源",
)
# A series label a study material opens with, glued to the title after it.
SERIES_LABEL = re.compile(rf"^[^\s{COMMA}。]{{2,30}}?(?:学习|推荐|参考|辅导)(?:材料|资料)")
HEADLINE_MAX = 100  # a news headline of several clauses, glued to its source line
# A document's title with its note of adoption in brackets, glued to its text
# (…全体会议公报（2019年10月31日…全体会议通过）中国共产党…): a heading, the
# note under it, then the text.
DOCUMENT_TITLE = Rule(
    "document-title-glued",
    rf"^(?P<head>[^{SENTENCE_END}{COMMA}、；（(]{{6,60}}?(?:{DOCUMENT_KINDS}))"
    rf"(?P<note>{OPEN}[^()（）]{{4,80}}?(?:通过|发布|印发|公布|批准){CLOSE})(?P<rest>\S.*)?$",
    f"某某委员会第二次全体会议决议{LPAREN}2020年5月8日某某委员会第二次全体会议通过{RPAREN}会议听取了…",
    "a document's title and its note of adoption glued to its text: a heading over the text",
)
# A study series' label glued after the title it heads, numbered
# (…伟大复兴习近平新时代中国特色社会主义思想学习纲要（21）): the label names its
# book by words the text uses again, then the kind of book and the part.
SERIES_LABEL_AFTER = Rule(
    "series-label-after-title",
    rf"(?:学习|辅导)(?:纲要|读本|问答|材料|资料){OPEN}[\d{CN_DIGITS}]{{1,4}}{CLOSE}$",
    f"以新发展理念引领高质量发展某某重要论述学习纲要{LPAREN}3{RPAREN}",
    "a numbered study series' label glued after the title: cut where its book's name begins",
)
LABEL_NAME_MIN = 4  # characters of the book's name a series label repeats
# A news report whose headline and deck lost every break before its lead
# (…热潮不断增强…的高度自觉王浩主持 葛慧君出席17日下午，…): the lead opens
# with its time, and the deck just before it says who presided and attended.
TIME_LEAD = r"(?:(?<![\d年月])\d{1,2}日|昨天|昨日|今天|今日|近日|日前)(?:上午|下午|晚上|早上|晚)?"
DECK_VERBS = r"(?:主持并讲话|主持|出席|讲话|参加)"
GLUED_DECK = Rule(
    "headline-deck-glued-to-lead",
    rf"^(?P<head>[^{SENTENCE_END}{COMMA},、；;：:]{{12,{HEADLINE_MAX}}}?{DECK_VERBS})"
    rf"(?={TIME_LEAD}[{COMMA},])",
    "某某在全市工作会议上强调以改革创新推动高质量发展张三主持 李四出席18日上午，全市工作会议召开。",
    "a report's headline and its deck (X主持 Y出席) glued to the lead, which opens with its time",
)
DECK_NAME_END = re.compile(rf"{DECK_VERBS}[ \u3000]*$")  # a deck's last unit: names, then the verb
# A headline of a lead-in (某某在…会上强调), its main line and a sub-head
# opening with an adverb of going on (不断增强…, 进一步…): the lead-in and the
# main line are the title; the sub-head is cut where it opens.
SUBHEAD_AFTER_MAIN = Rule(
    "sub-head-after-main-line",
    r"(?:强调|指出|要求)[ \u3000]*[^ \u3000]{6,}?(?P<subhead>(?:不断|进一步|持续|奋力|全力|切实|扎实|着力)\S{4,})$",
    "某某在全市工作会议上强调以改革创新推动高质量发展不断增强发展的内生动力",
    "a glued headline's sub-head, opened by an adverb after the main line",
)
# Sources end in a kind of publisher; the name is cut there when text follows.
SOURCE_NAME = re.compile(
    rf"^[^\s，。：:]{{1,12}}?(?:{PUBLISHER})"
    rf"(?:[－\-—·][^\s，。：:]{{1,12}}?(?:{SHORT_PUBLISHER}))*"
)

# Headings glued into the prose (…几点。一、关于保持经济平稳运行目前看，…): a
# heading ends where the next sentence's first words begin, a time (29日下午),
# an opening word (目前, 当前) or the heading's own words taken up again.
GLUED_HEADING = Rule(
    "glued-heading",
    rf"[{SENTENCE_END}”](?=(?:[{CN_DIGITS}]+、)?[^{SENTENCE_END}{COMMA}、；]{{12,}})",
    "这次来调研也是听听大家的意见。习近平：既要保证生产任务还要保证身体健康29日下午，",
    "a sentence's end, then words up to the next comma too many for a sentence's start",
)
CLAUSE_OPENER = re.compile(
    r"(?<![\d年月])\d{1,2}日(?:上午|下午|晚上|早上|晚)?|当前|目前|现在|近年来|今年以来|下面|同时|此外"
)
GLUED_HEADING_SERIES = 3  # unnumbered glued heads, alike in their first words, that make a series

# A commentary opens with the news it comments on, cited after it as
# （4月6日新华网）; the news lead opens with a time word.
NEWS_CITATION = Rule(
    "news-citation",
    rf"{OPEN}{SHORT_DATE}[{HAN}]{{1,8}}(?:网|报|社|台){CLOSE}",
    f"…落实到每个支部、每名党员。{LPAREN}4月6日新华网{RPAREN}",
    "a news item cited by its date and outlet, the lead of a commentary",
    needs="月",
)
NEWS_LEAD = re.compile(rf"(?:近日|日前|昨天|昨日|今天|今日|本月|{SHORT_DATE})[{COMMA}，]")
NEWS_LEAD_REACH = 5  # sentences between a lead's first words and its citation

# In a Markdown text, a line set wholly in bold (`**传承信仰力量，绘就青春底色**`):
# after a paragraph's last sentence it heads a section; opening the text, or
# under another such line, it is a display line of the opening stanza (a
# WeChat post's `**习近平总书记强调**` / `**用好红色资源**` …), a paragraph.
# Read without its marks either way (a repair, reported).
MARKDOWN_EMPHASIS = Rule(
    "emphasis-heading",
    r"^(?P<mark>\*\*|__)(?P<text>[^*_\s](?:.*[^*_\s])?)(?P=mark)$",
    "**传承信仰力量，绘就青春底色**",
    "a line set wholly in bold: a section's heading after a paragraph, a display line before any",
)

# In Markdown, a list's item, bulleted or numbered (1. 团队命名：…): a paragraph
# of the list, whatever it holds (a heading's marker, a dash), never a title,
# a heading or a subtitle, and a line of its own.
MARKDOWN_LIST_ITEM = Rule(
    "markdown-list-item",
    r"^(?:[-*+]|\d{1,3}\.)\s+\S",
    "- 一、农民问题的严重性",
    "an item of a Markdown list: the list's text",
)

# An item numbered with a circled figure (①…⑳), a list's item whatever it
# holds (④是推进伟大事业的根本保证): never an article's title.
CIRCLED_ITEM = Rule(
    "circled-item",
    r"^[\u2460-\u2473]",
    "④是推进伟大事业的根本保证",
    "an item of a list numbered ① ② ③: the list's text, no title",
)
