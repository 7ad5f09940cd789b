# 命令文字（见 en-US/commands.ftl）。命令名和选项名保留英文。

cmd-paragraph = 显示段落原文：4、OP 4、PP 3、fn 2、范围 4-6 或列表 4, 7
    .ref = 段落编号或文字：4、PP 3、4-6、4, 7……（单独的数字指执行部分段落）
    .language = 联合国其他语文的正式文本（默认：你的语言，如有）
cmd-footnote = 显示一个脚注、其中的链接以及引用它的段落
    .number = 脚注编号，例如 5（或多个：1-2）
    .language = 联合国其他语文的正式文本（默认：你的语言，如有）
cmd-summary = 用通俗语言说明对各国（或其他对象）提出的要求
    .addressee = 对象：States（默认）、Secretary-General……或 all 表示全部
cmd-search = 搜索本决议：词语或"带引号的短语"
    .query = 词语或"带引号的短语"，例如 impunity 或 "freedom of expression"
cmd-cite = 可直接复制的引文：段落、范围、列表、脚注或全文
    .ref = 引用什么：4、PP 3、4-6、4, 7、fn 5……或 all 表示整个决议
    .style = 引文格式（默认：服务器的设置，否则按联合国惯例）
    .quote = 在引文上方引用原文
    .language = 引文和摘录的语言（默认：你的语言）；联合国六种语文之一
cmd-about = 关于本决议：文号、日期、正式链接、命令
cmd-help = 如何使用本机器人（只有你能看到回答）
menu-quote-cited-paragraphs = 显示所提及的段落

cmd-daily = 每天发布本决议的一个段落
cmd-daily-set = 每天在一个频道发布一个段落（或更改其设置）
    .channel = 文字频道、公告频道或子区
    .time = 当地时间，24 小时制 HH:MM（默认 09:00）
    .timezone = IANA 时区，例如 Asia/Shanghai 或 Europe/Geneva（默认 UTC）
    .order = 发布哪些段落、按什么顺序（默认：文件顺序）
cmd-daily-stop = 停止一个频道的每日发布（包括已删除的频道）
    .schedule = 哪个频道的每日发布（开始输入；有多个时需要）
cmd-daily-status = 本服务器的每日发布：时间、频道、下一段
cmd-daily-preview = 预览下一次每日发布（只有你能看到）
    .channel = 哪个频道（仅当多个频道有每日发布时需要）
cmd-daily-skip = 跳过下一个段落：改为发布再下一个
    .channel = 哪个频道（仅当多个频道有每日发布时需要）

cmd-settings = 你的语言，以及本服务器的机器人默认设置
cmd-settings-citation-style = /cite 在此默认使用的引文格式
    .style = 本服务器的默认格式（留空可查看当前设置）
cmd-settings-language = 机器人在任何地方回答你时使用的语言（只有你能看到）
    .language = 你的语言（留空可查看当前设置）
cmd-settings-server-language = 本服务器公开回答和每日发布使用的语言
    .language = 本服务器的语言（留空可查看当前设置）

choice-style-un = 联合国惯例：大会2007年12月18日第62/152号决议，第4段
choice-style-short = 文号：A/RES/62/152，第4段
choice-style-bluebook = Bluebook: G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)
choice-style-oscola = OSCOLA: UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4
choice-style-aglc = AGLC: Title, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007) para 4
choice-order-document = 文件顺序（PP1……，然后 OP1……，然后重新开始）
choice-order-operative = 仅执行部分段落
choice-order-preamble = 仅序言部分段落
choice-order-random = 随机，所有段落发布完之前不重复
choice-language-auto = 自动：我的 Discord 语言
choice-language-unset = 未设置：英文
