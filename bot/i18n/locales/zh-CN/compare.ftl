# /compare 和 /trace：概览、分页、单个段落、追溯、按钮和错误（见 en-US/compare.ftl）。
# 修订标记 ~~删除线~~ 和 **粗体** 保持不变；引用的段落是联合国的原文。
# `OP 5`、`PP 3` 和决议编号在所有语言中写法相同。

## 决议的组成部分

cmp-part-preamble = 序言部分
cmp-part-operative = 执行部分
cmp-jump-preamble = 序言部分
cmp-jump-operative = 执行部分

## 段落的变化

cmp-change-unchanged = 未改动
cmp-change-modified = 已修改
cmp-change-new = 新增
cmp-change-dropped = 删除
cmp-change-split = 拆分
cmp-change-merged = 合并
cmp-change-moved = 移位
cmp-alike = 相似度{ $percent }%
cmp-modified-alike = 已修改（相似度{ $percent }%）
cmp-run-unchanged = { $refs } · 未改动
cmp-run-unchanged-renumbered = { $refs } · 未改动（原为 { $old }）

## 各部分按变化类型统计的段落数

cmp-count-unchanged = 未改动{ $count }段
cmp-count-modified = 修改{ $count }段
cmp-count-new = 新增{ $count }段
cmp-count-dropped = 删除{ $count }段
cmp-count-split = 拆分{ $count }段
cmp-count-merged = 合并{ $count }段
cmp-count-moved = 移位{ $count }段
cmp-count-nothing = 无

## 引导词（执行部分的动词）

cmp-direction = { $direction ->
        [stronger] 语气加强
        [weaker] 语气减弱
       *[changed] 措辞改变
    }
cmp-lead-words = 引导词

## 概览

cmp-overview-title = { $old } → { $new } · 改动内容
cmp-overview-description = 段落按文字而非编号配对：{ $old }（{ $old_year }年）→ { $new }（{ $new_year }年）。
cmp-addressees = 所涉对象
cmp-addressee-new = 新增：{ $name }
cmp-addressee-dropped = 删除：{ $name }
cmp-references-new = 新增援引
cmp-references-dropped = 不再援引
cmp-footnotes = 脚注（按内容比较）
cmp-footnote-dropped = ~~{ $old }~~ 删除：{ $text }
cmp-footnote-new = { $new } 新增：{ $text }
cmp-footnote-renumbered = { $new }（原为 { $old }）：{ $text }
cmp-overview-footer = 修订标记：~~删除~~ **插入**。{ cmp-more }：逐部分列出每一段。
cmp-overview-more = 第1页，共{ $total }页：点击 **{ cmp-more }** 查看每一段。
cmp-and-more = ……另有{ $count }项

## 分页

cmp-legend = ~~删除~~ **插入**
cmp-page-footer = 第{ $page }页，共{ $total }页 · { cmp-legend }

## 单个段落（/compare … paragraph:）

cmp-paragraph-new = 第{ $new }号决议新增：第{ $old }号决议中没有对应段落。
cmp-paragraph-dropped = 已删除：第{ $new }号决议中没有对应段落。
cmp-paragraph-footer = { cmp-legend } · 按文字而非编号配对

## /trace

cmp-trace-title = 追溯：{ $query }
cmp-trace-first = 首次出现于 { $number } { $ref }（{ $year }年）。
cmp-trace-first-strengthened = 首次出现于 { $number } { $ref }（{ $year }年）；在 { $later } 中语气加强。
cmp-trace-first-appearance = 首次出现
cmp-trace-unchanged-since = 与 { $symbol } 相比未改动
cmp-trace-elsewhere = 见于另一段落
cmp-trace-lead = { $direction ->
        [stronger] 引导词语气加强
        [weaker] 引导词语气减弱
       *[changed] 引导词有改动
    }
cmp-trace-against = 与 { $symbol } 相比：
cmp-trace-footer = 在所检索的{ $searched }项决议中出现于{ $found }项，按通过先后排列
cmp-trace-page = 第{ $page }页，共{ $total }页
cmp-trace-choice-words = “{ $text }”

## 按钮

cmp-previous = 上一页
cmp-more = 更多
cmp-official-text = 正式文本
cmp-post = 发布到频道

## 错误

cmp-error-same = 两项均为 { $symbol }：请选择两项不同的决议进行比较。
cmp-error-not-a-part = “{ $part }”不是决议的组成部分：请选择序言部分（`preamble`）或执行部分（`operative`）。
cmp-error-not-compared = { $symbol } 不是所比较的两项决议之一。
cmp-error-footnote = 此处比较的是段落；脚注在概览中按内容比较。
cmp-error-no-match = 文库中没有任何决议包含“{ $query }”。请减少字数，或输入段落，例如 `78/216 op 5`。
cmp-error-old-button = 该按钮来自已不复存在的旧版机器人；请重新运行命令。
cmp-error-trace-footnote = 追溯以段落为单位：请输入段落，例如 `78/216 op 5`，或引用原文。
cmp-error-trace-too-long = 该文本过长，无法追溯（{ $length }个字符）；请控制在{ $limit }个字符以内。
cmp-error-trace-empty = 请输入要追溯的文字，或输入段落，例如 `78/216 op 5`。
