# 阅读和引用命令所写的内容：/paragraph、/footnote、/summary、/search、/cite、/library、
# “引用所提及的段落”菜单，以及回复下方的按钮。
# 反引号中的代码（`/paragraph 4`、`PP 3`）是用户输入的内容，不翻译。

## 显示一个段落、脚注或条款

read-title = { $kind ->
        [preamble] 序言部分第{ $number }段
        [footnote] 脚注{ $number }
       *[operative] 执行部分第{ $number }段
    }
read-article = 第{ $number }条{ $rest }
read-declaration = 《宣言》
read-annexed = { $annex }，{ $article }
read-footnotes = 脚注
read-links = 链接
read-cited-in = 引用于
read-showing = 显示{ $total }项中的{ $shown }项（一条 Discord 消息最多容纳{ $embeds }个嵌入内容和{ $chars }个字符）。未显示：{ $rest }；{ $how }。
read-more-all = 点击 **更多** 或使用 `/paragraph { $rest }` 可查看
read-more-some = **更多** 显示 { $shows }；`/paragraph { $rest }` 显示全部
read-more-none = 使用 `/paragraph { $rest }` 可查看

## 引用的消息（“引用所提及的段落”菜单）

read-quoted-where = { $title } · 引用于 { $where }
read-also-cited = *（另引用：{ $others }。）*
read-not-in = *（{ $symbol } 中没有：{ $missing }。）*

## /summary

read-strength = { $strength ->
        [urges] 敦促
        [calls-upon] 促请
        [requests] 请
        [encourages] 鼓励
        [invites] 邀请
       *[other] 其他规定（未提出要求）
    }
read-also-to = *（亦针对：{ $who }）*
read-summary-everyone = 要求谁做什么
read-summary-who = { $plural ->
        [yes] 对以下对象的要求：{ $who }
       *[no] 对以下对象的要求：{ $who }
    }
read-summary-continued = { $title }（续）
read-summary-footer = 这些是为本机器人撰写的通俗摘要（英文），并非决议的措辞。如需正式文本，请使用 /paragraph 加段落编号。
read-summary-footer-opening = 本文本尚未撰写摘要：每行引号中的内容是该段落自身的开头文字。如需完整的正式文本，请使用 /paragraph 加段落编号。
read-summary-footer-mixed = 引号中的行是该段落自身的开头文字（尚未撰写摘要）；其余为本机器人撰写的通俗摘要（英文），并非决议的措辞。如需正式文本，请使用 /paragraph 加段落编号。
read-page-more = 第{ $page }页，共{ $pages }页：**更多** 显示其余内容。
read-page = 第{ $page }页，共{ $pages }页。

## /search

read-search-corrected = 没有完全匹配的结果，因此我搜索了相近的词：{ $fixed }。
read-search-correction = “{ $typed }” → “{ $searched }”
read-search-unknown = 在任何文本中都未找到：{ $words }。
read-search-some = 没有任何段落包含所有这些词；以下段落包含其中一部分。
read-search-nothing-library = 我提供的文本中没有与“{ $query }”匹配的内容。
read-search-nothing = { $symbol } 中没有与“{ $query }”匹配的内容。
read-search-close = 文本中的相近词：{ $words }。
read-search-try = 请尝试减少或更换搜索词，或使用 `/paragraph` 浏览。
read-sentences = { $first }{ $next }
read-list-separator = 、
read-search-title = 搜索：{ $query }
read-search-best = 共{ $total }个结果，显示最佳的{ $shown }个 · 使用 /paragraph 加编号查看全文
read-search-count = 共{ $total }个结果 · 使用 /paragraph 加编号查看全文

## /cite

read-style = { $style ->
        [un] 联合国惯例
        [short] 文号
       *[other] { $name }
    }
read-cite-running = 正文中的写法：
read-cite-official = 正式文本：<{ $url }>
read-cite-whole = *（整份决议太长，无法在此引用：请引用具体段落。）*
read-cite-whole-declaration = *（整份《宣言》太长，无法在此引用：请引用具体条款。）*
read-quote-shortened = *（引文已缩短以容纳于一条消息；`/paragraph { $refs }` 显示全文。）*
read-not-quoted = *（为容纳于一条消息而未引用：{ $rest }；{ $ask }。）*
read-not-quoted-ask = `/paragraph { $refs }` 可显示这些内容
read-not-quoted-ask-bare = `/paragraph` 可显示这些内容

## /library

read-library-title = 文库：共{ $count }份文件
read-library-default = ← 此处默认文本
read-library-sizes = 序言部分{ $preambular }段、执行部分{ $operative }段、脚注{ $footnotes }个
read-library-articles = ，第1至{ $count }条
read-library-annex = { $name }（附件{ $number }）
read-library-footer = 每个阅读和引用命令都有 document 选项：文号、编号（78/216）、年份（2023）或标题中的词语（Declaration）。已指明文件的引用（A/RES/78/216 para 5）无需此选项。

## 按钮

read-button-previous = 上一项
read-button-next = 下一项
read-button-footnotes = 脚注
read-button-cite = 引用
read-button-official = 正式文本
read-button-more = 更多
read-button-post = 发布到频道
read-button-open = 打开 { $number }
read-button-open-annex = 打开 { $number } 附件

## “发布到频道”未能发布时

read-post-locked = 此子区已锁定：只有拥有 **管理子区** 权限的人才能在其中发言，因此我不会代你在此发布。你的私人副本仍然对你可见。
read-post-refused = 你本人无法在此{ $where ->
        [thread] 子区
       *[channel] 频道
    }发言（需要 { $needed } { $count ->
       *[other] 权限
    }），因此我不会代你在此发布。你的私人副本仍然对你可见。
read-permission = { $permission ->
        [threads] 在子区中发送消息
       *[send] 发送消息
    }
read-permissions = { $first } 和 { $second }
read-post-wait = 你刚刚发布过：{ $seconds }秒后可以再次发布。你的私人副本仍然对你可见。

## 终端控制台（python -m bot console）

read-console-no-locale = 没有“{ $typed }”这种界面语言。请从以下选择：{ $locales }。

## 页脚和标题中的出处（大会决议执行部分各段）

read-reference = 大会第{ $number }号决议，{ $pin }

## 自动补全：选项名称的其余部分（其值是用户输入的内容，各语言相同）

read-choice-items = { $count }项
read-choice-footnote = { $text }（见 { $where }）
read-choice-everyone = 所有人（全部对象）
