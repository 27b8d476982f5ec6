"""Bylines, attributions, sources, signatures, and the names in them."""

from __future__ import annotations

import re

from ..chars import (
    COLON,
    COMMA,
    HAN,
    LPAREN,
    RPAREN,
    SENTENCE_END,
)
from .base import CLOSE, DATE_PART, NAME, OPEN, SHORT_DATE, C, Rule
from .body import SOURCE_NAME
from .debris import STAFF_MARK, STAFF_ROLES
from .head import DATELINE, DATELINE_BAR, PLATFORM_POSTING, PROVINCES

# --- bylines, attributions, sources -----------------------------------------------

# The groups a byline rule may fill: `name`, `role`, `unit` (one author),
# `reporters` (names of 记者, 、-separated), `agency` (the source, role 来源),
# `writer` (a writer named by their title alone, role 作者),
# `date`; `byline` is the byline's own text (the whole match when absent),
# `before`/`rest` text glued before/after it, `title` an article title before it.
OFFICE = (
    r"(?:党委|党组)?副?(?:书记|校长|院长|市长|省长|县长|区长|局长|部长|主任|主席|董事长|"
    r"总经理|厂长|所长|处长|行长|社长|总编辑)"
)
UNIT_END = (
    r"(?:省委|市委|州委|县委|区委|党委|党组|政府|委员会|大学|学院|学校|中学|公司|集团|局|厅|部)"
)
# A working group's leader introducing what they wrote: 高铁二队党总支书记邓艳：
LEADER = (
    rf"(?P<unit>[{HAN}]{{2,10}}?(?:队|车间|站|段|所|科|室|班|组|中心|{UNIT_END}))?"
    r"(?P<role>(?:党总支|党支部|党委|党组|团委|工会)?副?(?:书记|队长|车间主任|主任|站长|经理|"
    r"部长|局长|处长|科长|所长|校长|院长|主席|厂长|组长|班长))"
    rf"(?P<name>[{HAN}]{{2,3}}){C}"
)
AGENCY = rf"新华社|中新社|中国新闻社|人民网|央视网|央广网|[{HAN}]{{2,4}}日报"
SOURCE_PUBLISHER = SOURCE_NAME.pattern.removeprefix("^")
# The offices a statement's speaker is introduced by (党总支书记  邓  艳).
SPEAKER_OFFICE = (
    rf"[{HAN}]{{0,6}}?(?:书记|队长|车长|班长|组长|科长|站长|主任|委员|干事|经理|部长|局长|处长|"
    r"所长|校长|院长|主席|厂长|代表)"
)
# A name as a list of speakers sets it: two or three characters, often spread
# with spaces to one width (邓  艳), a colon after it at times (王双成：).
SPACED_NAME = rf"[{HAN}](?:[ \u3000]{{1,3}}[{HAN}]){{1,2}}"
# A reporter's title before their name in a newspaper's byline (■ 首席记者 张三).
REPORTER_ROLE = r"(?:本报|特约|首席)?记者|通讯员|特约撰稿人"
# One writer's name in a byline that parts its names by spaces: two or three
# characters, a two-character name spread to three characters' width (邵 敏).
SPREAD_NAME = rf"(?:[{HAN}]\s[{HAN}]|[{HAN}]{{2,3}})(?=\s|$)"
# A national paper's byline line under the headline: its reporters' title,
# then their names parted by spaces, a two-character name spread to three
# characters' width (本报记者 王乐文 方 敏): each a reporter, as written.
REPORTERS_SPREAD = Rule(
    "reporters-spread",
    rf"^(?:本报|特约)?(?P<role>记者)\s+(?P<writers>{SPREAD_NAME}(?:\s+{SPREAD_NAME}){{0,5}})$",
    "本报记者 王乐文 方 敏",
    "the reporters' title and their names parted by spaces, one a line under the headline",
    needs="记者",
)
# A writer's label before their names, and the colon or slash after it (作者：, 文/).
WRITER_LABEL = r"作者|文字|撰文|执笔|文|撰稿"
WRITER_MARK = r"\s*[:\uff1a/\uff0f]\s*"
# What stands between the names of one byline: 张三、李四 / 张三，李四 / 张三 李四 / 张三/李四.
NAME_SEPARATORS = re.compile(r"[、，,/\s]+")
# The reporter's work named after their name inside a dateline's credit
# (（记者陈智 整合）): what they did, no second name.
REPORTER_WORK = r"(?:\s*(?:整合|整理|综合整理|编译|报道))?"
# The photographer credited inside a story's credit after its reporters
# (（记者 蓝芳 摄影 宗琪琪）): the pictures', which the handbook drops, not the text's.
STAFF_IN_CREDIT = rf"\s*(?:摄影|摄像|图片){C}?\s*{NAME}(?:[、\s]+{NAME})*(?=\s*{CLOSE})"

BYLINES = [
    Rule(
        "lecture",
        rf"^(?P<name>{NAME}?)(?P<role>授课|讲课|主讲|讲话|发言)$",
        "田局授课",
        "a lecturer's name followed by 授课",
    ),
    Rule(
        "excerpt-from-speech",
        rf"^(?P<byline>——\s*摘自(?P<name>{NAME}?)(?:同志)?在\S*?上的(?P<role>发言|讲话|报告))(?:\s+(?P<rest>.+))?$",
        "——摘自贺同新同志在集团党组理论中心组群众路线教育实践活动专题学习会议上的发言 总书记在…",
        "——摘自X同志在…上的发言, possibly glued to the first sentence",
        needs="摘自",
    ),
    # before written-by-tail, which would read 文/图 as 文 and the names after
    # it, 图 with them, as one name
    Rule(
        "writers-tail",
        rf"(?P<byline>{OPEN}(?P<role>文/图|图/文|文|作者)(?:\s*[/\uff0f:\uff1a]\s*|\s+)"
        rf"(?P<reporters>[{HAN}]{{2,3}}(?:[ \u3000、]+[{HAN}]{{2,3}})+)\s*{CLOSE})\s*$",
        f"……更好地满足人民日益增长的美好生活需要。{LPAREN}文/图 刘玺东 易赛楠{RPAREN}",
        "the writers' credit in brackets closing a text, their names parted by spaces, the"
        " label (文/图: they wrote it and took its pictures) their role",
        needs=RPAREN,  # the reader widened the bracket beside Chinese
    ),
    Rule(
        "written-by-tail",
        r"(?P<byline>[(\uff08](?P<role>文|作者)\s*[/\uff0f:\uff1a]\s*(?P<name>[^()\uff08\uff09]{1,20}?)"
        r"(?:\s+(?P<unit>[^()\uff08\uff09\s]{4,30}))?[)\uff09])\s*$",
        f"……新铜梁。{LPAREN}文/闻琼  区委宣传部{RPAREN}",
        "(文/X) closing an article, the writer's unit after a space",
    ),
    Rule(
        "supplied-by-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>{OPEN}(?P<name>[^()（）\s]{{2,30}}?)\s*(?P<role>供稿|供图|来稿|报送){CLOSE})\s*$",
        f"……提供坚强保障。{LPAREN}某某公司党建云平台供稿{RPAREN}",
        "(X供稿) glued to the last sentence: who supplied the article",
    ),
    Rule(
        "supplied-by-line",
        rf"^(?P<byline>(?P<reporters>[{HAN}]{{2,15}}(?:、[{HAN}]{{2,15}})*?)(?P<role>供稿|供图|来稿))"
        rf"(?P<staff>(?:[ \u00a0]+(?:{STAFF_ROLES}){STAFF_MARK}\s*{NAME})*)\s*$",
        "医技药剂党支部、药剂科供稿\u00a0 摄影/张艳\u00a0 编辑/苏芳",
        "the closing credit alone on its line: the bodies that supplied the text (X、Y供稿),"
        " the staff credited after them (摄影/…, 编辑/…) the page's, not the text's",
        needs="供",
    ),
    Rule(
        "reporter-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>{OPEN}(?P<role>记者|通讯员|本报记者)\s*"
        rf"(?P<reporters>{NAME}(?:[、\s]+{NAME})*){CLOSE})\s*$",
        f"……推动落实。{LPAREN}记者 王比学{RPAREN}",
        "the reporter's signature in brackets, glued to the report's last sentence",
        needs="记者",
    ),
    # A paper's commentator (某某日报评论员, 本报特约评论员) is the article's
    # writer, named by the title alone: its author, as the headline's lead
    # names it on a portal (经济日报评论员：…).
    Rule(
        "commentator-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>{OPEN}(?P<writer>[{HAN}]{{2,8}}?(?:特约)?评论员)"
        rf"{CLOSE})\s*$",
        f"……让绿色发展的底色更亮、成色更足。{LPAREN}某某日报评论员{RPAREN}",
        "a paper's commentator signing its commentary in brackets after the last sentence",
        needs="评论员",
    ),
    # A photo story's one paragraph, its caption, closed by its photographer's
    # credit after the last sentence: the story's reporter (a caption over a
    # report is removed before bylines are read).
    Rule(
        "photographer-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>(?:新华社|中新社)?(?P<role>记者)\s*"
        rf"(?P<reporters>{NAME}(?:[、\s]+{NAME})*)\s*摄)\s*$",
        "……展览将持续至2015年12月31日。新华社记者罗晓光 摄",
        "a photographer's credit glued to a photo story's last sentence: its reporter",
        needs="摄",
    ),
    Rule(
        "unit-note-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>{OPEN}作者单位{C}(?P<unit>[^()（）]{{2,40}}){CLOSE})\s*$",
        f"……取得新成效。{LPAREN}作者单位{COLON}某某大学马克思主义学院{RPAREN}",
        "（作者单位：…） glued to the last sentence: the unit of the article's author",
        needs="作者单位",
    ),
    Rule(
        "credit-tail",
        rf"(?P<byline>{OPEN}(?P<role>供稿|撰稿|来稿|文字|文)\s*[:\uff1a/\uff0f]\s*"
        rf"(?P<unit>[^()（）\s]{{2,30}})\s+(?P<name>{NAME}){CLOSE})\s*$",
        f"{LPAREN}供稿{COLON}某某科党支部 李明{RPAREN}",
        "the credit in brackets closing a text: the unit that supplied it, then the writer",
        needs=RPAREN,  # the reader widened the bracket beside Chinese
    ),
    Rule(
        "writers-spaced",
        rf"^(?P<role>{WRITER_LABEL}|执笔人|撰稿人){WRITER_MARK}"
        rf"(?P<reporters>[{HAN}]{{2,3}}(?:[ \u3000]+[{HAN}]{{2,3}})+)$",
        f"执笔人{COLON}闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺",
        "执笔人：X Y Z: the writers parted by spaces, each with the label as their role"
        " (every one must look like a name: 作者：张三 学生会 is a writer and a unit)",
    ),
    Rule(
        "author-label",
        rf"^(?P<role>{WRITER_LABEL}|供稿){WRITER_MARK}(?P<name>{NAME})(?:\s+(?P<unit>.+))?$",
        f"作者{COLON}张三 某某支部",
        "作者:X, 文/X, 文字：X (a post's writer among its credits), optionally followed by a unit",
    ),
    Rule(
        "posted-by",
        rf"^(?P<role>学校|单位|部门|发布单位|发布部门|供稿单位|来稿单位|投稿单位|发布者|发布人)\s*{C}\s*"
        rf"(?P<name>[^\s{COMMA},。:{COLON}]{{2,30}})$",
        f"学校{COLON} 某某县第三中学",
        "a page's property naming who posted the text (school, unit, department): their byline",
    ),
    Rule(
        "author-list",
        rf"^(?P<role>{WRITER_LABEL}){WRITER_MARK}"
        rf"(?P<reporters>{NAME}(?:[、，,]\s*{NAME})+)$",
        f"作者{COLON}张三、李四",
        "作者：X、Y: two writers or more parted by 、, each with the label as their role",
        needs="、",
    ),
    Rule(
        "author-credit",
        rf"^(?P<role>作者)\s*{C}\s*(?P<name>[^\s{COMMA},。:{COLON}]{{5,16}})$",
        f"作者{COLON}中国经济网",
        "作者:X naming an outlet or a body (longer than a person's name), in the page's credits",
    ),
    Rule(
        "source-label",
        rf"^(?P<role>来源|出处|转载自)于?\s*[:\uff1a]\s*(?P<name>[^\s。][^\s。]{{0,40}})"
        rf"(?:\s+(?:{OPEN}?(?P<date>{DATE_PART}){CLOSE}?(?:{OPEN}(?:节录|摘录|摘编|有删节){CLOSE})?"
        rf"|(?P<imprint>\S.{{0,40}})))?$",
        f"来源{COLON}新华社  {LPAREN}2016年4月26日{RPAREN}{LPAREN}节录{RPAREN}",
        "来源:X (来源于:X), where the text was taken from (its publisher and edition,"
        " or its date, bracketed or not, with a note that it is an excerpt, after a space)",
    ),
    Rule(
        "compiler-credit",
        rf"^(?P<label>整合|整理|综合整理|编辑整理)\s+(?P<unit>[^\s:{COLON}]{{2,20}}?)?"
        rf"(?P<role>{REPORTER_ROLE})\s*(?P<name>{NAME})$",
        "整合 新华日报·交汇点记者 徐睿翔",
        "the credit of who compiled a round-up from others' reports, its label parted by a space"
        " (no colon): the reporter, their paper as the unit",
        needs="整",
    ),
    Rule(
        "material-source",
        rf"^(?P<label>素材来源|稿件来源|新闻来源)(?:\s*{C}\s*|\s+)(?P<agency>[^\s。，{COMMA}]{{2,40}})$",
        "素材来源 江苏13个设区市党报及官方发布",
        "where a compiled text's material came from, its label parted by a space or a colon:"
        " its source",
        needs="来源",
    ),
    Rule(
        "source-glued",
        rf"^(?P<byline>(?P<role>来源){C}\s*(?P<name>{SOURCE_PUBLISHER}))(?P<rest>[{HAN}“].{{20,}})$",
        f"来源{COLON}共产党员网习近平总书记29日在浙江考察调研。当天下午…",
        "来源:X glued to the first sentence; the source's name ends in 网, 报, 社 …",
        needs="来源",
    ),
    Rule(
        "dateline",
        DATELINE.source,
        DATELINE.example,
        "a news page's dateline: the date, and the source as a byline",
    ),
    REPORTERS_SPREAD,
    Rule(
        "dateline-bar",
        DATELINE_BAR.source,
        DATELINE_BAR.example,
        "a news page's dateline with a bar before the source: the date, and the source",
        needs="来源",
    ),
    Rule(
        "platform-posting",
        PLATFORM_POSTING.source,
        PLATFORM_POSTING.example,
        "a platform's posting line: the date, and the posting account as the source",
    ),
    Rule(
        "column-writer",
        rf"^文\s*[丨|｜/]\s*(?P<unit>[{HAN}]{{2,8}}?)(?P<role>特约评论员|评论员|{REPORTER_ROLE})"
        rf"\s*(?P<name>{SPREAD_NAME})$",
        "文丨政能亮特约评论员 韩涵",
        "a column's byline under its label 文丨: the column (the unit), the writer's title"
        " and name",
        needs="文",
    ),
    Rule(
        "title-unit-author",
        # a ■ opens a newspaper's byline, never a title (■王海涛 李娜 张三)
        rf"^(?!■)(?P<title>[^\s,\uff0c。;\uff1b:\uff1a]{{4,40}})\s+"
        rf"(?P<byline>(?P<unit>[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}(?:\s+[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}){{0,3}}?)\s+(?P<name>{NAME}))$",
        "大学生党员如何实施群众路线 会展二支部 会展1102 高子茵",
        "article title, unit and author on one line",
    ),
    Rule(
        "unit-note",
        rf"^(?P<byline>{OPEN}作者单位{C}(?P<unit>[^()（）]{{2,40}}){CLOSE})(?:\s*(?P<rest>\S.*))?$",
        "（作者单位：无锡联勤保障中心） 实践要义在于“老实” ■廖福安",
        "（作者单位：…） closing an article: the unit of its author",
        needs="作者单位",
    ),
    # before square-byline, which would take the first name alone and leave
    # the others as text (■ 王海涛 李娜); a reporter's title is no name
    Rule(
        "square-byline-names",
        rf"^■\s*(?!(?:{REPORTER_ROLE})\s)(?P<writers>{SPREAD_NAME}(?:\s+{SPREAD_NAME}){{1,5}})$",
        "■邵 敏 谷永敏 武元晋",
        "a newspaper's ■ byline naming several writers parted by spaces (a two-character name"
        " spread to three characters' width with a space inside)",
        needs="■",
    ),
    Rule(
        "square-byline",
        rf"^(?:(?P<title>[^■\s][^■]{{1,40}}?)\s*)?(?P<byline>■\s*(?:(?P<role>{REPORTER_ROLE})\s*)?(?P<name>{NAME}))(?:\s+(?P<rest>\S.*))?$",
        "党内应该“打开天窗说亮话” ■刘师苑 “假话全不说、真话不全说”，有人以此为信条。",
        "a newspaper's 标题 ■作者, glued to the article's first words",
        needs="■",
    ),
    Rule(
        "producer-credit",
        rf"(?:^|(?<=[{SENTENCE_END}”]))\s*(?P<byline>{OPEN}(?P<name>[^()（）\s由的]{{2,40}}?"
        rf"(?:媒体|中心|部|社|报|台|网|工作室|团队|频道))(?P<role>出品){CLOSE})\s*$",
        f"{LPAREN}某某日报·某某新闻中心融媒体出品{RPAREN}",
        "the desk that produced a feature, credited in brackets after its text: its source",
        needs="出品",
    ),
    Rule(
        "source-credit-tail",
        rf"(?<=[{SENTENCE_END}”])\s*(?P<byline>{OPEN}(?:来自|转自|摘自|选自)\s*"
        rf"(?P<agency>{SOURCE_PUBLISHER}){CLOSE})\s*$",
        f"……参加座谈会。{LPAREN}来自某某网{RPAREN}",
        "the news site or paper the text was taken from, credited in brackets after its last"
        " sentence: its source",
        needs="自",
    ),
    Rule(
        "signature",
        rf"(?:^|(?<=[{SENTENCE_END}])\s*)(?P<byline>(?P<role>倡议人|申请人|发起人|报告人|承诺人|推荐人)"
        rf"{C}\s*(?P<name>[^\s:{COLON}]{{1,30}}?)\s*(?P<date>{DATE_PART})?)$",
        "共同书写北斗规模应用新篇章！倡议人：北斗规模应用国际峰会专家委员会2024年10月24日",
        "the signature closing a letter or proposal, with its date, glued to the last sentence",
        needs="人：",
    ),
    Rule(
        "office-byline",
        rf"^[·•]?\s*(?P<unit>[^\s{COMMA}。]{{2,12}}?{UNIT_END})?(?P<role>{OFFICE}(?:兼{OFFICE})*)"
        rf"(?P<name>[{HAN}]{{2,3}})(?:\s*{OPEN}(?P<when>[^()（）]*){CLOSE})?$",
        "·株洲市委书记曹慧泉（2024年10 月23 日下午16：30-17：30）",
        "a speaker's unit, office and name (and when the speech was given)",
    ),
    Rule(
        "leader-colon",
        rf"^{LEADER}$",
        f"高铁二队党总支书记邓艳{COLON}",
        "a leader's unit, office and name with a colon, cut from the title glued after it",
        needs=COLON,  # the reader widened the colon after the name
    ),
    Rule(
        "members",
        rf"^(?P<role>成员|组员|小组成员|课题组成员|队员|参与人员|参加人员)\s*{C}\s*"
        rf"(?P<reporters>{NAME}(?:[、，,\s]+{NAME})+)$",
        f"成员{COLON}王某某{COMMA}李某{COMMA}张某某",
        "a group's members, who wrote the text together; the group is named on the line above",
        needs=COLON,  # the reader widened the colon after the label
    ),
    Rule(
        "research-group",
        rf"^(?P<name>[{HAN}]{{2,20}}?(?:{UNIT_END}|中心|研究院|研究所|党校)[{HAN}]{{0,12}}?"
        r"(?:课题组|调研组|调查组|研究组|写作组|编写组))$",
        "北京市妇女儿童工作委员会儿童心理调研课题组",
        "the research or writing group of a body that wrote a report, alone on a line under"
        " its title: its author, named with no role",
    ),
    Rule(
        "post-date",
        r"^(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<field>[^\s\d]{2,10})$",
        "2016-05-01 新华社",
        "a post's meta line: its date, then the field the account fills as it likes (no name)",
        needs="-",
    ),
    Rule(
        "reporter",
        rf"^(?P<role>记者|通讯员|本报记者)\s*{C}?\s*(?P<reporters>{NAME}(?:[、\s]+{NAME})*)$",
        "记者 张莺",
        "记者 X: the reporter",
    ),
    Rule(
        "wire-dateline",
        rf"^(?P<byline>据?(?P<agency>{AGENCY})(?:[{HAN}]{{2,4}}?)?(?P<date>(?:\d{{4}}年)?{SHORT_DATE})?电"
        rf"(?:\s*{OPEN}记者\s*(?P<reporters>[^()（）]{{2,30}}?){REPORTER_WORK}{CLOSE})?)\s*(?P<rest>.*)$",
        "新华社北京3月13日电（记者 李宣良、孙彦新、王经国）中共中央总书记…",
        "a news agency's dateline opening a story: agency, place, date, reporters",
        needs="电",
    ),
    Rule(
        "news-dateline",
        rf"^(?P<byline>(?P<agency>{AGENCY}|[{HAN}]{{2,8}}?(?:网|台))[{HAN}]{{2,4}}?"
        rf"(?P<date>(?:\d{{4}}年)?{SHORT_DATE})消息)\s+(?P<rest>\S.*)$",
        "央广网北京2月13日消息 据中央广播电视总台中国之声《新闻和报纸摘要》报道，…",
        "a broadcaster's or site's dateline opening its item (X北京2月13日消息, 消息 where an"
        " agency writes 电): the outlet, its source",
        needs="消息",
    ),
    Rule(
        "wire-dateline-tail",
        rf"(?<=[{HAN}”。])(?<!据)(?P<byline>(?P<agency>{AGENCY})[{HAN}]{{0,4}}?(?P<date>(?:\d{{4}}年)?{SHORT_DATE})电)$",
        "……使制度更加巩固、优越性充分展现新华社北京10月31日电",
        "a news agency's dateline glued after the text before the story it opens (据…电 cites it)",
        needs="电",
    ),
    Rule(
        "wire-credit",
        rf"^(?P<byline>{OPEN}(?P<agency>{AGENCY})[{HAN}]{{0,4}}?(?P<date>(?:\d{{4}}年)?{SHORT_DATE})电{CLOSE})$",
        f"{LPAREN}新华社北京3月16日电{RPAREN}",
        "a news agency's dateline in brackets alone under a text it carried (a letter, a"
        " speech): the text's source, closing it, no headline of the story below",
        needs="电",
    ),
    Rule(
        "site-dateline",
        rf"^(?P<byline>(?P<agency>[{HAN}]{{2,8}}?(?:网|报|台|社|在线))(?:[{HAN}]{{2,4}}?)?(?P<date>(?:\d{{4}}年)?{SHORT_DATE})讯"
        rf"\s*{OPEN}记者\s*(?P<reporters>[^()（）]{{2,30}}?){REPORTER_WORK}{CLOSE})\s*(?P<rest>.*)$",
        "中国经济网北京3月9日讯（记者 佘惠敏）全国人大代表、北京大学肿瘤医院教授顾晋…",
        "a site's own story opened by its dateline (X讯, no year): the outlet, its source, and the reporters",
        needs="讯",
    ),
    Rule(
        "site-lead",
        rf"^(?P<byline>(?:\*\*)?(?:(?P<agency>[{HAN}]{{2,8}}?(?:网|报|台|社|在线))|本站)讯(?:\*\*)?\s*"
        rf"{OPEN}\s*(?P<role>记者|[{HAN}]{{0,4}}通讯员)\s*(?P<reporters>{NAME}(?:[、\s]+{NAME})*?)"
        rf"(?P<staff>{STAFF_IN_CREDIT})?\s*{CLOSE})\s*(?P<rest>\S.*)$",
        "**南开新闻网讯** （记者 蓝芳 摄影宗琪琪）在全校上下深入开展主题教育之际…",
        "a site's own story opened by its name and 讯 with no place or date (set in bold at"
        " times): the outlet, its source, and the reporters (记者, or correspondents as the"
        " bracket names them: 本站讯（职工通讯员 李琴雯 刘会）, where 本站 names no outlet);"
        " a photographer credited in the bracket (摄影 …) worked on the pictures, not the"
        " text: debris",
        needs="讯",
    ),
    Rule(
        "outlet-news-credit",
        rf"^(?P<byline>(?:\*\*)?(?P<agency>[{HAN}]{{2,8}}?(?:网|报|台|社|在线))消息(?:\*\*)?"
        rf"(?:\s*{OPEN}[{HAN}]{{2,10}}{CLOSE})?\s*{C})\s*(?P<rest>.*)$",
        f"**央视网消息**{LPAREN}新闻联播{RPAREN}{COLON}2022年春季学期中央党校中青年干部培训班3月1日上午开班。",
        "an outlet's credit opening its story (X消息, bold at times, its programme in brackets,"
        " a colon): the outlet is the story's source; alone on its line it credits the round-up"
        " below",
        needs="消息",
    ),
    Rule(
        "paper-lead",
        rf"^(?P<byline>本报讯\s*{OPEN}?\s*(?:本报)?记者\s*(?P<reporters>[{HAN}]{{2,3}}(?:[、\s]+[{HAN}]{{2,3}})*?)"
        rf"\s*(?:报道|{CLOSE})\s*{C}?)\s*(?P<rest>\S.*)$",
        f"本报讯 记者张三报道{COLON}12月8日，集团公司…",
        "a paper's own story opened by 本报讯 and its reporter: the reporter, then the text",
        needs="本报讯",
    ),
    Rule(
        "speaker-office",
        rf"^(?P<role>{SPEAKER_OFFICE})[ \u3000]+(?P<name>{SPACED_NAME}|[{HAN}]{{2,3}})\s*{C}?$",
        "党总支书记  邓  艳",
        "a statement's speaker: office and name, over what they said",
    ),
    # A body's spokesperson over the statement they read at a press conference:
    # the body is their unit, the spokesperson's title their role.
    Rule(
        "spokesperson",
        rf"^(?P<unit>[{HAN}]{{2,16}}?)(?P<role>(?:新闻)?发言人)[ \u3000]+(?P<name>[{HAN}]{{2,3}})\s*{C}?$",
        "中国载人航天工程新闻发言人 武平",
        "a body's spokesperson: the body, the title and the name, over the statement",
        needs="发言人",
    ),
    Rule(
        "speaker-name-spaced",
        rf"^(?P<name>{SPACED_NAME})\s*{C}?$",
        "王  凯",
        "a speaker's name spread with spaces, alone over what they said",
    ),
    Rule(
        "report-dateline",
        rf"^(?P<byline>(?P<agency>[{HAN}]{{2,6}}?)报道\s*{OPEN}记者\s*(?P<reporters>[^()（）]{{2,30}}){CLOSE})"
        rf"{C}?\s*(?P<rest>.*)$",
        "国际在线报道(记者 杨磊)：2016年两会上，…",
        "X报道(记者 Y): a story's source and reporter",
        needs="报道",
    ),
    Rule(
        "attribution",
        rf"^(?P<name>[{HAN}]{{2,4}}?)(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:至\d{{1,2}}日)?)"
        rf"(?:在|致|同|给|为|出席|主持|考察|视察|会见|参加|看望)[^。]{{2,80}}$",
        "习近平2021年3月5日在参加十三届全国人大四次会议内蒙古代表团审议时的讲话",
        "an excerpt's attribution: speaker, date and occasion",
        needs="年",
    ),
    Rule(
        "attribution-wire",
        rf"^(?P<name>[{HAN}]{{2,4}}?)(?:对|在|关于)[^。]{{2,60}}?(?:指示|批示|讲话|贺信|回信)[{COMMA},]\s*"
        rf"据(?P<agency>{AGENCY})[{HAN}]{{0,4}}?(?P<date>\d{{4}}年{SHORT_DATE})电$",
        "习近平对职业教育工作作出的重要指示，据新华社北京2021年4月13日电",
        "an excerpt's attribution citing the agency that reported it",
        needs="据",
    ),
    Rule(
        "original-title",
        rf"^原标题{C}\s*(?P<title>\S.{{1,80}})$",
        "原标题：习近平：全面实施创新驱动发展战略 推动国防和军队建设实现新跨越",
        "原标题：…, a reposted story's title given after it",
        needs="原标题",
    ),
]

# A leader's byline glued before the title they wrote: 高铁二队党总支书记邓艳：我读《活着》
BYLINE_BEFORE_TITLE = Rule(
    "split-byline-before-title",
    rf"^(?P<byline>{LEADER})(?P<title>[^\s{COLON}:].{{1,40}})$",
    f"高铁二队党总支书记邓艳{COLON}我读《活着》",
    "a byline glued before a title: cut after its colon",
)

# Bylines that only a short piece can be (the others may have text glued on).
SHORT_BYLINES = {
    "lecture",
    "author-label",
    "source-label",
    "dateline",
    "title-unit-author",
    "office-byline",
    "leader-colon",
    "reporter",
    "post-date",
    "members",
    "attribution",
    "attribution-wire",
    "original-title",
    "author-credit",
    "posted-by",
    "speaker-office",
    "spokesperson",
    "speaker-name-spaced",
    "author-list",
    "writers-spaced",
    "research-group",
    "square-byline-names",
}
SHORT_PIECE = 120  # characters

# A speaker's line: what follows is the statement of the one it names.
SPEAKERS = {"speaker-office", "spokesperson", "speaker-name-spaced", "speaker-by-habit"}
# Bylines whose every reporter must look like a name (else the line is another form).
NAMED_LISTS = {"writers-spaced", "writers-tail"}
# Bylines that close an article: what follows them starts another.
# Notes that give the unit of the article's authors, not an author of their own.
UNIT_NOTES = {"unit-note", "unit-note-tail"}
CLOSING_BYLINES = {
    "credit-tail",
    "writers-tail",
    "source-credit-tail",
    "producer-credit",
    "written-by-tail",
    "supplied-by-tail",
    "supplied-by-line",
    "reporter-tail",
    "commentator-tail",
    "photographer-tail",
    *UNIT_NOTES,
    "signature",
    "attribution",
    "attribution-wire",
}
# Bylines that open a story: a piece starting with one starts another article.
OPENING_BYLINES = {"wire-dateline", "news-dateline", "report-dateline", "site-dateline", *SPEAKERS}
# Bylines that close an article only where they stand after its text (a
# source line under a title is the article's head): 出处：… then the next piece.
CLOSING_AFTER_TEXT = {"source-label"}
# Bylines that make the line above them a title even when it is a long
# headline of clauses (习近平就…作出重要指示强调：把…坚持好 over 来源：共产党员网):
# a source line under a headline heads the piece, it does not close the last.
HEADLINE_EVIDENCE = {"source-label"}

# Bylines whose line above names the group the authors belong to (a study
# group's “党旗下的新青年”小组 over 成员：…): that line is their unit, no title.
UNIT_ABOVE = {"members"}
GROUP_NAME = Rule(
    "group-name",
    r"^[^\s，,。：:；;]{1,18}(?:小组|课题组|组|队|团|班|支部|工作室|协会|社)$",
    "“党旗下的新青年”小组",
    "the group whose members the line below names: their unit (a title names no group)",
)

# The body that issues a notice, alone on a line over the date that closes it.
ISSUER = Rule(
    "issuer",
    rf"^(?P<name>[{HAN}]{{2,20}}?{UNIT_END}(?:办公室|办公厅)?)$",
    "浙江省教育厅",
    "the body issuing a notice, signing it over its date",
)
# A name alone on a line, under a title or a source (its author), or a
# signature in brackets after a paragraph's last sentence.
BARE_NAME = Rule(
    "bare-name",
    rf"^(?P<name>[{HAN}]{{2,3}})(?:同志)?$",
    "习近平",
    "an author's name alone, under the title",
)
PAREN_NAME = Rule(
    "paren-name",
    rf"^(?P<byline>{OPEN}(?P<name>[{HAN}]{{2,3}}){CLOSE})$",
    f"{LPAREN}朱雯{RPAREN}",
    "the author's name in brackets, signing a foreword (glued after the last sentence,"
    " GLUED_PAREN_NAME, it may name several writers: （常书香 马丹阳 ）)",
)
# In a text whose speakers' lines are set apart (the survey counts them), a
# name alone, not spread, over a statement is a speaker too (焦文娟).
SPEAKER_BY_HABIT = Rule(
    "speaker-by-habit",
    rf"^(?P<name>[{HAN}]{{2,3}})\s*{C}?$",
    "焦文娟",
    "a name alone over a statement, where the text sets its speakers so",
)
SPEAKER_LINES_MIN = 2  # speakers' lines that make it the text's habit
# The writers' names in brackets after the last sentence, one or several
# parted by spaces or 、, a space before the bracket's close at times
# (（朱雯）, （常书香 马丹阳 ）): each name must look like one.
GLUED_PAREN_NAME = re.compile(
    rf"[{SENTENCE_END}”]\s*({OPEN}[{HAN}]{{2,3}}(?:[ \u3000、][{HAN}]{{2,3}}){{0,5}}[ \u3000]?{CLOSE})"
)
# Common family names: a name is taken from a bare line only if it starts with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤习闻常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)

# A writer's name glued to the unit and title after it, no space between
# (作者：方敏北京大学经济学院教授): the name is what stands before the unit,
# which opens with a place or the nation (北京…, 中国…, 中央…) and names an
# institution, and a title closes it (教授, 研究员), no part of either.
NAME_GLUED_UNIT = Rule(
    "name-glued-to-unit",
    rf"^(?P<name>[{HAN}]{{2,3}}?)(?P<unit>(?:{PROVINCES}|中国|中央|国家)[{HAN}]{{0,16}}?"
    rf"(?:大学|学院|研究院|研究所|研究中心|党校|学校|委员会)[{HAN}]{{0,10}}?(?:学院|系|所|中心|部)?)"
    r"(?P<title>(?:副|助理)?(?:教授|研究员|讲师|博士|院长|所长|主任|书记))$",
    "方敏北京大学经济学院教授",
    "a writer's name glued to the unit after it: the name, the unit, its title dropped",
)

# A source's bureau, its place in brackets after the source's name
# (上海证券报·中国证券网(上海)): the bureau is the source's unit, not its name.
SOURCE_BUREAU = Rule(
    "source-bureau",
    rf"^(?P<name>{SOURCE_PUBLISHER})\s*{OPEN}(?P<unit>{PROVINCES}|[{HAN}]{{2,6}}?[省市县区州]){CLOSE}$",
    "上海证券报·中国证券网(上海)",
    "a source's name, its bureau's place in brackets after it: the place its unit",
)
