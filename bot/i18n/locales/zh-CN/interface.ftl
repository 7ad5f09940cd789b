# 机器人写的内容：/help、/about 和 /settings 的回答（见 en-US/interface.ftl）。
# 反引号中的代码（`/cite 4`、`PP 3`）是用户输入的内容，不翻译。

## /help

help-title = **阅读 { $symbol }**
help-paragraph = 段落原文；也可用 `PP 3`、`fn 2`、`4-6`、`4, 7`、`art. 12`、`78/216 para 5`
help-cite = 可直接复制的引文（联合国、简短、Bluebook、OSCOLA、AGLC）；`quote:True` 同时引用原文
help-footnote = 脚注、其中的链接以及引用它的段落
help-summary = 对各国（或其他对象，或 `all` 表示全部）提出的要求
help-search = 文库中最相关的段落；支持“带引号的短语”
help-about = 本决议的基本信息和文本来源
help-library = 已载入的文本；每个命令的 `document` 选项可选择其中之一
help-compare = 两项决议之间有何变化，逐段对照，并标出修改
help-trace = 大会从何时起这样说：在整个文库中追溯一个短语或段落
help-daily-set = 服务器管理者：每天在一个频道发布一个段落
help-settings-citation-style = 服务器管理者：本服务器的默认引文格式
help-settings-document = 服务器管理者：命令在此默认使用的文本
help-settings-server-language = 服务器管理者：公开回答和每日发布的语言
help-settings-language = 机器人回答你时使用的语言
help-help = 本帮助
help-references = **段落引用：** 可以输入 `4` 或 `OP 4`（执行部分段落）、`PP 3`（序言部分段落）、`fn 2`（脚注）、范围如 `4-6`，或列表如 `4, 7`。也可用 `para. 4`、`¶¶ 4–6`、`pmbl. para. 3`、`third preambular paragraph`、`{ $number }, ¶ 4`（引用用英文书写）。列表中的部分会延续：`PP 3, 5` 即 PP3 和 PP5。
help-discussion = **在讨论中：** 右键点击（或长按）一条消息 → 应用 → *{ menu-quote-cited-paragraphs }*，即可显示它提到的所有段落。
help-contents = 本决议有执行部分第1至{ $operative }段{ $preambular ->
        [0] {""}
       *[other] 、序言部分 PP1 至 PP{ $preambular }
    }，以及脚注1至{ $footnotes }。

## /about

about-adopted-on = { DATETIME($adopted, dateStyle: "long") }通过
about-adopted-on-report = { DATETIME($adopted, dateStyle: "long") }根据委员会的报告（{ $committee }，{ $report }）通过
about-adopted-on-report-only = { DATETIME($adopted, dateStyle: "long") }通过（报告{ $report }）
about-description = **{ $name }**，{ $origin }。
about-session = 届会
    .value = { $session }，议程项目{ $item }
about-adopted = 通过
    .value = { DATETIME($adopted, dateStyle: "long") }，{ $meeting }
about-distributed = 分发
    .value = { DATETIME($distributed, dateStyle: "long") }（{ $distribution }）
about-contents = 内容
    .value = 序言部分{ $preambular }段 · 执行部分{ $operative }段 · 脚注{ $footnotes }个
about-official-text = 正式文本
about-commands = 命令
about-commands-more = 各命令的作用见 `/help`。
about-footer = 文本逐字转录自联合国分发的正式文件。摘要是机器人用通俗语言所作的转述，绝非决议原文。

## /settings

settings-manage-server = 需要“管理服务器”权限才能更改本服务器的设置。
settings-style-current = 本服务器的引文默认采用 **{ $style }** 格式。可用 `style` 选项选择其他格式。
settings-style-set = 本服务器的引文现在默认采用 **{ $style }** 格式。每个人仍可用 `/cite … style:` 选择格式。
settings-language-chosen = 机器人在任何地方回答你时使用的语言：**{ $language }**。选择 *{ choice-language-auto }* 可恢复跟随 Discord 语言。
settings-language-auto = 你没有选择语言：机器人会用你的 Discord 语言回答（如果支持），否则用服务器的语言，否则用英文。这里是：**{ $language }**。
settings-server-language-set = 本服务器公开回答和每日发布使用的语言：**{ $language }**。每个人仍可用 `/settings language` 选择自己的语言。
settings-server-language-unset = 本服务器没有设置语言：公开回答和每日发布使用默认语言 **{ $language }**。
