"""Site debris: whole lines, blocks, pieces and spans the source site added."""

from __future__ import annotations

import re

from ..chars import (
    CN_DIGITS,
    COLON,
    HAN,
    ICON_GLYPHS,
    LPAREN,
    RPAREN,
    SENTENCE_END,
)
from .base import CLOSE, DATE_PART, OPEN, PUBLISHER_KINDS, C, Rule

# --- site debris --------------------------------------------------------------

CRUMB_SEPARATORS = ">＞»›"  # what parts a breadcrumb's steps
CRUMB_SEPARATOR = re.compile(f"[{CRUMB_SEPARATORS}]")
# An HTML tag of the boxes and text a Markdown page sets in HTML
# (`<div class="card">`, `<h4>`, `</p>`): its `>` parts no breadcrumb's steps.
# An embed (<iframe>, <video>) is no box of text: it stays as written.
HTML_TEXT_TAGS = (
    "div|span|p|h[1-6]|strong|b|em|i|u|small|font|ul|ol|li|section|header|blockquote|br"
)
HTML_TAG = rf"</?(?:{HTML_TEXT_TAGS})(?:\s[^<>]*)?/?>"
NO_TAG = rf"(?!.*{HTML_TAG})"  # a line holding no HTML tag

NEIGHBOURS = r"上一篇|下一篇|上一条|下一条"  # the links to the neighbouring pages

# Who worked on the page, not on the text: editors, the photographer, reviewers.
STAFF_ROLES = r"责任编辑|责编|编辑|图片|摄影|图|审核|审校|校对|排版|美编|初审|复审|终审"
STAFF_MARK = rf"(?:{C}|[/\uff0f])"  # between a staff role and the name: 审核：王某, 摄影/张艳

# The staff's credit alone, on a line or a piece of one (摄影/张艳 after the
# closing credit, parted by no-break spaces); a portal names its editor by a
# code (责任编辑：NF041).
STAFF_NAME = rf"(?:[{HAN}]{{2,4}}|[A-Z]{{1,4}}\d{{2,6}})"
STAFF_CREDIT_LINE = Rule(
    "editor-credit",
    rf"^(?:{STAFF_ROLES}){STAFF_MARK}\s*{STAFF_NAME}(?:[、，,\s]+{STAFF_NAME})*$",
    f"审核{COLON}陈某、马某某",
    "the staff's credit on a line of its own: editors, photographers, reviewers",
)

# The page's buttons, set on a line of their own over or under the text.
PAGE_BUTTONS = "推荐|我要说说|打印本页|打印|收藏|关闭窗口|关闭|纠错|评论|分享"

# Whole lines the source site added around the text. Removed and reported.
DEBRIS = [
    Rule(
        "prev-next-links",
        rf"^上一篇{C}.*下一篇{C}",
        f"上一篇{COLON}五年级上册教学计划下一篇{COLON}五年级科学教案下册",
        "links to the neighbouring pages of the source site",
    ),
    Rule(
        "prev-or-next-link",
        rf"^(?:(?:{NEIGHBOURS}){C}|【(?:{NEIGHBOURS})】{C}?)\s*[^。？]{{1,60}}$",
        f"下一篇{COLON}【2020年3月学习材料】[ 03-23 ]",
        "one link to a neighbouring page",
    ),
    Rule(
        "prev-next-labels",
        rf"^(?:【?(?:{NEIGHBOURS}|上一页|下一页)】?(?:{C}\s*(?:没有了|无)?)?\s*){{1,2}}$",
        "上一篇 下一篇",
        "the neighbouring pages' buttons, left without their links",
    ),
    Rule("hot-searches", r"^本站热搜\s*$", "本站热搜", "the site's 'popular searches' box"),
    Rule(
        "site-boilerplate",
        r"^(相关推荐|热门推荐|猜你喜欢|返回顶部|回到\s*顶部|扫一扫.{0,12}|分享到[:\uff1a]?|版权所有|版权声明[:\uff1a]?"
        r"|(?:查看)?更多\s*(?:>>|»|>|＞＞|\.\.\.|…)*|[Mm]ore\s*>>)\s*$",
        "扫一扫在手机打开当前页",
        "navigation and sharing widgets",
    ),
    Rule(
        "share-widget",
        r"^分享到\s*[-:\uff1a]?\s*(?:(?:微信|朋友圈|微博|新浪微博|QQ空间|QQ)\s*)+$",
        "分享到 - 微信",
        "the share box's button naming where to share the page",
        needs="分享到",
    ),
    Rule(
        "more-link",
        rf"^(?:查看|阅读)?更多[{HAN}]{{2,8}}$",
        "更多时事讯闻",
        "a button leading to more of a listing (更多博客, 更多时事讯闻): the page's, after the text",
        needs="更多",
    ),
    Rule(
        "page-tools",
        r"^(?:【(?:打印正文|打印本页|打印|关闭窗口|关闭|我要纠错|收藏本文|字号|大|中|小)】\s*)+"
        rf"(?:责任编辑{C}\s*\S{{2,8}})?$",
        "【我要纠错】 责任编辑：宋岩",
        "the page's print, close and report buttons, with the editor's credit",
    ),
    Rule(
        "link-list",
        r"^(?:.{2,60}?\[\s*\d{2}-\d{2}\s*\]){2,}$",
        "博雅育人 | 德育楷模风采录…[08-20]爱在一中｜校友捐赠…[08-20]",
        "a sidebar of links, each closed by its [MM-DD] date",
    ),
    Rule(
        "breadcrumb",
        rf"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*(?:{C}|[{CRUMB_SEPARATORS}])",
        "当前位置：首页 >",
        "the 'you are here' trail; its steps follow on the next lines",
    ),
    Rule(
        "lone-separator",
        r"^[|｜¦]+$",
        "|",
        "the bar a page set between two of its properties or menu items, alone on a line",
    ),
    Rule(
        "reference-number",
        rf"^(?:项目编号|招标编号|采购编号|信息编号|稿件编号|索引号|编号){C}\s*[A-Za-z0-9][\w\-/.]{{0,39}}$",
        f"项目编号{COLON}XSB001",
        "a page's catalogue or tender number, a property of the page, not of the text",
    ),
    Rule(
        "empty-box",
        r"^(?:暂无(?:资料|内容|数据|记录|相关\S{0,4})|没有了[！!]?)$",
        "暂无资料",
        "what a box of links says when it has none",
    ),
    Rule(
        "related-links",
        r"^(?:推荐(?:阅读|文章)|相关(?:阅读|稿件|文章|新闻|信息|链接|报道|资讯)|热门(?:文章|新闻)|延伸阅读"
        r"|最新(?:文章|推送|发布)[:\uff1a]?)\s*$",
        "相关稿件",
        "the heading of a box of links; the links follow",
    ),
    Rule(
        "link-box-head",
        rf"^[|｜]\s*[{HAN}A-Za-z]{{2,6}}$",
        "| 最新",
        "a box's name after the bar that marks it (| 最新, | 美图): its links follow",
    ),
    Rule(
        "site-footer",
        rf"^(?=[^。]{{0,80}}$).*(?:ICP备|公网安备|版权所有{C}|主办单位{C}|网站标识码|国内统一刊号{C})",
        "主办单位：国务院办公厅　运行维护单位：中国政府网运行中心",
        "the site's footer: owner, registration numbers",
    ),
    Rule(
        "markdown-image",
        r"^!\[[^\]]*\]\((?:\\.|[^)\\])*\)$",
        r"![图片](data:image/svg+xml,%3Csvg%20transform='translate\(-249,%20-126\)'%3E)",
        "a picture's reference where the picture is not there (its address may escape brackets)",
    ),
    Rule(
        "account-furniture",
        r"^(?:(?:长按|扫描|扫码|识别|扫一扫).{0,16}二维码.{0,24}"
        r"|(?:点击|戳)(?:下方|左下角|底部|文末)?\s*“?阅读原文”?.{0,80}"
        rf"|(?:主编|副主编|执行主编|主办|承办|协办|投稿|投稿合作|投稿邮箱|商务合作|合作联系){C}\s*\S.{{0,40}}"
        rf"|(?:微信号|功能介绍|公众号)(?:{C}|\s)\s*\S.{{0,60}})$",
        "长按↑二维码可以关注我哟~！",
        "an account's furniture around a post: its profile box (微信号, 功能介绍), the prompts to"
        " scan its QR code or tap 阅读原文, who runs it (主编, 主办) and where to send it posts",
    ),
    Rule(
        "gallery-paging",
        r"^(?:直接)?(?:点击图片|使用键盘|用键盘)[^。，！？]{0,30}翻页$",
        "直接点击图片或者使用键盘'←' '→'键翻页",
        "a photo gallery's instruction to turn its pages by the picture or the arrow keys",
        needs="翻页",
    ),
    Rule(
        "drawn-rule",
        r"^(?:(?:<[a-zA-Z][^<>]*>\s*)+[=＝\-—_~*]{3,}(?:\s*</[a-zA-Z][^<>]*>)*|<hr\s*/?>)$",
        "<center>==============================</center>",
        "a rule drawn across the page in characters inside its HTML tags, or an <hr> left as text"
        " (a bare --- stays: it is the text's own)",
    ),
    Rule(
        "source-link",
        rf"^(?:链接|原文链接|原文地址|本文链接|网址){C}\s*(?:https?://|www\.)\S+$",
        f"链接{COLON}http://www.ce.cn/xwzx/gnsz/gdxw/201603/09/t20160309_9380098.shtml",
        "the address of the page the text was copied from, wherever it stands",
    ),
    STAFF_CREDIT_LINE,
    Rule(
        "editor-credit",
        rf"^[({LPAREN}【\[](?:{STAFF_ROLES}){C}\s*[{HAN}]{{2,4}}(?:[、，,\s]+[{HAN}]{{2,4}})*[){RPAREN}】\]]$",
        f"【编辑{COLON}陈海峰】",
        "the staff's credit in brackets on a line of its own, square ones too: the page's, not the text's",
    ),
    Rule(
        "site-footer",
        rf"^[^{SENTENCE_END}]{{0,20}}版[ \u00a0]+权[ \u00a0]+所[ \u00a0]+有[^{SENTENCE_END}]{{0,60}}$",
        "人 民 网 版 权 所 有, 未 经 书 面 授 权 禁 止 使 用",
        "the site's copyright notice spread letter by letter",
        needs="权",
    ),
    Rule(
        "app-promotion",
        rf"^{OPEN}本文来自[^{SENTENCE_END}]{{2,40}}下载[^{SENTENCE_END}]{{0,20}}APP”?{CLOSE}$",
        f"{LPAREN}本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP{RPAREN}",
        "the portal's note after its own story inviting the reader to its app: promotion, no source"
        " (a source credited alone, （来自大河网）, is the text's)",
        needs="APP",
    ),
    Rule(
        "photo-credit",
        rf"^(?:新华社|中新社|本报)?(?:特约)?记者\s*[{HAN}](?:\s?[{HAN}]){{1,3}}\s*摄$",
        "新华社记者 申 宏摄",
        "a photographer's credit alone, the photo not copied (the name spread to one width)",
        needs="摄",
    ),
    Rule(
        "image-credit",
        rf"^(?:注{C}\s*)?(?:图片|配图|图)(?:来自|来源于?|源自|均来自)(?:网络|互联网)[。.]?$",
        f"注{COLON}图片来自网络。",
        "a note on the pictures, which the handbook does not carry",
    ),
    Rule(
        "mirror-note",
        r"^This (?:page|post|article) (?:is|was) (?:synchronized|synced|mirrored|reposted|cross-posted) from",
        "This page is synchronized from the post: ['学习读后感'](https://steemit.com/@bring/x)",
        "a blog mirror's line saying where the post was copied from",
    ),
    Rule(
        "template-credit",
        r"^Collect from(?:\s+\S{1,40})?$",
        "Collect from",
        "the credit a downloaded site template keeps at its top (its link's text gone with the tags)",
        needs="Collect",
    ),
    Rule(
        "meta-span",
        r"^<span\s+class=\"(?:date|time|category|categories|tags?|meta|views?|author)\">[^<>]{0,30}</span>$",
        '<span class="category">政治理论</span>',
        "a page's property set in an HTML span the page's style names as one (its date, its"
        " category), alone on its line: the page's, not the text's",
        needs="<span",
    ),
    Rule(
        "export-part-mark",
        r"^part-\d{1,3}$",
        "part-1",
        "a book export's mark where a part file began",
        needs="part-",
    ),
    Rule(
        "export-closing-words",
        r"^book(?:\s+(?:book|книга|livre|libro|Buch))+\d*$",
        "book book книга книга livre libro libro9",
        "a book export's closing line: the word book in several languages",
        needs="book",
    ),
    Rule(
        "status-note",
        rf"^{OPEN}[^()（）]{{0,12}}(?:整理更新中|未完待续|待续|持续更新)[^()（）]{{0,6}}{CLOSE}$",
        "（本专论在整理更新中）",
        "the site's note that the page is still being compiled",
    ),
    Rule(
        "site-menu",
        r"^(?:网站首页|首页|主页)(?:[\s\u3000]+[^\s\u3000。，；：:]{2,8}){3,}$",
        "首页　组织机构　工作动态　纲要规划　国际项目　理论文摘　为您服务　文献资料",
        "the site's menu bar on one line, opened by the home link, its items parted by spaces",
        needs="页",
    ),
    Rule(
        "page-buttons",
        rf"^(?:(?:{PAGE_BUTTONS})[\s\u3000]*){{2,}}$|^(?:打印本页|打印此页|关闭窗口|我要说说)$",
        "推荐 　 我要说说",
        "the page's buttons on a line (recommend, comment, print), or one that says so alone",
    ),
    Rule(
        "summary-cut",
        r"^<!--\s*more\s*-->$",
        "<!--more-->",
        "a blog's mark where the post's summary ends, alone on its line (inside a paragraph"
        " or a word at times): no text of the post, the lines round it one paragraph again",
        needs="<!--",
    ),
    Rule(
        "html-comment",
        r"^<!--[^<>]{1,80}-->$",
        "<!--repaste.body.begin-->",
        "an HTML comment alone on its line, a crawler's mark where the story's body begins or"
        " ends: no text of the page",
        needs="<!--",
    ),
    Rule(
        "original-page-link",
        r"^\[(?:查看原文|原文链接|查看原网页)\]\((?:https?://)[^()\s]+\)$",
        "[查看原文](https://tv.cctv.com/2022/03/01/VIDEFGKjOEgUTsnXtYpPsGbs220301.shtml)",
        "a Markdown link back to the page the text was copied from, alone on its line",
        needs="](http",
    ),
    Rule(
        "crawl-stamp",
        rf"^(?:更新时间|抓取时间|采集时间){C}\s*\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d{{1,9}})?)?Z$",
        f"更新时间{COLON}2023-09-04T14:22:24.183Z",
        "a crawler's machine timestamp (ISO 8601, UTC) of when it fetched the page: the copy's,"
        " not the text's date",
        needs="T",
    ),
    Rule(
        "crawl-epoch-stamp",
        rf"^[(（]更新时间戳{C}\s*\d{{13}}[)）]$",
        f"（更新时间戳{COLON}1669036786119）",
        "a crawler's stamp of when it fetched the page, in milliseconds since 1970, in"
        " brackets: the copy's, not the text's date",
        needs="时间戳",
    ),
    Rule(
        "failed-story",
        r"^(?:#{1,6}[ \t]+)?undefined$",
        "### undefined",
        "a crawler's placeholder where a story failed to download, as its headline or its"
        " body: the word undefined alone on its line",
        needs="undefined",
    ),
    Rule(
        "post-counters",
        r"^\d{1,7}人参与\s*\d{1,7}评论$",
        "5人参与2评论",
        "a post's counters under its posting line: how many took part and commented",
        needs="人参与",
    ),
    Rule(
        "production-credit",
        rf"^(?:总监制|监\s?制|出\s?品|策\s?划|审\s?读|责编|责任编辑){C}\s*"
        rf"[{HAN}](?:\s?[{HAN}]){{1,3}}(?:\s+[A-Z]{{1,3}}\d{{1,6}})?$",
        f"监 制{COLON}高明勇",
        "a column's production credits after the text, the role spread to two characters'"
        " width at times (监 制, 审 读), the name too (邹 明), an editor's code after it (PN269)",
    ),
    Rule(
        "font-size-buttons",
        r"^[|｜]?\s*字体(?:放大|缩小|大|中|小)$",
        "字体放大",
        "the page's buttons that set the text's size, one a line",
        needs="字体",
    ),
]

# A trail of longer steps (a platform's, a committee's name) parted by a
# double arrow, the whole line steps: its last is a step too, never the
# page's headline printed after the trail.
DOUBLE_ARROW_TRAIL = Rule(
    "breadcrumb",
    rf"^(?:[^\s{CRUMB_SEPARATORS}。，；]{{1,16}}\s*(?:>>|＞＞|»)\s*){{2,}}"
    rf"[^\s{CRUMB_SEPARATORS}。，；]{{1,16}}$",
    "吉林省政府信息公开专栏 >> 吉林省人民政府 >> 政府信息公开基础平台",
    "a trail of steps parted by a double arrow, the line's last span one of them",
)

# Steps parted by arrows: a trail with no 'you are here' before it, a menu's
# step alone. Tried only on a line that holds an arrow (most lines are text).
ARROW_TRAILS = [
    Rule(
        "breadcrumb",
        rf"^{NO_TAG}(?:[{ICON_GLYPHS}]\s*)?"
        rf"(?:(?:网站首页|首页|主页)\s*[{CRUMB_SEPARATORS}]|(?:[^\s{CRUMB_SEPARATORS}。，]{{1,8}}\s*[{CRUMB_SEPARATORS}]\s*){{2,}})",
        "最新新闻 > 往年回顾 > 某某同志出席纪念馆开馆仪式",
        "a trail of steps parted by > (or ＞ » ›), with no 'you are here' before it"
        " (an icon font's glyph before it at times: \ue67f 首页 >入党流程 >入党流程)",
    ),
    DOUBLE_ARROW_TRAIL,
    Rule(
        "nav-step",
        rf"^{NO_TAG}(?:[{CRUMB_SEPARATORS}]+\s*[^\s{CRUMB_SEPARATORS}。，]{{1,8}}|[^\s{CRUMB_SEPARATORS}。，]{{1,8}}\s*[{CRUMB_SEPARATORS}]+)$",
        "> 动态内容",
        "a menu's or a trail's step alone, its arrow before or after it",
    ),
]

# A sidebar's link to another page, one a line, closed by the page's date
# ([06-11], [ 2026-06-11 ]): in a run of them, or under a box's heading
# (推荐阅读), a list of other pages, never the text.
LINK_ITEM = Rule(
    "sidebar-links",
    r"^\S.{1,80}?[\[(\uff08]\s*(?:\d{4}-)?\d{2}-\d{2}\s*[\])\uff09]$",
    "每周一学（2026年6月1日-6月7日）义乌发展经验[06-01]",
    "a sidebar's list of links to other pages, each closed by its date, one a line",
    needs="-",
)
LINK_RUN_MIN = 2  # link lines in a row that make a sidebar
# A line that is only a Markdown link to a web page, opening or closing a
# post (the original's address, `[转入文章首发地址](http://…)`; the video's,
# `[_点击观看新闻_](https://…)`): a pointer elsewhere, not the post's text.
# Inside the text such a line stays (a reference the text gives).
EDGE_LINK = Rule(
    "edge-link",
    r"^\[(?P<label>(?:\\.|[^\]\\\n]){1,40})\]\((?P<address>https?://[^\s()]+)\)$",
    "[转入文章首发地址](http://gongxue.cn/info/1141/73267.htm)",
    "a link alone on the line that opens or closes a post: where it came from, where to watch it",
    needs="](http",
)

# A field of the account's profile box (微信号 mycase): the short line over it
# is the account's name.
ACCOUNT_PROFILE = re.compile(rf"^(?:微信号|功能介绍|公众号)(?:{C}|\s)")

# An account's box of its posts of the day: a label ending in a colon
# (今日大案：, 昨日推送：) over items opened by the post's place in the push,
# 【头条】, 【二条】 …: other posts' titles, never essay markers.
POST_BOX_ITEM = Rule(
    "post-box",
    r"^【(?:头条|次条|[二三四五六七八九]条)】\s*\S.{1,80}$",
    "【二条】某某聚焦 | 某某机制待创新",
    "an item of the account's box of the day's posts",
    needs="条】",
)
POST_BOX_LABEL = re.compile(rf"^[^\s:{COLON}]{{1,10}}{C}$")  # 今日大案：
POST_BOX_MIN = 2  # items that make a box

# A mirrored post's meta line: its date, its author field, then the account's
# name, which the mirror gives twice; the names are debris, the rest the
# post's date line (`post-date`).
POST_META = Rule(
    "post-meta",
    r"^\d{4}-\d{2}-\d{2}\s+\S{2,10}(?P<accounts>\s+(?P<account>\S{2,12})\s+(?P=account))$",
    "2016-05-01 新华社 某某号 某某号",
    "the account's name twice at the end of a mirrored post's meta line",
)

# The site's copyright line (Copyright ©, ©, and the year): its footer, as
# `site-footer` in DEBRIS is. Tried only on a line holding its mark or word
# (COPYRIGHT_MARKS), not with every line's search of DEBRIS.
COPYRIGHT_LINE = Rule(
    "site-footer",
    r"^(?=[^。！？]{0,160}$)(?:版权所有[^©。！？]{0,40}?\s*)?(?:[Cc]opyright\s*(?:©|\([Cc]\))?|©)"
    r"\s*(?:\d{4}\s*[-–—~～]\s*)?\d{4}(?!\d)",
    "Copyright © 2019 某某大学党委统战部 技术支持某某大学 某某网站工作室 管理后台",
    "the site's copyright line opening its footer (Copyright ©, ©, and the year; after"
    " 版权所有 and the owner at times: 版权所有 某某医院　Copyright © 2018 …)",
)
COPYRIGHT_MARKS = ("©", "opyright")

# The site's contact line over its footer's copyright line: two or more of
# the site owner's address, telephone, post code, mail and who built the site.
FOOTER_CONTACTS = Rule(
    "site-contacts",
    rf"^(?=[^。]{{0,120}}$)(?:.*?(?:地址|电话|传真|邮编|邮箱|技术支持|网站维护|网站建设)"
    rf"\s*(?:{OPEN}[^()（）]{{1,6}}{CLOSE})?\s*{C}.*?){{2,}}$",
    f"医院地址{COLON}某某市某某路147号 电话{LPAREN}传真{RPAREN}:0570-0000000 技术支持{COLON}某某网络",
    "the site owner's address, telephones and web agency, on the line next to the footer",
)

# A column's label at the head of its page, over the article's title: a
# short name ending in a kind of column (质检新闻, 工作动态, 学习专栏).
COLUMN_LABEL = Rule(
    "column-label",
    rf"^[{HAN}]{{0,6}}(?:新闻|动态|要闻|资讯|快讯|简讯|专栏|公告|聚焦|园地|播报|速递)$",
    "质检新闻",
    "the page's column label over the title (debris when a title and text follow)",
)

# The page's menu opening it, one item a line, right over the text's first
# sentence with no title between (走进城服 / 全域旅游 / … / 综合服务): short
# names, no mark in them, five or more in a row.
MENU_ITEM = Rule(
    "site-menu",
    rf"^[{HAN}A-Za-z]{{2,6}}$",
    "全域旅游",
    "an item of the menu that opens the page over its text",
)
MENU_RUN_MIN = 5  # menu items in a row at the page's top
# The same menu over the page's headline, with the property line (发布时间：…)
# under the headline: link labels one a line, some in English, some longer
# (Office365 / Windows、Office / 使用指南及常见问题), none a sentence or a
# numbered heading. Nothing above them names the site; the headline and its
# property line say where the page's own text begins.
MENU_ENTRY = Rule(
    "site-menu",
    rf"^[{HAN}A-Za-z0-9](?:[{HAN}A-Za-z0-9、·&+ ]{{0,14}}[{HAN}A-Za-z0-9])?$",
    "Windows、Office",
    "an item of the menu over the page's headline and its property line",
)
HEADLINE_MENU_MIN = 8  # menu items in a row over the headline
# A page that opens with a few of the site's buttons only, one a line (栏目首页 /
# 搜索 / 登录), right over the headline and its dateline: too few for a menu
# (HEADLINE_MENU_MIN), but none is a word a headline is made of.
SITE_BUTTON = Rule(
    "site-buttons",
    r"^(?:栏目首页|频道首页|网站首页|返回首页|首页|搜索|登录|注册|退出|无障碍浏览|无障碍|English|繁体|简体)$",
    "栏目首页",
    "one of the site's buttons alone on a line over the headline",
)
SITE_BUTTONS_MIN = 2  # buttons in a row over the headline
# The page's trail of one step or two on a line, the site's name first
# (人民网>>经济·科技), over the story's kicker and headline.
SITE_TRAIL = Rule(
    "site-trail",
    r"^[^\s>＞»]{1,12}\s*(?:>>|>|＞|»)\s*[^\s>＞»]{1,16}(?:\s*(?:>>|>|＞|»)\s*[^\s>＞»]{1,16})?$",
    "人民网>>经济·科技",
    "the page's trail over the kicker and the headline: where the masthead ends",
    needs=">",
)
# The page's headline naming the text given whole (《中国式现代化发展之路》全文)
# over the text's own title line (中国式现代化发展之路) a few lines below, the
# page's date and buttons between: the page's, repeating the title.
FULL_TEXT_HEADLINE = Rule(
    "full-text-headline",
    r"^《(?P<title>[^《》]{2,40})》[（(]?全文[）)]?$",
    "《中国式现代化发展之路》全文",
    "the page's headline naming the text given whole, over the text's own title",
    needs="全文",
)
FULL_TEXT_TITLE_REACH = 5  # lines kept after the headline within which the title stands

# A creators' platform's disclaimer closing the post (免责声明：本内容来自腾讯平台
# 创作者，不代表…): the platform's, and so is all it sets under it, its report
# and comment boxes and its footer.
PLATFORM_DISCLAIMER = Rule(
    "platform-disclaimer",
    rf"^免责声明{C}\s*本(?:内容|文)(?:来自|系|为)[^，。]{{1,20}}(?:创作者|作者|用户|自媒体)",
    f"免责声明{COLON}本内容来自腾讯平台创作者，不代表腾讯新闻或腾讯网的观点和立场。",
    "a platform's disclaimer closing a creator's post, over the page's boxes and footer",
    needs="免责声明",
)

# The story's font-size control (字号 大 中 小, bracketed or one size a line
# under it) and the tool links after it (打印 / 留言 / 纠错 / E-mail推荐:),
# short lines between the dateline and the text.
FONT_SIZE = Rule(
    "page-tools",
    r"^[【\[]?字号[:\uff1a]?(?:\s*(?:超大|特大|大|中|标准|小))*\s*[】\]]?$",
    "【字号 大 中 小】",
    "the story's font-size control, the page's tools following it",
    needs="字号",
)
# The copy of the story's dateline a page hides for search spiders, over the
# one it shows: the same day, its CMS fields (作者 the web editor the
# 责任编辑 names again). The shown one is the page's.
HIDDEN_DATELINE = Rule(
    "hidden-dateline",
    rf"^(?:{DATE_PART})\s*来源{C}.*责任编辑{C}",
    f"2020-07-04 12:10:24 来源{COLON}求是网 作者{COLON}陈海峰 责任编辑{COLON}陈海峰",
    "the dateline hidden for spiders, over the shown one of the same day",
    needs="责任编辑",
)
PAGE_TOOL_MAX = 12  # characters of a tool's link under the font-size control

# A news page's masthead over the story's headline and its dateline: the
# menus, channel bars (a channel's name over its motto: 一级视场 / 及时现场，
# 洞察财经事件), share buttons and header links, none a sentence, the home
# link among them (首页, alone, opening a channel bar or a trail).
HOME_LINK = Rule(
    "site-masthead",
    r"^(?:网站首页|首页|主页)(?:$|[\s>＞»›→|｜])",
    "首页 滚动 国内 国际 军事 社会 财经 产经 房产",
    "the home link opening a line of the masthead (a channel bar, a trail)",
    needs="页",
)
# Without a home link, the masthead shows itself as a menu one item a line
# (紫牛头条 / 时政 / 文娱 / … / 官博: every line a MENU_ENTRY), or as a digital
# edition's calendar and buttons set one character a line (日 / 历 / ‹ / › /
# 一 … 六 / 上 / 一 / 期 / 返 / 回): CELL_LINES_MIN such cells among its lines.
CALENDAR_CELL = Rule(
    "site-masthead",
    r"^\S$",
    "‹",
    "a calendar's cell or a button's character alone on a line of the masthead",
)
CELL_LINES_MIN = 6

# The pager under a text the site cut into pages, one step a line (< / 1 /
# 2 / … / 7 / >): the arrows and the pages' numbers counted up from 1.
PAGER_STEP = Rule(
    "pager",
    r"^(?:<|>|<<|>>|‹|›|«|»|上一页|下一页|首页|尾页|末页|\d{1,3})$",
    "<",
    "a step of the pager under a text cut into pages: an arrow or a page's number",
)
PAGER_ARROWS = {"<", ">", "<<", ">>", "‹", "›", "«", "»", "上一页", "下一页"}
PAGER_PAGES_MIN = 2  # pages' numbers in a row that make a pager
# The counter shown beside the page's buttons, a bare number on the line under them.
BUTTON_COUNTER = Rule("page-buttons", r"^\d{1,7}$", "0", "the count beside the page's buttons")

# The share box's label alone on a line: the count under it is the box's (分享到： / 0).
SHARE_LABEL = Rule(
    "share-label",
    r"^分享到\s*[:\uff1a]?$",
    f"分享到{COLON}",
    "the share box's label over its count",
)
# The share box's own buttons alone on their lines, beside its 分享到 lines
# (分享 / 分享到 / 分享到微信 / 关闭): words a heading may be, so only there.
SHARE_BOX = "分享到"  # what the share box's lines open with
SHARE_BUTTON = Rule(
    "share-widget", r"^(?:分享|关闭|收起)$", "关闭", "the share box's open or close button"
)
# The close button of the share box, alone on the line over its button.
CLOSE_BUTTON = Rule("share-widget", r"^[Xx×✕]$", "X", "the share box's close button")

# The site's name with its address alone on a line, between a news story's
# headline and its dateline: the page's, never the headline.
SITE_ADDRESS_LINE = Rule(
    "site-address",
    r"^[^\s，。：:]{2,20}\s+(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/?$",
    "巴彦淖尔市政府门户网站 www.bynr.gov.cn",
    "the site's name and address on a line of their own, under the headline",
    needs=".",
)

# The footer's boxes over the site's copyright line, one item a line: the
# owner's name, its addresses and hours, telephones and mail addresses, a
# box of links under its heading (常用链接 / 南京大学 / 小百合BBS …).
FOOTER_CONTACT = Rule(
    "page-footer",
    rf"^(?:(?:\d{{3,4}}-)?\d{{7,8}}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|[{HAN}]{{0,8}}(?:地址|地点|校区|电话|传真|邮编|邮箱|时间){C}.+)$",
    "025-12345678",
    "a telephone, a mail address, an address or the hours alone on a line of the footer",
)
FOOTER_BOX_HEAD = Rule(
    "page-footer",
    r"^(?:常用链接|友情链接|相关网站|关于我们|联系我们|联系方式|服务电话|服务邮箱)$",
    "常用链接",
    "the heading of one of the footer's boxes",
)
FOOTER_LINES_MIN = 5  # short lines over the copyright line that make the footer
FOOTER_CONTACTS_MIN = 2  # of them, the site's contacts
# Or, for the contacts, bars of links: four or more short names parted by
# spaces on a line (豫政双周 清风中原 美丽河南 河南制造 中原风 点赞河南; 关于本网
# 友情链接 广告服务 联系我们), however long the line.
LINK_BAR = Rule(
    "page-footer",
    rf"^(?:[^\s{SENTENCE_END}，；：:]{{2,10}}\s+){{3,}}[^\s{SENTENCE_END}，；：:]{{2,10}}$",
    "关于河南日报 河南日报联系方式 关于本网 友情链接 广告服务 联系我们",
    "a bar of links to the site's columns or pages, one line of short names",
)
LINK_BARS_MIN = 2

# An app's header bar over the page's own title (组织生活 over 党课): a short
# name, no mark in it, where the title under it is what the text's first words
# take up (党课 / 党课制度（每月一次）…) and the name is not.
HEADER_LABEL = Rule(
    "header-label",
    rf"^[{HAN}A-Za-z]{{2,6}}$",
    "组织生活",
    "the header bar's label over the page's title, which the text's first words repeat",
)
HEADER_TITLE_MAX = 12  # characters of the page's title under a header bar

# A site's section named in its menus: 新闻中心, 信息中心, 党建频道.
SITE_SECTION = Rule(
    "site-section",
    rf"^[{HAN}]{{0,6}}(?:中心|频道|栏目|首页)$",
    "新闻中心",
    "a section of the site named in its menus",
)
SECTION_RUN_MIN = 2  # section or column names in a row, after the text, that make a sidebar
TOP_SECTION_RUN_MIN = 3  # the same opening the page, over its headline: its menu

# The heading of a section's side menu, its name in English and in Chinese;
# the menu's items follow it to the page's end (党团活动 / 光彩事业 / …).
SIDE_MENU_HEAD = Rule(
    "side-menu",
    rf"^[A-Za-z][A-Za-z .&'-]{{1,40}}\s+[{HAN}]{{2,8}}$",
    "enterprise culture 企业文化",
    "the heading of the side menu of the site's section, in two languages, after the text",
)

# The labels of the page's properties, each kind once: the patterns below
# are made from them.
# Who wrote the text, or put it on the site (发布人：中国化工报): the byline's
# names, each with its label as its role.
AUTHOR_LABELS = {"作者", "发布者", "发布人"}
# The source a byline's property line names beside its author (作者：X 来源：党办):
# one more name of the byline, its role 来源. Alone, with no author, it is
# the page's furniture (来源：学习强国 | 日期：…).
SOURCE_LABELS = {"来源", "文章来源", "信息来源"}
# When the text was put on the site, by whatever word the site labels it:
# 发布时间, 更新时间, 加入时间：2016/7/14 16:52:59.
DATE_LABELS = {
    "发布时间",
    "发布日期",
    "更新时间",
    "加入时间",
    "添加时间",
    "录入时间",
    "发表时间",
    "上传时间",
    "时间",
    "日期",
}
COUNTER_LABELS = {"点击数", "点击", "浏览次数", "浏览", "阅读数"}
FIELD_SEPARATORS = "|｜/"  # what parts a property line's fields: 来源: | 发布时间: 2018-05-17 | …
STAFF_LABELS = {"责任编辑", "编辑", "摄影"}  # who worked on the page, not on the text
# The column a site files the text under (所属分类：头条), filled or left empty:
# the site's bookkeeping, as its hit counter is.
CATEGORY_LABELS = {"所属分类", "所属栏目"}


def labels(*kinds: set[str]) -> str:
    """An alternation of the labels, the longest first (点击数 before 点击)."""
    return "|".join(sorted(set().union(*kinds), key=lambda label: (-len(label), label)))


# The page's property line: source, author, date, hits. It is debris unless it
# names the authors (作者：于珊珊 马明花); its date is the page's either way.
PROPERTY_LABEL = labels(
    SOURCE_LABELS, AUTHOR_LABELS, DATE_LABELS, COUNTER_LABELS, STAFF_LABELS, CATEGORY_LABELS
)
# The source named on a line of its own under the staff's credit that closes
# a story (编辑： 吕峥 / 来源： 千龙网): the text's source, not the page's chrome
# that follows.
SOURCE_UNDER_CREDIT = Rule(
    "source-under-credit",
    rf"^(?:{labels(SOURCE_LABELS)})\s*{C}\s*[^\s{C[1:-1]}]{{2,30}}$",
    f"来源{COLON} 千龙网",
    "a source alone on its line, under the staff's credit",
)
PROPERTY_LINE = Rule(
    "cms-properties",
    rf"^(?:>\s*)?(?:(?:{PROPERTY_LABEL})\s*{C}.*?){{2,}}$",
    "文章来源：本站原创 作者：佚名 发布时间：2019年07月13日 点击数：",
    "the page's property line (source, author, date, hits)",
)
PROPERTY_FIELD = re.compile(rf"(?P<label>{PROPERTY_LABEL})\s*{C}")
# One property alone on its line, under the headline (发布时间：2017-08-17 /
# 发布者：科捷物流): a line of its own, never a wrapped paragraph's first words.
PROPERTY_ALONE = Rule(
    "property-alone",
    rf"^(?:{PROPERTY_LABEL})\s*{C}\s*[^\s，,。：:]{{1,30}}$",
    f"发布者{COLON}科捷物流",
    "one of the page's properties alone on a line",
)
# A property's label alone, its value left empty by the page (作者：).
PROPERTY_UNFILLED = Rule(
    "property-unfilled",
    rf"^(?:{PROPERTY_LABEL})\s*{C}$",
    f"作者{COLON}",
    "one of the page's properties alone on a line, left empty",
)
# A source that is a paper, an agency or a news site (中国石化报, 新华社,
# 人民网): alone on the property line it still names the text's source; a
# platform (学习平台) or the site itself does not: of the publishers' kinds,
# a station only as one (电视台, 电台), never a journal or a news column.
OUTLET_KINDS = [k for k in PUBLISHER_KINDS if k not in ("台", "刊", "新闻")] + ["电视台", "电台"]
OUTLET = re.compile(rf"^[^\s，。：:]{{1,12}}?(?:{'|'.join(OUTLET_KINDS)})$")
# A society or association named as the source of its own news on its site
# (来源：中国地理学会): like an outlet, alone on the property line it names the
# text's source.
SOURCE_SOCIETY = Rule(
    "source-society",
    r"^[^\s，。：:]{2,16}?(?:学会|协会|研究会|联合会|促进会)$",
    "中国地理学会",
    "a learned society or an association credited as the source of its own news",
)
# An author field naming the paper, then the reporters' role, then their
# names (作者：某某日报记者 张三 李四): each name a reporter of that paper, the
# paper their unit, never a writer of its own.
PAPER_REPORTERS = Rule(
    "paper-reporters",
    rf"^(?P<unit>[^\s，。：:]{{1,12}}?(?:{'|'.join(OUTLET_KINDS)}))\s*"
    rf"(?P<role>(?:特约|首席|实习)?记者|通讯员)\s*(?P<names>[{HAN}].*)$",
    "某某日报记者 张三 李四",
    "the paper and the reporters' role before the names of an author field",
)
# A government site's property table over a document, read one cell a line:
# each label alone (spaced to one width at times, 索 引 号：, 标　　题：, with
# no-break spaces too, 分  类：), its value on the next line. The table is the site's furniture: the document's
# title and dates stand again in the document, its 发布日期 is the page's date.
DOCUMENT_LABELS = {
    "索引号",
    "分类",
    "主题分类",
    "发文机关",
    "成文日期",
    "标题",
    "发文字号",
    "主题词",
    "发布机构",
    "生成日期",
    "文号",
    "信息分类",
    "组配分类",
    "体裁分类",
    "公开方式",
    "有效性",
}
TABLE_TITLE_CELL = "标题"  # the cell holding the document's title
PROPERTY_CELL = Rule(
    "property-table",
    rf"^(?P<label>[{HAN}](?:[ \u00a0\u3000]*[{HAN}]){{1,4}})\s*{C}$",
    f"发文机关{COLON}",
    "a label of the page's property table alone on its line, its value on the next",
    needs=COLON,  # the reader widened the colon after the label
)
TABLE_LABELS_MIN = 3  # labels in a run that make a table
ANONYMOUS = {"佚名", "本站", "本站原创", "管理员", "admin", "小编", "网络"}

# kramdown's contents directive: `{:toc}` under the list item it replaces
# with the page's contents (`* content`, `* TOC`): the blog's, never the text.
TOC_DIRECTIVE = Rule(
    "toc-directive",
    r"^\{:\s*toc\s*\}$",
    "{:toc}",
    "kramdown's directive for the page's contents, with the list item above it",
    needs="toc",
)
TOC_PLACEHOLDER = re.compile(r"^[-*+]\s+\S.{0,20}$")  # the list item the contents replace
# In a Markdown text, a heading that ends it with nothing under it (# 结束):
# it heads no section.
EMPTY_CLOSING_HEADING = Rule(
    "empty-closing-heading",
    r"^#{1,6}\s+\S.{0,20}$",
    "# 结束",
    "a Markdown heading closing the text, over nothing",
    needs="#",
)

# In a Markdown export (its first line a `# ` heading), a horizontal rule.
MARKDOWN_RULE = Rule(
    "markdown-rule", r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$", "- - -", "a Markdown rule"
)
# A Markdown export's front matter: key: value lines between two --- lines at
# the top. Debris; its title and date are the page's.
FRONT_MATTER_FENCE = re.compile(r"^---$")
FRONT_MATTER = Rule(
    "front-matter",
    rf"^(?:(?P<key>[A-Za-z_][\w-]*)\s*{C}\s*(?P<value>.*)|-(?:\s.*)?)$",
    "title: '学习读后感 My Thoughts after Reading'",
    "a field of a Markdown export's front matter (its colon widened before Chinese, as the reader does)",
)
FRONT_MATTER_MAX = 80  # lines
# The keys whose value is the page's title, the first found in this order: a
# note-taking app keeps a note's title as the first item of its aliases
# (`aliases:` over `  - 党建专栏 | …`) when it has no title key.
FRONT_MATTER_TITLE_KEYS = ("title", "aliases", "alias")
# The keys whose line a reader keeps as the post's own, not the blog's settings:
# the writer (`author: 鹤啸九天`). The line stays, as written, in the text's head.
FRONT_MATTER_KEPT_KEYS = ("author", "authors")
# A mirror's furniture glued around the headline in a post's front-matter
# title: the school's or site's name and an arrow before it (南开大学->), the
# site's address after a bar ( | nankai.info). The reader reads the headline
# between; the affixes are removed and reported. An address is furniture
# wherever it closes the title; a name before an arrow only where the front
# matter names the site so again (its tags) or the address closes the title
# too: `输血->造血` is a headline's own arrow.
TITLE_SITE_SUFFIX = Rule(
    "title-site-suffix",
    r"\s+(?P<affix>[|\uff5c]\s*(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/?)$",
    "南开大学->陈浙闽为南开大学主题教育读书班作专题辅导报告 | nankai.info",
    "the site's address after a bar closing a mirrored post's title",
    needs=".",
)
TITLE_SITE_PREFIX = Rule(
    "title-site-prefix",
    rf"^(?P<affix>(?P<site>[{HAN}]{{2,12}})\s*->\s*)(?=\S)",
    "哈尔滨工程大学->党的二十大报告在师生中产生热烈反响",
    "the school's or site's name and an arrow opening a mirrored post's title",
    needs="->",
)

# A listing's teaser: a paragraph cut short (…, ...) that the text repeats in full.
TEASER = Rule(
    "teaser",
    r"^(?P<stem>.{20,}?)(?:\.{3,}|…+)$",
    "没有疑问的，中华民族的儿女，是要站在最前线与日寇拼命的…困...",
    "a truncated copy of a paragraph that follows in full",
)

# A blog's sidebar listing other posts: each teaser under its date set as a
# badge, month and day with no 日 (三月28, 5月31), and cut short (…, ...).
# Two or more in a row are the listing, never the text.
DATE_BADGE = Rule(
    "dated-teasers",
    rf"^(?:[{CN_DIGITS}]{{1,3}}|\d{{1,2}})月\d{{1,2}}$",
    "三月28",
    "a sidebar's teaser date, month and day without 日, over the teaser cut short",
    needs="月",
)
DATED_TEASERS_MIN = 2  # badge and teaser pairs in a row that make a listing

# After a property line that ends in a hit counter (点击数：), its unit alone.
HIT_COUNT_UNIT = Rule("hit-count-unit", r"^(?:人?次)$", "次", "the counter's unit, 次")
COUNTER_LABEL = re.compile(rf"(?:{labels(COUNTER_LABELS)}){C}\s*\d*$")

# A trail set one step a line, from the home page's link at the page's
# top (首页 / 校园采风 / 正文): the steps down to the one naming the text
# itself (正文), or, with none, the column labels under the home link.
HOME_STEP = Rule(
    "home-step", r"^(?:网站首页|首页|主页|返回首页)$", "首页", "the trail's first step, home"
)
# A trail whose steps only spaces part, from the home link, on the line of
# the headline that the next line gives again (首页 陶朱公商圈 商圈资讯 标题).
SPACED_TRAIL = Rule(
    "breadcrumb",
    r"^(?:网站首页|首页|主页)(?:\s+[^\s。，,]{1,8}){1,5}$",
    "首页 党建园地 支部动态",
    "a breadcrumb parted by spaces, before the headline given again below",
)
TEXT_STEPS = (
    "正文|内容|详情|详细内容|文章内容|新闻内容|信息内容|阅读正文"  # the step naming the text
)
TRAIL_END = Rule(
    "trail-end",
    rf"^(?:{TEXT_STEPS})$",
    "正文",
    "the trail's last step, naming the page's text itself",
)
# A trail on one line down to the step naming the text (网易首页 > 财经频道 >
# 证券新闻 > 正文): what stands over it is the page's header, its menus, login
# box and links (应用 / 网易新闻 / … / 账号： / 免费邮箱), the text under it.
TRAIL_TO_TEXT = Rule(
    "page-header",
    rf"^[^{CRUMB_SEPARATORS}]{{1,12}}(?:\s*[{CRUMB_SEPARATORS}]\s*[^{CRUMB_SEPARATORS}]{{0,12}}?)*"
    rf"\s*[{CRUMB_SEPARATORS}]\s*(?:{TEXT_STEPS})$",
    "网易首页 > 财经频道 > 证券新闻 > 正文",
    "a trail on one line down to the page's text: the lines over it are the page's header",
)
HEADER_LINE_MAX = 20  # characters of a line of the page's header: a menu item, a link, a label
TRAIL_STEPS_MAX = 5  # lines a trail set one step a line runs over
# A short line between two lines of the page's menus (the trail, a menu
# step, a box of links) is one more item of them (最新动态).
MENU_NEIGHBOURS = {
    "breadcrumb",
    "nav-step",
    "sidebar-links",
    "related-links",
    "page-chrome",
    "lone-separator",
}

# A step of a breadcrumb trail ends with one separator (two close a 'more'
# link: 查看更多 ››); the last step has none.
BREADCRUMB_STEP = re.compile(
    rf"^{NO_TAG}.{{1,20}}(?<![{CRUMB_SEPARATORS}])[{CRUMB_SEPARATORS}]\s*$"
)
# The page's headline printed as the breadcrumb's last span, on its line
# (two spans of one block): the text's, never debris. The last step before
# it, when a space parts them, stays furniture (招标公告).
BREADCRUMB_HEADLINE = Rule(
    "breadcrumb-headline",
    rf"[{CRUMB_SEPARATORS}]\s*(?:(?P<step>[^\s{CRUMB_SEPARATORS}]{{1,8}})\s+)?"
    rf"(?P<headline>[^\s{CRUMB_SEPARATORS}][^{CRUMB_SEPARATORS}]*?)\s*$",
    "当前位置：首页 > 招标采购 > 招标公告 某某集团2013年备份软件采购的比选公告",
    "the headline at the end of a breadcrumb's line: kept as the text's, the trail before it debris",
)
BREADCRUMB_HEADLINE_MIN = 10  # characters (spaces aside) of a headline: a step is shorter

# Crawler junk glued into the text. It holds narrow marks that are no
# punctuation, so the reader leaves it narrow (`punctuation.restore_full_width`
# finds it before widening anything); here it is cut out. A separator and an
# escaped space leave a space where they stood: they stood between two words.
NARROW_DEBRIS = [
    Rule(
        "crawler-separator",
        r";{2,}",
        "出处：江泽民文选第一卷;;;;人民出版社2006年8月第1版",
        "a run of semicolons a crawler put between the fields it joined",
        needs=";;",
    ),
    Rule(
        "escaped-space",
        r"&(?:amp;)*(?:nbsp|ensp|emsp|thinsp|#160|#12288);",
        "……制品的发展。&amp;amp;nbsp;我们相信，",
        "an HTML entity for a space, left as text (escaped once or more)",
        needs="&",
    ),
    Rule(
        "stray-semicolon",
        r";(?:(?<=^;)|(?<=[\n\u3000\u2002\u2003];));*(?=\S)",
        "请予审议决定。\u3000\u3000;*这是江泽民同志在…的说明。",
        "a semicolon opening a paragraph, where no clause stands before it",
        needs=";",
    ),
]
SEPARATING_DEBRIS = {"crawler-separator", "escaped-space"}
# What no text holds: a lone katakana glued after a sentence's end.
STRAY_KANA = Rule(
    "stray-kana",
    rf"[\u30a1-\u30fa](?<=[{SENTENCE_END}”][\u30a1-\u30fa])(?=[\s\u3000\u2002\u2003]|$)",
    "……已显示出一些好的前景。オ\u3000\u3000二、",
    "a stray katakana a crawler left after a sentence",
)

# A pointer to a link the saved page no longer holds, opened in brackets at a
# paragraph's end (…吹响全年工作冲锋号。（详情请点击链接：); the bracket's close
# stands alone on the next line or opens it (）江苏省委常委…): LINK_POINTER_CLOSE,
# cut with it.
LINK_POINTER = Rule(
    "link-pointer",
    rf"{OPEN}(?:详情|全文|更多)?请?(?:点击|详见|见)链接{C}?\s*$",
    f"……吹响全年工作冲锋号。{LPAREN}详情请点击链接{COLON}",
    "the open pointer to a link the page lost, at a paragraph's end: the site's",
    needs="链接",
)
LINK_POINTER_CLOSE = re.compile(rf"^\s*{CLOSE}")

# Debris inside a line: removed, the rest of the line kept.
SPAN_DEBRIS = [
    Rule(
        "site-address",
        r"^(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?(?=[\s\u3000]+\d{4}-\d{2}-\d{2})",
        "http://www.qianlong.com/ 　 2005-03-06 16:17:00",
        "the portal's address before the page's date on its property line: the date is kept",
        needs=".",
    ),
    Rule(
        "markdown-anchor",
        r"\s*\{#[A-Za-z][\w-]*\}$",
        "### 一、深化理论武装，筑牢思想根基 {#part1}",
        "a Markdown heading's anchor attribute: the page's link target, no word of the heading",
        needs="{#",
    ),
    Rule(
        "html-tag",
        HTML_TAG,
        "<p><strong>关键理解：</strong> 使党的创新理论内化于心。</p>",
        "an HTML tag of a box in a Markdown page: markup a reader does not read, its text kept"
        " (a line of tags alone goes whole)",
        needs="<",
    ),
    Rule(
        "broken-markup",
        rf"^<(?=[{HAN}“])",
        "<通过对《准则》解读，…进行了梳理和分析。",
        "what is left of an HTML tag cut in half: a lone < before the text",
        needs="<",
    ),
    Rule(
        "broken-markup",
        rf"(?<=[{SENTENCE_END}”])/[a-z]{{1,6}}>$",
        "…进行了梳理和分析。/p>",
        "what is left of an HTML tag cut in half: /p> after the text",
        needs=">",
    ),
    Rule(
        "site-preamble",
        r"以下是[^。]{0,30}为您整理的《[^》]{1,40}》[^。]{0,30}(?:喜欢|参考|帮助)[。！!]?",
        "以下是无忧考网为您整理的《企业2019年新年贺卡祝词》，希望大家能够喜欢。",
        "a 范文 site's sentence introducing the page",
        needs="以下是",
    ),
    Rule(
        "photo-credit",
        rf"^(?:新华社|中新社|本报)?(?:特约)?记者\s*[{HAN}](?:\s?[{HAN}]){{1,3}}\s*摄(?=[{HAN}“])",
        "新华社记者 鞠 鹏摄中国共产党第十九届中央委员会第四次全体会议……",
        "a photographer's credit glued before the next caption or paragraph",
        needs="摄",
    ),
    Rule(
        "staff-credit-in-credit",
        rf"[ \u00a0]+(?:{STAFF_ROLES}){C}\s*[{HAN}]{{2,4}}(?:[、，,][{HAN}]{{2,4}})*(?=\s*{CLOSE}$)",
        f"{LPAREN}供稿{COLON}某某科党支部 李明  审核{COLON}王某{RPAREN}",
        "the reviewer's or editor's credit inside the text's closing credit: the staff's, not the text's",
        needs=RPAREN,  # the reader widened the closing bracket beside Chinese
    ),
    Rule(
        "comment-button",
        r"(?<=[网报社])参与互动$",
        f"2020年07月04日 12:10　来源{COLON}求是网参与互动",
        "the comment button's label glued after the source an outlet's dateline names",
        needs="参与互动",
    ),
    Rule(
        "staff-credit-slash",
        rf"(?:[ \u00a0]+(?:{STAFF_ROLES})/[{HAN}]{{2,4}})+$",
        "医技药剂党支部、药剂科供稿  摄影/张艳  编辑/苏芳",
        "the photographer's and editor's credits, role and name parted by a slash, after the"
        " text's closing credit: the staff's, not the text's",
        needs="/",
    ),
    Rule(
        "editor-credit",
        rf"{OPEN}(?:责任编辑|责编){C}\s*[{HAN}]{{2,4}}(?:[、，,\s][{HAN}]{{2,4}})*{CLOSE}$",
        f"《 人民日报 》（ 2019年11月01日 01 版）(责编{COLON}王静、吕腾龙)",
        "the page editors' credit in brackets, glued after the text's end",
        needs="编",
    ),
    Rule(
        "export-note-tail",
        r"(?<=[。”）)])ft$",
        "[25]乱：战乱。ft",
        "the letters a book export glued to the last note of a notes block",
        needs="ft",
    ),
    LINK_POINTER,
    *NARROW_DEBRIS,
    STRAY_KANA,
]

# Pieces of text that are debris wherever they stand. A photographer's name
# may be spread to three characters' width (新华社记者 张 铎摄).
# A photo's caption opening 图为 with its photographer in brackets after it.
PHOTO_CREDIT_CAPTION = Rule(
    "photo-caption-credit",
    rf"^图为[^{SENTENCE_END}]{{2,80}}[{SENTENCE_END}]?[({LPAREN}][{HAN}]{{2,4}}\s*摄[){RPAREN}]$",
    f"图为山西品牌丝路行（南美站）启动仪式。{LPAREN}刘通摄{RPAREN}",
    "the caption of a photo that was not copied, its photographer in brackets",
    needs="摄",
)
PIECE_DEBRIS = [
    Rule(
        "photo-caption",
        rf"^.{{0,300}}?(?:新华社|中新社)?记者\s*(?:[{HAN}]\s[{HAN}]|[{HAN}]{{2,4}})"
        rf"(?:[、\s][{HAN}]{{2,4}})*\s*摄$",
        "这是习近平同军队人大代表亲切握手。新华社记者 李刚 摄",
        "the caption of a photo that was not copied",
        needs="摄",
    ),
    PHOTO_CREDIT_CAPTION,
    STAFF_CREDIT_LINE,
]

# --- a web page's furniture around the story (structure/page.py) ------------------
# The page's controls and the site's own links, by the words a reader knows
# them by: an account, a share box, a font switch, a search box, an app.
SITE_CONTROL = Rule(
    "site-control",
    r"登录|注册|分享|字体|字号|复制|导航|首页|客户端|手机版|电脑版|无障碍|搜索|下载|扫码|"
    r"验证码|密码|账号|版权|收藏|打印|返回|举报|关闭|纠错|APP|[Aa]pp|^(?:\S\s+){2,}\S$|"
    r"^(?:放大|缩小)$",
    "分享到微信",
    "a word of the page's controls or the site's own links (登录, 分享, 字体, 字号, 客户端 …),"
    " a switch's one-character options (小 中 大), or a font switch's 放大 / 缩小 alone",
)
# A line's features that a reader takes for the page's furniture, and their
# weights; what a line of the story has (a sentence, a long line) weighs against.
FURNITURE_WEIGHTS = {
    "no-han": 2,  # Play Video, 0:00, ENGLISH, a split date 2024 05/09 22:27:02
    "headline-echo": 2,  # the headline again in the page's head: 正在阅读：…, …-新华网
    "copy-below": 3,  # a hidden copy of a line the story gives again below
    "short": 1,  # 时政, 朋友圈: a link's label, no sentence
    "repeated": 1,  # a menu given twice (desktop and phone)
    "site-control": 1,  # 请使用浏览器分享功能进行分享, 链接已复制
    "link-bar": 1,  # 北京 天津 河北 …: short names parted by spaces
    "trail": 1,  # 新华网 > > 正文
    "trail-step": 1,  # 东区新闻 alone, a step of the trail 首页 >> 东区新闻 >> 正文
    "page-property": 1,  # 来源：新华网 over the headline: the page's first head
    "sentence": -3,  # a sentence a reader reads
}
FURNITURE_MIN = 1  # a line weighing this much is furniture
FURNITURE_SHORT_MAX = 12  # characters of a link's label
FURNITURE_UNDER_MIN = 2  # between the headline and the story: only the plainest furniture
PAGE_MARKS_MIN = 3  # lines over the headline only a web page's furniture looks like
HEAD_LINE_MIN = 3  # characters of a kicker's or a broken title's line (not 小 / 中 / 大)
HEADLINE_REACH = 8  # lines between the headline and the story's first paragraph
STORY_RUN = 3  # lines under the story's first long paragraph where a sentence follows it
SENTENCE_MIN = 20  # a line this long holding a sentence is read, not furniture
# A tail's long lines that are still furniture: the footer's legal notices
# (and its hint of the browser to use).
LEGAL_NOTICE = Rule(
    "legal-notice",
    r"版权|转载|授权|许可证|备案|声明|分辨率",
    "版权保护：本网登载的内容版权属本网独家所有使用。未经本网事先协议授权，禁止转载使用。",
    "a footer's notice of copyright, reprint terms, licences or a platform's disclaimer,"
    " or its hint of the screen and browser to view the site with (分辨率)",
)
# A line of the story's head under its headline led by a property's label,
# whatever follows it (a source glued to its date).
STORY_HEAD_FIELD = Rule(
    "story-head-field",
    rf"^(?:{PROPERTY_LABEL})\s*{C}.{{0,40}}$",
    f"来源{COLON}人民日报2024-05-13 08:49",
    "a property's line under the headline (来源, 作者, 发布时间 …), however its value is written",
)
# A creators' platform's note of where the account posted from, under the
# headline: the platform's, not the story's.
POSTING_PLACE = Rule(
    "posting-place",
    rf"^发布于\s*{C}\s*[{HAN}]{{2,12}}$",
    f"发布于{COLON}北京市",
    "a platform's note of the place a post was sent from",
)
