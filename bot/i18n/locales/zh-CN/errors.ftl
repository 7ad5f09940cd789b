# 机器人无法按要求作答时的回复（见 en-US/errors.ftl）。
# 反引号中的代码（`/cite 4`、`PP 3`、`art 12`）是用户输入的内容，不翻译。
# $kind：pp（序言部分段落）、op（执行部分段落）、fn（脚注）、art（条）。

## 决议包含哪些内容（用在其他消息中）

err-outline = 执行部分第1至{ $operative }段{ $preambular ->
        [0] {""}
       *[other] 以及序言部分 PP1–PP{ $preambular }
    }
err-syntax-help = 请尝试 `4` 或 `OP 4`（执行部分段落）、`PP 3`（序言部分段落）、`fn 2`（脚注）、`4-6` 这样的范围，或 `4, 7` 这样的列表。

## 引用（/paragraph、/cite、/footnote）

err-annex-articles = { $symbol } 有一个按条阅读的附件：请查询某一条，例如 `art 12` 或 `Article 12(2)`。此处暂时还不能查询附件的序言部分段落。
err-annex-paragraphs = { $symbol } 有一个附件，但此处暂时还不能查询其中的段落。
err-other-text = 本机器人提供的是 { $symbol }（{ $body ->
        [general-assembly] 大会第{ $number }号决议
       *[other] { $name }
    }）；“{ $shown }”指的是另一份文本。请查询第{ $number }号决议的段落，例如 `4` 或 `PP 3`。
err-reference-too-long = 该引用太长，无法读取（{ $length }个字符）。{ err-syntax-help }
err-no-article = { $symbol } 没有第{ $article }条。
err-reference-needs-number = 哪一个编号？“{ $item }”需要一个编号，例如 `{ $item } 3`。{ err-syntax-help }
err-reference-unreadable = 无法将“{ $item }”识别为段落引用。{ err-syntax-help }
err-range-mixed = 范围只能在同一部分之内：“{ $item }”混合了{ $kind ->
        [pp] 序言部分段落
        [fn] 脚注
        [art] 条款
       *[op] 执行部分段落
    }和{ $other ->
        [pp] 序言部分段落
        [fn] 脚注
        [art] 条款
       *[op] 执行部分段落
    }。请改用列表，例如 `PP 15, OP 1`。
err-range-backwards = 范围 { $start }-{ $end } 是倒序的：你是指 { $end }-{ $start } 吗？
err-too-many = 一次请求的条目超过{ $max }个；请缩小范围。
err-which-paragraph = 哪一段？{ err-syntax-help }
err-which-paragraph-or-all = 哪一段？{ err-syntax-help } 保留 `all` 即可引用整项决议。
err-one-reference = 此处只能给出一个引用，而不是{ $count }个。
err-paragraph-not-footnote = “{ $ref }”是段落，不是脚注：请使用 `/paragraph { $ref }`。
err-no-footnote = 没有脚注{ $number }：本决议{ $footnotes ->
        [0] 没有脚注
        [1] 只有脚注1
       *[other] 有脚注1至{ $footnotes }
    }。
err-none-of-kind = 本决议没有{ $kind ->
        [pp] 序言部分段落
        [fn] 脚注
        [art] 条款
       *[op] 执行部分段落
    }；它包含{ err-outline }。
err-no-such-part = 没有{ $kind ->
        [pp] 序言部分第{ $number }段
        [fn] 脚注{ $number }
        [art] 第{ $number }条
       *[op] 执行部分第{ $number }段
    }：本决议包含{ err-outline }。

## 决议附件所载宣言的条款（/paragraph art 12）

err-no-articles-anywhere = 文库中没有任何文本包含条款：条款属于决议附件所载的宣言。
err-no-articles = { $symbol } 没有条款：它包含{ err-outline }。
err-no-articles-elsewhere = { $symbol } 没有条款：它包含{ err-outline }。《宣言》的条款见 { $declaration }。
err-no-such-article = 没有第{ $article }条：《宣言》共有第{ $first }至{ $last }条。
err-no-such-clause = 第{ $article }条{ $clauses ->
        [0] 没有编号的款
        [1] 只有第1款
       *[other] 有第1至{ $clauses }款
    }；不存在第{ $article }条第{ $clause }款。
err-no-such-item = 第{ $article }条{ $clause ->
        [none] {""}
       *[other] 第{ $clause }款
    }{ $first ->
        [none] 没有按字母编号的项
       *[other] 有第({ $first })至({ $last })项
    }；不存在第{ $article }条{ $clause ->
        [none] {""}
       *[other] 第{ $clause }款
    }第({ $item })项。

## 库中的文件

err-no-document = 文库中没有文件“{ $name }”。文库中有 { $symbols }：请用文号、编号（62/152）、年份或标题中的词语来指定。
err-resolution-not-in-library = 第{ $number }号决议不在文库中；文库中有 { $symbols }。
err-document-conflict = “{ $text }”指的是 { $named }，但 document 选项选择的是 { $chosen }：请将该选项留空，或从引用中删去文号。

## /cite、/search、/summary、引用所提及的段落

err-no-style = 没有“{ $style }”这种引文格式。请从以下格式中选择：{ $styles }。（没有 APA 或 Harvard：这两种手册都没有为联合国决议公布引文格式。）
err-search-too-long = 搜索内容太长（{ $length }个字符）；请少于{ $max }个字符。
err-search-empty = 请至少输入一个词进行搜索，例如 `有罪不罚` 或 `“言论自由”`。
err-not-addressee = “{ $text }”不是本决议针对的对象。请从以下选项中选择：{ $choices }，或 `all`。
err-nobody-addressed = { $symbol } 的执行部分中没有任何段落针对：{ $addressee }。
err-nobody-addressed-anyone = { $symbol } 的执行部分中没有任何段落针对任何对象。
err-finder-forms = 我能识别“第4段”“执行部分第4段”“序言部分第3段”“脚注5”等形式，以及英文形式：`para 4`、`OP 7`、`¶¶ 4–6`、`paras. 4 and 7`、`PP 3`、`third preambular paragraph`、`footnote 5` 和 `{ $number }, ¶ 4`。单独的数字、日期或其他决议的段落都不会被当作引用。
err-finder-nothing = 在该消息中没有找到对 { $symbol } 的引用。{ err-finder-forms }
err-finder-missing = 在该消息中没有找到对 { $symbol } 的引用。消息提到了 { $missing }，但 { $symbol } 中没有这些内容（{ err-outline }）。{ err-finder-forms }

## 按钮

err-old-button = 该按钮来自已不存在的旧版机器人；请重新运行命令。

## 控制台（python -m bot console）

err-console-needs = 此命令需要{ $what ->
        [cite] 指定要引用的内容，例如 `/cite 4` 或 `/cite all`
        [paragraph] 段落引用，例如 `/paragraph 4`
        [footnote] 脚注编号，例如 `/footnote 5`
       *[search] 搜索内容，例如 `/search impunity`
    }。
err-console-language = 没有“{ $language }”这种正式语文。请从以下选项中选择：{ $languages }。
err-console-command = 没有 /{ $name } 命令。命令：{ $commands }。

## 命令的其他任何故障（bot.client）

err-command-gone = 此命令已不再可用；它可能要过一分钟才会从 Discord 中消失。
err-invalid-option = “{ $value }”不是此选项的有效值：{ $type ->
        [choice] 请从给出的选项中选择一项
        [integer] 应为整数
        [channel] 应为频道
        [number] 应为数字
        [boolean] 应为“是”或“否”
        [user] 应为用户
        [role] 应为身份组
        [mentionable] 应为用户或身份组
        [attachment] 应为上传的文件
       *[other] 应为 { $type } 类型的值
    }。
err-servers-only = 此命令只能在服务器中使用。
err-missing-permissions = 执行此操作需要{ $count ->
        [1] {""}
       *[other] 以下{ $count }项
    }权限：“{ $permissions }”。
err-not-here = 你不能在此处使用此命令。
err-discord-problem = Discord 处理该请求时出现问题；请稍后再试。
err-unexpected = 抱歉，我这边出了点问题。问题已记录；请重试。

# 列表中各名称之间（权限列表）：每项权限各带引号。
err-list-separator = {"”、“"}
# Discord 权限，使用 Discord 中文设置中显示的名称。
err-permission = { $permission ->
        [administrator] 管理员
        [manage_guild] 管理服务器
        [manage_channels] 管理频道
        [manage_messages] 管理消息
        [manage_threads] 管理子区
        [send_messages] 发送消息
        [send_messages_in_threads] 在子区中发送消息
        [embed_links] 嵌入链接
        [read_message_history] 阅读消息历史记录
        [view_channel] 查看频道
       *[other] { $permission }
    }
