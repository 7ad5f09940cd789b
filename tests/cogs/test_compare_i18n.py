"""/compare and /trace in the reader's language, through the real CommandTree as Discord drives it.

Every word of ours (titles, counts, page footers, buttons, the trace's lines, errors) comes from
compare.ftl in the interface language; the paragraphs and the redlines are the UN's words and stay
as they are. Pages are cut alike in every language, so a button leads to the same paragraphs
whoever clicks it, and every page keeps within Discord's limits in the longer languages too."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.compare_render import all_pages, compare_answer, replay, trace_answer
from bot.content.errors import UserError
from bot.content.library import Library, load_library
from bot.i18n import LOCALES
from bot.i18n.catalogue import shipped_catalogues
from bot.render import CHARS_PER_MESSAGE, DESCRIPTION_LIMIT, FIELD_VALUE_LIMIT
from tests.cogs.test_citing import buttons
from tests.cogs.test_compare import defenders  # noqa: F401  (the module's library fixture)
from tests.cogs.test_reading import AUTOCOMPLETE_RESULT, assert_within_discord_limits, is_ephemeral, message
from tests.conftest import CONTENT, DiscordEnv, close_env, make_env
from tests.fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    OTHER_USER_ID,
    USER_ID,
    Recorded,
    component_payload,
    interaction_payload,
    message_payload,
    option,
    user_payload,
)

UPDATE_MESSAGE = 7
ROOT = Path(__file__).resolve().parents[2]

# What each language says, and the English it replaces.
WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        "lead words": "Mots introductifs",
        "changed": "(différent)",
        "addressees": "Destinataires",
        "new addressee": "nouveau\u00a0: Rapporteur spécial",
        "dropped addressee": "retiré\u00a0: Secrétaire général",
        "strengthened": "Première occurrence\u00a0: 62/152 OP 15 (2007)\u00a0; formulation renforcée dans 76/174.",
        "stronger": "**76/174 OP 30** (2021) · mots introductifs plus fermes · par rapport à A/RES/74/146\u00a0:",
        "weaker": "**76/174 OP 8** (2021) · mots introductifs moins fermes",
        "what changed": "ce qui a changé",
        "parts": ["Préambule", "Dispositif"],
        "preamble counts": "17 inchangés · 3 modifiés · 8 nouveaux · 4 supprimés",
        "operative counts": "21 inchangés · 7 modifiés · 7 nouveaux · 3 supprimés · 1 scindé · 1 déplacé",
        "footnotes": "Notes de bas de page (comparées par leur contenu)",
        "renumbered note": "⁶ (anciennement ⁹)\u00a0: Resolution 70/1.",
        "more": "Page 1 sur 8\u00a0: **Suite** affiche chaque paragraphe.",
        "buttons": ["Précédent", "Suite", "Préambule", "Dispositif", "Texte officiel"],
        "modified": "**PP 5 → PP 5** · modifié (similaire à 37\u00a0%)",
        "new": "**PP 6** · nouveau",
        "page footer": "Page 2 sur 8 · ~~supprimé~~ **ajouté**",
        "no counterpart": "Nouveau dans la résolution 78/216\u00a0: la résolution 76/174 n’a pas d’équivalent.",
        "split": "**OP 11 → OP 13, 14** · scindé",
        "trace title": "Historique\u00a0: 78/216 op 6",
        "trace first": "Première occurrence\u00a0: 74/146 OP 1 (2019).",
        "trace block": "**74/146 OP 1** (2019) · similaire à 58\u00a0% · **première occurrence**",
        "trace against": "**76/174 OP 5** (2021) · similaire à 96\u00a0% · par rapport à A/RES/74/146\u00a0:",
        "trace footer": "Dans 3 résolutions sur 4, par ordre d’adoption",
        "unchanged since": "**76/174 OP 6** (2021) · inchangé depuis A/RES/74/146",
        "no match": "Aucune résolution de la bibliothèque ne contient «\u00a0interplanetary broadcasting quotas\u00a0».",
        "same": "Les deux désignent A/RES/76/174\u00a0: choisissez deux résolutions différentes à comparer.",
        "old button": "Ce bouton provient d’une version du bot qui n’existe plus",
        "post": "Publier dans le salon",
        "quoted": "«\u00a0online and off\u00a0»",
    },
    "es-ES": {
        "lead words": "Palabras iniciales",
        "changed": "(distinto)",
        "addressees": "Destinatarios",
        "new addressee": "nuevo: Relator Especial",
        "dropped addressee": "suprimido: Secretario General",
        "strengthened": "Primera aparición: 62/152 OP 15 (2007); formulación reforzada en 76/174.",
        "stronger": "**76/174 OP 30** (2021) · palabras iniciales más firmes · respecto de A/RES/74/146:",
        "weaker": "**76/174 OP 8** (2021) · palabras iniciales menos firmes",
        "what changed": "qué cambió",
        "parts": ["Preámbulo", "Parte dispositiva"],
        "preamble counts": "17 sin cambios · 3 modificados · 8 nuevos · 4 suprimidos",
        "operative counts": "21 sin cambios · 7 modificados · 7 nuevos · 3 suprimidos · 1 dividido · 1 desplazado",
        "footnotes": "Notas a pie de página (comparadas por su contenido)",
        "renumbered note": "⁶ (antes ⁹): Resolution 70/1.",
        "more": "Página 1 de 8: **Más** muestra todos los párrafos.",
        "buttons": ["Anterior", "Más", "Preámbulo", "Parte dispositiva", "Texto oficial"],
        "modified": "**PP 5 → PP 5** · modificado (similitud del 37 %)",
        "new": "**PP 6** · nuevo",
        "page footer": "Página 2 de 8 · ~~suprimido~~ **añadido**",
        "no counterpart": "Nuevo en la resolución 78/216: la resolución 76/174 no tiene equivalente.",
        "split": "**OP 11 → OP 13, 14** · dividido",
        "trace title": "Trayectoria: 78/216 op 6",
        "trace first": "Primera aparición: 74/146 OP 1 (2019).",
        "trace block": "**74/146 OP 1** (2019) · similitud del 58 % · **primera aparición**",
        "trace against": "**76/174 OP 5** (2021) · similitud del 96 % · respecto de A/RES/74/146:",
        "trace footer": "En 3 de 4 resoluciones, por orden de aprobación",
        "unchanged since": "**76/174 OP 6** (2021) · sin cambios desde A/RES/74/146",
        "no match": "Ninguna resolución de la biblioteca contiene «interplanetary broadcasting quotas».",
        "same": "Ambas son A/RES/76/174: elija dos resoluciones distintas para compararlas.",
        "old button": "Ese botón es de una versión del bot que ya no existe",
        "post": "Publicar en el canal",
        "quoted": "«online and off»",
    },
    "ru": {
        "lead words": "Вводные слова",
        "changed": "(иначе)",
        "addressees": "Адресаты",
        "new addressee": "новый: Специальный докладчик",
        "dropped addressee": "исключён: Генеральный секретарь",
        "strengthened": "Впервые: 62/152 OP 15 (2007); формулировка усилена в 76/174.",
        "stronger": "**76/174 OP 30** (2021) · вводные слова сильнее · по сравнению с A/RES/74/146:",
        "weaker": "**76/174 OP 8** (2021) · вводные слова мягче",
        "what changed": "что изменилось",
        "parts": ["Преамбула", "Постановляющая часть"],
        "preamble counts": "без изменений: 17 · изменено: 3 · новых: 8 · исключено: 4",
        "operative counts": "без изменений: 21 · изменено: 7 · новых: 7 · исключено: 3 · разделено: 1 · перемещено: 1",
        "footnotes": "Сноски (сравниваются по содержанию)",
        "renumbered note": "⁶ (ранее ⁹): Resolution 70/1.",
        "more": "Страница 1 из 8: кнопка **Далее** показывает все пункты.",
        "buttons": ["Назад", "Далее", "Преамбула", "Постановляющая часть", "Официальный текст"],
        "modified": "**PP 5 → PP 5** · изменён (сходство 37 %)",
        "new": "**PP 6** · новый",
        "page footer": "Страница 2 из 8 · ~~удалено~~ **добавлено**",
        "no counterpart": "Новый пункт в резолюции 78/216: в резолюции 76/174 соответствующего пункта нет.",
        "split": "**OP 11 → OP 13, 14** · разделён",
        "trace title": "История формулировки: 78/216 op 6",
        "trace first": "Впервые: 74/146 OP 1 (2019).",
        "trace block": "**74/146 OP 1** (2019) · сходство 58 % · **впервые**",
        "trace against": "**76/174 OP 5** (2021) · сходство 96 % · по сравнению с A/RES/74/146:",
        "trace footer": "В 3 из 4 резолюций, в порядке принятия",
        "unchanged since": "**76/174 OP 6** (2021) · без изменений по сравнению с A/RES/74/146",
        "no match": "Ни одна резолюция в библиотеке не содержит «interplanetary broadcasting quotas».",
        "same": "Оба варианта указывают на A/RES/76/174: выберите для сравнения две разные резолюции.",
        "old button": "Эта кнопка осталась от версии бота, которой больше нет",
        "post": "Опубликовать в канале",
        "quoted": "«online and off»",
    },
    "zh-CN": {
        "lead words": "引导词",
        "changed": "(措辞改变)",
        "addressees": "所涉对象",
        "new addressee": "新增：特别报告员",
        "dropped addressee": "删除：秘书长",
        "strengthened": "首次出现于 62/152 OP 15（2007年）；在 76/174 中语气加强。",
        "stronger": "**76/174 OP 30** (2021) · 引导词语气加强 · 与 A/RES/74/146 相比：",
        "weaker": "**76/174 OP 8** (2021) · 引导词语气减弱",
        "what changed": "改动内容",
        "parts": ["序言部分", "执行部分"],
        "preamble counts": "未改动17段 · 修改3段 · 新增8段 · 删除4段",
        "operative counts": "未改动21段 · 修改7段 · 新增7段 · 删除3段 · 拆分1段 · 移位1段",
        "footnotes": "脚注（按内容比较）",
        "renumbered note": "⁶（原为 ⁹）：Resolution 70/1.",
        "more": "第1页，共8页：点击 **更多** 查看每一段。",
        "buttons": ["上一页", "更多", "序言部分", "执行部分", "正式文本"],
        "modified": "**PP 5 → PP 5** · 已修改（相似度37%）",
        "new": "**PP 6** · 新增",
        "page footer": "第2页，共8页 · ~~删除~~ **插入**",
        "no counterpart": "第78/216号决议新增：第76/174号决议中没有对应段落。",
        "split": "**OP 11 → OP 13, 14** · 拆分",
        "trace title": "追溯：78/216 op 6",
        "trace first": "首次出现于 74/146 OP 1（2019年）。",
        "trace block": "**74/146 OP 1** (2019) · 相似度58% · **首次出现**",
        "trace against": "**76/174 OP 5** (2021) · 相似度96% · 与 A/RES/74/146 相比：",
        "trace footer": "在所检索的4项决议中出现于3项，按通过先后排列",
        "unchanged since": "**76/174 OP 6** (2021) · 与 A/RES/74/146 相比未改动",
        "no match": "文库中没有任何决议包含“interplanetary broadcasting quotas”。",
        "same": "两项均为 A/RES/76/174：请选择两项不同的决议进行比较。",
        "old button": "该按钮来自已不复存在的旧版机器人",
        "post": "发布到频道",
        "quoted": "“online and off”",
    },
}
TRANSLATED = sorted(WORDS)

# English of ours that must be gone from a translated reply (the UN's own words may say "new" etc.,
# so these are matched as our phrases, with the marks around them).
ENGLISH = [
    "what changed",
    "Paragraphs paired by their words",
    '"Preamble"',
    "Operative part",
    " unchanged",
    " modified",
    " new\\n",
    " dropped",
    "Lead words",
    "Addressees",
    "New references",
    "References no longer made",
    "Footnotes (compared by content)",
    "(was ",
    "Redlines:",
    "~~deleted~~",
    "**inserted**",
    "Page 1 of",
    "shows every paragraph",
    '"Previous"',
    '"More"',
    '"Official text"',
    "Post to channel",
    "% alike",
    "First in",
    "first appearance",
    "unchanged since",
    "in another paragraph",
    "lead words",
    "against A/RES",
    "in adoption order",
    "trace: ",
    "has no counterpart",
    "paired by text",
    "strengthened in",
    "(changed)",
    "(stronger)",
    "(weaker)",
    "new: ",
    "dropped: ",
]


def assert_no_english(data: dict[str, Any]) -> None:
    shown = json.dumps(data, ensure_ascii=False)
    left = [phrase for phrase in ENGLISH if phrase in shown]
    assert not left, f"English left in the reply: {left}"


@pytest.fixture
async def env(defenders: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:  # noqa: F811
    environment = await make_env(defenders, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


async def run(env: DiscordEnv, command: str, locale: str, *options: dict[str, Any], **kw: Any) -> Recorded:
    payload = interaction_payload(command, list(options), **kw)
    payload["locale"] = locale
    return await env.dispatch(payload)


async def compare(env: DiscordEnv, locale: str, old: str, new: str, **kw: str) -> Recorded:
    return await run(
        env, "compare", locale, option("from", old), option("to", new), *(option(k, v) for k, v in kw.items())
    )


async def click(env: DiscordEnv, sent: Recorded | dict[str, Any], label: str, locale: str, **kw: Any) -> Recorded:
    """Click a button as someone whose Discord speaks `locale`."""
    data = sent if isinstance(sent, dict) else sent.json["data"]
    (button,) = [b for b in buttons(data).values() if b.get("label") == label]
    shown = message_payload(CHANNEL_ID, data, author=user_payload(BOT_ID, "resolution-bot", bot=True))
    payload = component_payload(shown, button["custom_id"], **kw)
    payload["locale"] = locale
    return await env.dispatch(payload)


def description(data: dict[str, Any]) -> str:
    (embed,) = data["embeds"]
    return str(embed["description"])


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_the_overview_is_in_the_reader_s_language(env: DiscordEnv, locale: str) -> None:
    words = WORDS[locale]
    data = message(await compare(env, locale, "76/174", "78/216"))
    assert not is_ephemeral(data)
    (embed,) = data["embeds"]
    assert embed["title"] == f"A/RES/76/174 → A/RES/78/216 · {words['what changed']}"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    preamble, operative = words["parts"]
    assert fields[preamble] == words["preamble counts"]
    assert fields[operative] == words["operative counts"]
    assert words["renumbered note"] in fields[words["footnotes"]]
    assert "Human Rights Council resolution 52/4" in "".join(fields.values())  # the UN's words, as they are
    assert data["content"] == words["more"]
    assert list(buttons(data)) == words["buttons"]
    assert_no_english(data)
    assert_within_discord_limits(data)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_page_click_answers_in_the_clicker_s_language(env: DiscordEnv, locale: str) -> None:
    """The command asked in English; its owner, now with Discord in another language, clicks More."""
    words = WORDS[locale]
    sent = await compare(env, "en-US", "76/174", "78/216")
    assert "More" in buttons(sent.json["data"])
    moved = await click(env, sent, "More", locale)
    assert moved.json["type"] == UPDATE_MESSAGE
    data = moved.json["data"]
    (embed,) = data["embeds"]
    assert embed["title"] == f"76/174 → 78/216 · {words['parts'][0]}"
    assert words["modified"] in embed["description"]
    assert words["new"] in embed["description"]
    assert "~~resolutions 66~~**resolution 76**" in embed["description"]  # the redline is the UN's text
    assert embed["footer"]["text"] == words["page footer"]
    assert_no_english(data)
    assert_within_discord_limits(data)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_every_page_shows_the_same_paragraphs_in_every_language(defenders: Library, locale: str) -> None:  # noqa: F811
    english = all_pages(defenders, "76/174", "78/216")
    translated = all_pages(defenders, "76/174", "78/216", locale=locale)
    assert len(translated) == len(english) > 3

    def refs(text: str) -> list[str]:
        return re.findall(r"(?:PP|OP) \d+", text)

    for ours, theirs in zip(english[1:], translated[1:], strict=True):
        assert refs(theirs.embeds[0].description or "") == refs(ours.embeds[0].description or "")


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_one_paragraph_is_in_the_reader_s_language(env: DiscordEnv, locale: str) -> None:
    words = WORDS[locale]
    data = message(await compare(env, locale, "76/174", "78/216", paragraph="op 22"))
    assert description(data).startswith(words["no counterpart"])
    assert list(buttons(data)) == [words["buttons"][-1]]
    assert_no_english(data)
    split = message(await compare(env, locale, "76/174", "78/216", paragraph="op 14"))
    assert description(split).startswith(words["split"])
    assert_no_english(split)
    assert_within_discord_limits(split)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_trace_is_in_the_reader_s_language(env: DiscordEnv, locale: str) -> None:
    words = WORDS[locale]
    data = message(await run(env, "trace", locale, option("text", "78/216 op 6")))
    (embed,) = data["embeds"]
    assert embed["title"] == words["trace title"]
    assert embed["description"].startswith(words["trace first"])
    assert words["trace block"] in embed["description"]
    assert words["trace against"] in embed["description"]
    assert embed["footer"]["text"].startswith(words["trace footer"])
    assert_no_english(data)
    assert_within_discord_limits(data)
    phrase = message(await run(env, "trace", locale, option("text", "online and offline")))
    assert words["unchanged since"] in description(phrase)
    assert_no_english(phrase)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_lead_words_and_addressees_are_in_the_reader_s_language(env: DiscordEnv, locale: str) -> None:
    words = WORDS[locale]
    data = message(await compare(env, locale, "62/152", "78/216"))
    fields = {f["name"]: f["value"] for f in data["embeds"][0]["fields"]}
    lead = fields[words["lead words"]]
    assert lead == f"OP 2 → OP 31: ~~Takes note with appreciation~~ **Takes note** {words['changed']}"
    assert words["new addressee"] in fields[words["addressees"]]
    assert words["dropped addressee"] in fields[words["addressees"]]
    assert_no_english(data)
    one = message(await compare(env, locale, "62/152", "78/216", paragraph="op 31"))
    assert [f["name"] for f in one["embeds"][0]["fields"]] == [words["lead words"]]
    assert_no_english(one)
    stronger = message(await run(env, "trace", locale, option("text", "78/216 op 35")))
    assert description(stronger).startswith(words["strengthened"])
    assert words["stronger"] in description(stronger)
    weaker = message(await run(env, "trace", locale, option("text", "78/216 op 9")))
    assert words["weaker"] in description(weaker)
    for each in (stronger, weaker):
        assert_no_english(each)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_the_errors_are_in_the_reader_s_language(env: DiscordEnv, locale: str) -> None:
    words = WORDS[locale]
    nothing = message(await run(env, "trace", locale, option("text", "interplanetary broadcasting quotas")))
    assert is_ephemeral(nothing) and nothing["content"].startswith(words["no match"])
    same = message(await compare(env, locale, "76/174", "A/RES/76/174"))
    assert is_ephemeral(same) and same["content"] == words["same"]
    # A button of a bot version that no longer exists: the clicker is told in their language.
    sent = await compare(env, "en-US", "76/174", "78/216")
    for row in sent.json["data"]["components"]:
        for button in row["components"]:
            if button.get("label") == "More":
                button["custom_id"] = f"rbx:go:{USER_ID}:a-page-of-another-form"
    old = message(await click(env, sent, "More", locale))
    assert is_ephemeral(old) and old["content"].startswith(words["old button"])
    for data in (nothing, same, old):
        assert_no_english(data)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_someone_else_s_copy_is_in_their_language_and_posts_in_the_server_s(env: DiscordEnv, locale: str) -> None:
    """Anyone else clicking gets a private copy in their language; "Post to channel" then speaks
    for the server, in the server's language (here English, then Chinese)."""
    words = WORDS[locale]
    sent = await compare(env, "en-US", "76/174", "78/216")
    copy = message(await click(env, sent, "More", locale, user_id=OTHER_USER_ID))
    assert is_ephemeral(copy)
    assert copy["embeds"][0]["title"] == f"76/174 → 78/216 · {words['parts'][0]}"
    assert words["post"] in buttons(copy)
    assert_no_english(copy)
    posted = message(await click(env, copy, words["post"], locale, user_id=OTHER_USER_ID))
    assert not is_ephemeral(posted) and posted["embeds"][0]["title"] == "76/174 → 78/216 · Preamble"
    await env.storage.set_server_language(GUILD_ID, "zh-CN", now=env.clock.now())
    env.bot.languages.servers.forget(GUILD_ID)  # as /settings server-language does
    posted = message(await click(env, copy, words["post"], locale, user_id=OTHER_USER_ID))
    assert posted["embeds"][0]["title"] == "76/174 → 78/216 · 序言部分"


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_trace_autocomplete_quotes_the_words_the_reader_s_way(env: DiscordEnv, locale: str) -> None:
    sent = await run(env, "trace", locale, option("text", "online and off", focused=True), autocomplete=True)
    assert sent.json["type"] == AUTOCOMPLETE_RESULT
    first = sent.json["data"]["choices"][0]
    assert first == {"name": WORDS[locale]["quoted"], "value": "online and off"}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_stays_within_discord_limits_in_every_language(tmp_path: Path, locale: str) -> None:
    """The longest texts the loader allows, two unrelated resolutions: the most there is to say."""
    from tests import generated

    paths = [
        generated.write(tmp_path, generated.document(i, preamble=30, operative=60, footnotes=40, longest=True))
        for i in (1, 2)
    ]
    library = load_library(paths, None)
    first, second = (library.entry(s).document.meta.number for s in library.symbols)
    replies = all_pages(library, first, second, locale=locale)
    assert len(replies) == len(all_pages(library, first, second)) > 2
    for reply in replies:
        for embed in reply.embeds:
            assert len(embed.title or "") <= 256 and len(embed.footer.text or "") <= 2048
            assert len(embed.description or "") <= DESCRIPTION_LIMIT
            assert all(len(str(f.value)) <= FIELD_VALUE_LIMIT and len(str(f.name)) <= 256 for f in embed.fields)
        assert sum(len(e) for e in reply.embeds) <= CHARS_PER_MESSAGE
        assert len(reply.content or "") <= 2000
    answer = compare_answer(library, first, second, locale=locale)
    assert answer.pages is not None
    assert all(len(label) <= 80 for label, _ in answer.pages.jumps)
    number = library.entry(first).document.meta.number
    traced = trace_answer(library, f"{number} op 3", locale=locale)
    assert sum(len(e) for e in traced.reply.embeds) <= CHARS_PER_MESSAGE
    if traced.pages is not None and traced.pages.current is not None:
        assert sum(len(e) for e in replay(library, traced.pages.current, locale).reply.embeds) <= CHARS_PER_MESSAGE


def test_the_buttons_labels_fit_in_every_language() -> None:
    catalogues = shipped_catalogues()
    for locale in LOCALES:
        for key in (
            "cmp-previous",
            "cmp-more",
            "cmp-official-text",
            "cmp-post",
            "cmp-jump-preamble",
            "cmp-jump-operative",
        ):
            assert 1 <= len(catalogues.format(locale, key)) <= 80, (locale, key)


def test_the_command_line_stays_english(defenders: Library) -> None:  # noqa: F811
    from bot.compare_render import command_line

    text = command_line(defenders, "76/174", "78/216", None, "text")
    assert "what changed" in text and "17 unchanged · 3 modified" in text


@pytest.mark.parametrize("path", ["bot/compare_render.py", "bot/content/trace.py", "bot/cogs/compare.py"])
def test_every_error_of_compare_and_trace_is_a_catalogue_message(path: str) -> None:
    """`UserError("cmp-…", **args)`: a key of compare.ftl, with the arguments its English uses."""
    catalogues = shipped_catalogues()
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "UserError":
            (first,) = node.args
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), f"{path}:{node.lineno}"
            key = first.value
            assert key.startswith("cmp-") and catalogues.has("en-US", key), f"{path}:{node.lineno}: {key}"
            args = {k.arg: "1" for k in node.keywords if k.arg}
            for locale in LOCALES:
                assert "{$" not in catalogues.format(locale, key, **args), (locale, key)  # no argument missing


def test_an_error_is_worded_in_the_locale_it_is_asked_for(defenders: Library) -> None:  # noqa: F811
    with pytest.raises(UserError) as raised:
        compare_answer(defenders, "76/174", "78/216", part="annex")
    assert raised.value.message == "“annex” is not a part: choose preamble or operative."
    assert raised.value.text("fr").startswith("«\u00a0annex\u00a0» n’est pas une partie")
    assert raised.value.text("zh-CN").startswith("“annex”不是决议的组成部分")


def test_the_command_line_speaks_a_language_when_told(tmp_path: Path) -> None:
    from tests.test_cli import run

    config = tmp_path / "config.yaml"
    documents = f"documents:\n  - {CONTENT}\n  - {CONTENT.parent / 'a-res-78-216.yaml'}\n"
    config.write_text(documents + "default_document: A/RES/62/152\n", encoding="utf-8")
    result = run("compare", "62/152", "78/216", "--locale", "fr", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Page 1 sur ") and "ce qui a changé" in result.stdout
    refused = run("compare", "62/152", "A/RES/62/152", "--locale", "zh-CN", "--config", str(config))
    assert refused.returncode == 1 and "请选择两项不同的决议进行比较" in refused.stderr
