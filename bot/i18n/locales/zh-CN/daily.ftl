# 每日发布：/daily 的所有回复和错误、/daily status 报告的问题、每日发布的标题。

## 每日发布本身（使用服务器的语言）

daily-date = { $year }年{ $month }月{ $day }日
daily-header = **每日段落** · { $date }
daily-post = { $header } · 第{ $index }项，共{ $total }项

## 列表和名称

daily-list-separator = {"、"}
daily-perm-view-channel = 查看频道
daily-perm-embed-links = 嵌入链接
daily-perm-send-messages = 发送消息
daily-perm-send-messages-in-threads = 在子区中发送消息
daily-order = { $order ->
        [document] { choice-order-document }
        [operative] { choice-order-operative }
        [preamble] { choice-order-preamble }
        [random] { choice-order-random }
       *[articles] { choice-order-articles }
    }
daily-order-short = { $order ->
        [document] 按文件顺序
        [operative] 仅执行部分
        [preamble] 仅序言部分
        [random] 随机顺序
       *[articles] 逐条发布
    }
daily-channel-named = #{ $name }
daily-channel-number = 频道 { $id }
daily-choice-channel-number = 频道 { $id }

## /daily set、stop、skip、preview

daily-set-done = 已{ $verb ->
        [resumed] 恢复
        [updated] 更新
       *[set] 设置
    } { $channel } 的每日发布：每天 { $time } { $zone }，{ $order }，来自 { $symbol }。
daily-set-next = 下一次发布：{ $when }（{ $relative }）：{ $label }（第{ $index }项，共{ $total }项）。
daily-stopped = 已停止 { $channel } 的每日发布。
daily-stopped-named = 已停止 { $channel }（#{ $name }）的每日发布。
daily-skipped = 已跳过 { $channel } 的 { $skipped }。下一次发布：{ $when }：{ $label }（第{ $index }项，共{ $total }项）。
daily-preview = { $channel } 下一次发布的预览，{ $when }：

## /daily status

daily-status-title = **每日发布**（{ $count }/{ $most }）
daily-status-none = 本服务器没有每日发布。请用 `/daily set channel:` 设置。
daily-status-line = • { $channel }，{ $time } { $zone }，{ $order } — 下一次 { $when }：{ $what }
daily-status-next = { $label }（第{ $index }项，共{ $total }项）
daily-status-invalid = （设置已失效）
daily-status-paused = ⏸ **已暂停**：{ $reason }。请先解决问题，再对该频道运行 `/daily set` 以恢复。
daily-status-problem = ⚠ 最近一次问题（{ $when }）：{ $problem }。
daily-status-overdue = ⚠ { $day }的发布未能在补发时限结束前发出：机器人在发送时停滞。它将被记为错过，不会延迟发布。
daily-status-no-history = ⚠ 我在该频道没有 **阅读消息历史记录** 权限：如果某次发布的回应丢失，我无法确认它是否已送达，因此不会再次发布。请授予此权限，使每日发布保持可靠。
daily-status-notice = • { $channel }：{ $message }（{ $when }）。
daily-status-more = ……另有{ $count }项。

## 发布出了什么问题（记录下来，在 /daily status 中显示）

daily-why-no-history = 我在该频道没有“阅读消息历史记录”权限，无法查找它
daily-why-unknown-permission = 我无法确认自己能否阅读该频道的历史记录，也没有在其中找到它
daily-why-refused = Discord 拒绝向我显示该频道的历史记录
daily-why-too-busy = 此后该频道发布了超过{ $count }条消息，太多，无法逐一查看
daily-why-unread = 我没能及时读取该频道的历史记录
daily-why-late = 机器人没能及时发送
daily-why-gone = 该频道已被删除
daily-why-not-found = Discord 找不到该频道
daily-why-lost-access = 我失去了对该频道的访问权限或在其中发布的权限
daily-why-server-problem = Discord 服务器出现问题（将重试）
daily-why-slow-down = Discord 要求我放慢速度
daily-why-refused-post = Discord 拒绝了这次发布
daily-why-unreachable = 我无法连接 Discord（将重试）
daily-why-no-answer = Discord 没有及时回应（将重试）
daily-why-temporary = 连接 Discord 时出现临时问题
daily-why-attempts = { $problem }，已尝试{ $count }次
daily-retrying = { $problem }；正在重试
daily-unconfirmed = { $day }的发布可能已送达 Discord，但{ $reason }，因此我无法确认 Discord 是否已接受；我没有再次发布，以免重复
daily-missed = { $day }的发布已错过：{ $why }，且补发时限（预定时间后{ $hours }小时）已过，因此没有延迟补发
daily-down-one = { $day }的发布已错过：当时机器人已停止运行（或无法连接其数据库），直到补发时限（发布时间后{ $hours }小时）过后才恢复，因此没有延迟补发
daily-down-range = { $first }至{ $last }的发布已错过：当时机器人已停止运行（或无法连接其数据库），直到补发时限（发布时间后{ $hours }小时）过后才恢复，因此没有延迟补发
daily-deleted = 该频道已被删除，其每日发布已停止
daily-zone-gone = 其时区“{ $zone }”已不在时区数据库中；请用现行时区（例如 Europe/Zurich）运行 `/daily set`
daily-settings-invalid = 其保存的设置已失效；请对该频道重新运行 `/daily set`
daily-keeps-failing = 机器人在准备发布时一再出错

## 错误

daily-need-manage = 需要“管理服务器”权限，或“管理频道”权限，才能更改每日发布。
daily-need-manage-in = 需要“管理服务器”权限，或 { $channel } 的“管理频道”权限，才能更改每日发布。
daily-status-need-manage = 需要“管理服务器”或“管理频道”权限才能查看每日发布。
daily-not-postable = { $channel } 是{ $kind ->
        [voice] 语音频道
        [stage_voice] 舞台频道
        [category] 频道类别
        [forum] 论坛频道
        [media] 媒体频道
       *[other] “{ $kind }”类频道
    }。每日发布只能发到文字频道、公告频道或子区。
daily-cannot-see = 我看不到 { $channel }。请在那里授予我“查看频道”权限（或把我加入该子区），然后重试。
daily-not-a-channel = { $channel } 不是我能发布的频道。
daily-cannot-check = 我现在无法检查自己在本服务器的权限；请一分钟后重试。
daily-missing-permissions = 我无法在 { $channel } 发布：我在那里缺少以下权限：{ $missing }。请在频道设置 → 权限中授予，然后重新运行此命令。
daily-locked-thread = { $channel } 是已锁定的子区，我无法在其中发布。请解锁，或选择其他频道。
daily-private-thread = { $channel } 是我不在其中的私密子区。请先把我加入（在那里提及我）。
daily-pick-from-list = 请从输入时出现的列表中选择频道（已删除的频道也在其中）。
daily-need-history = 每日发布需要我在 { $channel } 拥有“阅读消息历史记录”权限：我靠它在重试前确认发布是否已送达 Discord，从而绝不重复发布。请在频道设置 → 权限中授予，然后重新运行此命令。
daily-too-many = 本服务器已有{ $count }个每日发布，已达上限。请先用 `/daily stop` 停止一个，或用 `/daily set` 更改现有频道的设置。
daily-nothing-in-order = { $symbol } 在该顺序下没有可发布的内容（{ daily-order }）；它有执行部分第1至{ $operative }段{ $preambular ->
        [0] {""}
       *[other] 和序言部分第1至{ $preambular }段（PP1–PP{ $preambular }）
    }。
daily-no-schedule-there = { $channel } 没有每日发布。请用 `/daily set` 设置。
daily-none-yet = 本服务器还没有每日发布。请用 `/daily set channel:` 设置。
daily-say-which = 本服务器在 { $channels } 有每日发布：请用 `{ $option }` 选项指明是哪一个。
daily-just-stopped = 该每日发布刚刚已停止。
daily-bad-time = “{ $text }”不是时间：请使用24小时制 HH:MM，例如 09:00 或 18:30。
daily-bad-zone = “{ $zone }”不是我认识的时区。请使用 IANA 名称，例如 Europe/Geneva、America/New_York 或 UTC（开始输入即可看到建议）。
