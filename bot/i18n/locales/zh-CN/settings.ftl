# /settings document：服务器中命令默认读取的文本（见 en-US/settings.ftl）。
# $title 是文件本身的标题，与库中所载一致。

set-document-reset = 今后，除非另有指定，此服务器中的命令将读取 **{ $symbol }**。
set-document-current = 除非命令指定其他文本，此服务器中的命令读取 **{ $symbol }**（{ $title }）。可用 `document` 选项另选一份；`/library` 会列出所有文本。
set-document-set = 今后，此服务器中的命令默认读取 **{ $symbol }**（{ $title }）。任何人仍可用命令的 `document` 选项选择其他文本。
