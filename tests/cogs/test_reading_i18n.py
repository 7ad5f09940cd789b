"""The reading and citing replies in the reader's interface language, through the real tree as Discord
drives it: /paragraph, /footnote, /summary, /search, /cite, /library, "Quote cited paragraphs" and the
buttons under them (the clicker's language; Post to channel in the server's).

Each test checks the translated words are there and the English ones they replace are not. The
resolution's own words, references and citations are not the interface: they are left alone here."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.answers import Answers
from bot.console import dispatch
from bot.content.library import Library, load_library
from bot.i18n import LOCALES, say
from bot.render import Reply, to_text
from tests import generated
from tests.cogs.test_citing import buttons
from tests.cogs.test_reading import assert_within_discord_limits, is_ephemeral, message
from tests.conftest import CONTENT, DiscordEnv, close_env, make_env
from tests.fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    OTHER_USER_ID,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    Recorded,
    chat_message,
    component_payload,
    interaction_payload,
    message_payload,
    option,
    user_payload,
)
from tests.test_render import assert_fits

CONTENT_DIR = CONTENT.parent
TRANSLATED = ("fr", "es-ES", "ru", "zh-CN")

# What each reply said in English before, and must no longer say in another language.
ENGLISH_BUTTONS = {"Previous", "Next", "Footnotes", "Cite", "Official text", "More", "Post to channel"}

TITLE = {
    "fr": "paragraphe du dispositif",
    "es-ES": "párrafo de la parte dispositiva",
    "ru": "пункт постановляющей части",
    "zh-CN": "执行部分第",
}
BUTTONS = {
    "fr": ["Précédent", "Suivant", "Notes de bas de page", "Citer", "Texte officiel"],
    "es-ES": ["Anterior", "Siguiente", "Notas a pie de página", "Citar", "Texto oficial"],
    "ru": ["Назад", "Далее", "Сноски", "Цитировать", "Официальный текст"],
    "zh-CN": ["上一项", "下一项", "脚注", "引用", "正式文本"],
}
# The reference under a paragraph: the UN's own wording of that language (bot.content.un_wording).
FOOTER = {
    "fr": "résolution 62/152 de l’Assemblée générale, par. 1 · ",
    "es-ES": "resolución 62/152 de la Asamblea General, párr. 1 · ",
    "ru": "резолюция Генеральной Ассамблеи 62/152, п. 1 · ",
    "zh-CN": "大会第62/152号决议，第1段 · ",
}
POST = {
    "fr": "Publier dans le salon",
    "es-ES": "Publicar en el canal",
    "ru": "Опубликовать в канале",
    "zh-CN": "发布到频道",
}


@pytest.fixture(scope="module")
def shelves() -> Library:
    # 62/152 (English only), 78/216 (in the six languages) and 53/144 (the Declaration, with articles).
    paths = [CONTENT, CONTENT_DIR / "a-res-78-216.yaml", CONTENT_DIR / "a-res-53-144.yaml"]
    return load_library(paths, "A/RES/62/152")


@pytest.fixture
async def lenv(shelves: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    environment = await make_env(shelves, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


async def run(env: DiscordEnv, command: str, locale: str, **options: Any) -> dict[str, Any]:
    payload = interaction_payload(command, [option(k, v) for k, v in options.items()])
    payload["locale"] = locale
    data = message(await env.dispatch(payload))
    assert_within_discord_limits(data)
    return data


async def click(env: DiscordEnv, data: dict[str, Any], label: str, locale: str, **kw: Any) -> dict[str, Any]:
    """Click the button labelled `label`, from a Discord client in `locale`."""
    (button,) = [b for row in data["components"] for b in row["components"] if b.get("label") == label]
    shown = message_payload(CHANNEL_ID, data, author=user_payload(BOT_ID, "resolution-bot", bot=True))
    payload = component_payload(shown, button["custom_id"], **kw)
    payload["locale"] = locale
    sent: Recorded = await env.dispatch(payload)
    assert sent.json["type"] in (4, 7), sent.json
    data = sent.json["data"]
    assert_within_discord_limits(data)
    return data


def words(data: dict[str, Any]) -> str:
    """Everything a reply shows but the resolution's text: content, titles, field names, footers, buttons."""
    parts = [data.get("content") or ""]
    for embed in data.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("footer", {}).get("text", "")]
        parts += [field["name"] for field in embed.get("fields", [])]
    parts += [label for label in buttons(data) if label]
    return "\n".join(parts)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_paragraph_its_title_fields_and_buttons_are_in_the_readers_language(
    lenv: DiscordEnv, locale: str
) -> None:
    data = await run(lenv, "paragraph", locale, ref="1")  # 62/152 OP1 cites a footnote
    (embed,) = data["embeds"]
    assert embed["title"].startswith(f"A/RES/62/152 · {TITLE[locale]}")
    assert "operative paragraph" not in embed["title"]
    assert [f["name"] for f in embed["fields"]] == [say(locale, "read-footnotes")]
    assert embed["footer"]["text"].startswith(FOOTER[locale])
    # Its footnote names 53/144's annex, which the library holds: a button opens it.
    assert list(buttons(data)) == [*BUTTONS[locale], say(locale, "read-button-open-annex", number="53/144")]
    assert not ENGLISH_BUTTONS & set(buttons(data)) and "Open 53/144, annex" not in buttons(data)


@pytest.mark.parametrize(
    ("locale", "said", "english"),
    [
        ("fr", ["10 sur 17 affichés", "Non affichés\u00a0: OP11-17", "**Suite** les affiche"], ["Showing", "Left out"]),
        ("es-ES", ["Se muestran 10 de 17", "Sin mostrar: OP11-17", "**Más** los muestra"], ["Showing", "Left out"]),
        ("ru", ["Показано 10 из 17", "Не показаны: OP11-17", "кнопка **Ещё**"], ["Showing", "Left out"]),
        ("zh-CN", ["显示17项中的10项", "未显示：OP11-17", "**更多**"], ["Showing", "Left out"]),
    ],
)
async def test_what_did_not_fit_is_said_in_the_readers_language(
    lenv: DiscordEnv, locale: str, said: list[str], english: list[str]
) -> None:
    data = await run(lenv, "paragraph", locale, ref="1-17")
    content = data["content"]
    assert all(s in content for s in said), content
    assert not any(e in content for e in english), content
    assert say(locale, "read-button-more") in buttons(data) and "More" not in buttons(data)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_footnote_and_the_paragraphs_citing_it(lenv: DiscordEnv, locale: str) -> None:
    data = await run(lenv, "footnote", locale, number="1")
    (embed,) = data["embeds"]
    assert say(locale, "read-title", kind="footnote", number="1") in embed["title"]
    names = [f["name"] for f in embed["fields"]]
    assert names == [say(locale, "read-links"), say(locale, "read-cited-in")]
    assert not {"Links", "Cited in"} & set(names) and "footnote 1" not in embed["title"]


@pytest.mark.parametrize(
    ("locale", "title", "heading"),
    [
        ("fr", "ce qui est demandé\u00a0: États", "**Demande**"),
        ("es-ES", "lo que se pide a: Estados", "**Exhorta**"),
        ("ru", "что просят сделать: государства", "**Призывает**"),
        ("zh-CN", "对以下对象的要求：各国", "**促请**"),
    ],
)
async def test_a_summary_its_headings_and_footer(lenv: DiscordEnv, locale: str, title: str, heading: str) -> None:
    data = await run(lenv, "summary", locale)
    (embed,) = data["embeds"]
    assert embed["title"] == f"A/RES/62/152 · {title}"
    assert heading in embed["description"] and "**Calls upon**" not in embed["description"]
    assert embed["footer"]["text"] == say(locale, "read-summary-footer")
    assert "Plain-language" not in words(data) and "asked to do" not in words(data)
    everyone = await run(lenv, "summary", locale, addressee="all")
    assert everyone["embeds"][0]["title"] == f"A/RES/62/152 · {say(locale, 'read-summary-everyone')}"
    # Who is asked is named as the UN's texts in that language name them, never in English (the
    # summaries of 62/152 themselves were written in English, and say so in the footer).
    shown = "\n".join(e["description"] for e in everyone["embeds"])
    named = re.findall(r"__\*\*(.+?)\*\*__", shown) + re.findall(r"\*\((?:[^:：]+)[:：]\s?(.+?)\)\*", shown)
    assert len(named) >= 4 and not {"States", "Secretary-General", "Special Representative"} & set(named), named
    assert "UN bodies" not in "".join(named) and "Office of the High Commissioner" not in "".join(named)


@pytest.mark.parametrize(
    ("locale", "footer", "nothing"),
    [
        (
            "fr",
            "résultats, les 5 meilleurs affichés",
            "Rien dans les textes que je propose ne correspond à «\u00a0zzqqxx\u00a0»",
        ),
        ("es-ES", "coincidencias, se muestran las 5 mejores", "Nada en los textos que ofrezco coincide con «zzqqxx»"),
        ("ru", "показаны 5 лучших", "В текстах, которые я предоставляю, нет совпадений с «zzqqxx»"),
        ("zh-CN", "显示最佳的5个", "我提供的文本中没有与“zzqqxx”匹配的内容"),
    ],
)
async def test_search_results_and_no_results(lenv: DiscordEnv, locale: str, footer: str, nothing: str) -> None:
    data = await run(lenv, "search", locale, query="defenders")
    (embed,) = data["embeds"]
    assert footer in embed["footer"]["text"] and "matches" not in embed["footer"]["text"]
    assert embed["title"].endswith(say(locale, "read-search-title", query="defenders"))
    assert "search:" not in embed["title"]
    missing = await run(lenv, "search", locale, query="zzqqxx")
    assert is_ephemeral(missing) and nothing in missing["content"]
    assert "Nothing in" not in missing["content"] and "Try fewer" not in missing["content"]
    # Sentences follow each other as the language writes them: Chinese puts no space between.
    tried = say(locale, "read-search-try")
    assert missing["content"].endswith(("。" if locale == "zh-CN" else ". ") + tried), missing["content"]


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_citation_s_wrapper_is_in_the_readers_language_and_the_legal_styles_keep_their_names(
    lenv: DiscordEnv, locale: str
) -> None:
    data = await run(lenv, "cite", locale, ref="4", style="un", quote=True)
    content = data["content"]
    assert say(locale, "read-cite-official", url="https://undocs.org/en/A/RES/62/152") in content
    assert f"**{say(locale, 'read-style', style='un', name='UN usage')}**" in content
    assert "Official text:" not in content and "**UN usage**" not in content and "In running text" not in content
    bluebook = await run(lenv, "cite", locale, ref="4", style="bluebook")
    assert bluebook["content"].startswith("**Bluebook**")
    whole = await run(lenv, "cite", locale, ref="all", quote=True)
    assert say(locale, "read-cite-whole") in whole["content"]  # after the line that the text is not in French
    assert "too long to quote" not in whole["content"]


@pytest.mark.parametrize(
    ("locale", "title", "default", "sizes"),
    [
        ("fr", "La bibliothèque\u00a0: 3 documents", "← texte par défaut ici", "15 alinéas du préambule"),
        ("es-ES", "La biblioteca: 3 documentos", "← texto por defecto aquí", "15 párrafos del preámbulo"),
        ("ru", "Библиотека: 3 документа", "← здесь по умолчанию", "15 пунктов преамбулы"),
        ("zh-CN", "文库：共3份文件", "← 此处默认文本", "序言部分15段"),
    ],
)
async def test_the_library(lenv: DiscordEnv, locale: str, title: str, default: str, sizes: str) -> None:
    data = await run(lenv, "library", locale)
    (embed,) = data["embeds"]
    assert embed["title"] == title
    assert default in embed["description"] and sizes in embed["description"]
    assert embed["footer"]["text"] == say(locale, "read-library-footer")
    assert "default here" not in embed["description"] and "The library" not in embed["title"]
    assert "preambular and" not in embed["description"] and "Every reading" not in embed["footer"]["text"]


@pytest.mark.parametrize(
    ("locale", "article"),
    [("fr", "Déclaration, article 12"), ("es-ES", "Declaración, artículo 12"), ("ru", "Декларация, статья 12"),
     ("zh-CN", "《宣言》，第12条")],
)  # fmt: skip
async def test_an_article_of_the_declaration(lenv: DiscordEnv, locale: str, article: str) -> None:
    data = await run(lenv, "paragraph", locale, ref="53/144 art 12")
    assert data["embeds"][0]["title"] == f"A/RES/53/144 · {article}"
    assert "Article" not in data["embeds"][0]["title"]


@pytest.mark.parametrize(
    ("locale", "cited"),
    [("fr", "· cité dans "), ("es-ES", "· citado en "), ("ru", "· упомянуто в "), ("zh-CN", "· 引用于 ")],
)
async def test_quote_cited_paragraphs_says_where_in_the_readers_language(
    lenv: DiscordEnv, locale: str, cited: str
) -> None:
    payload = interaction_payload("Quote cited paragraphs", target=chat_message("See paras 4 and 7, and OP 40"))
    payload["locale"] = locale
    data = message(await lenv.dispatch(payload))
    assert cited in data["content"] and "cited in" not in data["content"]
    assert say(locale, "read-not-in", symbol="A/RES/62/152", missing="OP 40") in data["content"]
    assert [e["title"].split(" · ")[1] for e in data["embeds"]] == [
        say(locale, "read-title", kind="operative", number=n) for n in ("4", "7")
    ]
    assert list(buttons(data)) == [label for label in BUTTONS[locale] if label != say(locale, "read-button-footnotes")]


async def test_a_button_answers_in_the_language_of_whoever_clicks(lenv: DiscordEnv) -> None:
    sent = await run(lenv, "paragraph", "fr", ref="4")
    # The person who ran it, their client now in Chinese: the reply moves, in Chinese.
    moved = await click(lenv, sent, "Suivant", "zh-CN")
    assert moved["embeds"][0]["title"] == "A/RES/62/152 · 执行部分第5段"
    assert list(buttons(moved))[:2] == ["上一项", "下一项"]
    # Someone else, in Russian: their own private copy, in Russian, with Post to channel.
    copy = await click(lenv, moved, "下一项", "ru", user_id=OTHER_USER_ID)
    assert is_ephemeral(copy)
    assert copy["embeds"][0]["title"] == "A/RES/62/152 · пункт постановляющей части 6"
    assert POST["ru"] in buttons(copy) and not ENGLISH_BUTTONS & set(buttons(copy))
    # Cite, from a Spanish client: the wrapper in Spanish.
    cited = await click(lenv, copy, "Цитировать", "es-ES", user_id=OTHER_USER_ID)
    assert "Texto oficial: <" in cited["content"] and "Official text" not in cited["content"]


MAY_POST = str(VIEW_CHANNEL | SEND_MESSAGES)


async def test_post_to_channel_posts_in_the_servers_language_and_refuses_in_the_clickers(lenv: DiscordEnv) -> None:
    await lenv.storage.set_server_language(GUILD_ID, "es-ES", now=lenv.clock.now())
    sent = await run(lenv, "paragraph", "ru", ref="4")
    copy = await click(lenv, sent, "Далее", "ru", user_id=OTHER_USER_ID)
    # May only view the channel: refused, in the clicker's Russian, Discord's name for the permission.
    refused = await click(lenv, copy, POST["ru"], "ru", user_id=OTHER_USER_ID, member_permissions=str(VIEW_CHANNEL))
    assert is_ephemeral(refused)
    assert "**Отправлять сообщения**" in refused["content"] and "You can't post" not in refused["content"]
    # Posts: for the whole channel, so in the server's Spanish.
    posted = await click(lenv, copy, POST["ru"], "ru", user_id=OTHER_USER_ID, member_permissions=MAY_POST)
    assert not is_ephemeral(posted)
    assert posted["embeds"][0]["title"] == "A/RES/62/152 · párrafo de la parte dispositiva 5"
    assert list(buttons(posted)) == ["Anterior", "Siguiente", "Citar", "Texto oficial"]
    # Again at once: the wait, in Russian.
    lenv.clock.advance(seconds=5)
    again = await click(lenv, copy, POST["ru"], "ru", user_id=OTHER_USER_ID, member_permissions=MAY_POST)
    assert is_ephemeral(again) and "через 25 секунд" in again["content"] and "seconds" not in again["content"]


async def test_a_thread_needs_its_permission_named_in_the_clickers_language(lenv: DiscordEnv) -> None:
    sent = await run(lenv, "paragraph", "fr", ref="4")
    copy = await click(lenv, sent, "Suivant", "fr", user_id=OTHER_USER_ID)
    refused = await click(lenv, copy, POST["fr"], "fr", user_id=OTHER_USER_ID, member_permissions=MAY_POST, thread=True)
    assert "dans ce fil" in refused["content"] and "**Envoyer des messages dans les fils**" in refused["content"]


async def test_the_english_reply_is_unchanged_and_kept_answers_do_not_mix_languages(shelves: Library) -> None:
    answers = Answers(shelves)
    english = answers.paragraph("1-17")
    french = answers.paragraph("1-17", locale="fr")
    assert english.embeds[0].title == "A/RES/62/152 · operative paragraph 1"
    assert french.embeds[0].title == "A/RES/62/152 · paragraphe du dispositif 1"
    assert (english.content or "").startswith("**General Assembly resolution 62/152")
    assert "Showing 10 of 17" in (english.content or "") and "Showing" not in (french.content or "")
    assert answers.paragraph("1-17") is english  # kept, and still English
    asks: list[Callable[[str], Reply]] = [
        lambda locale: answers.summary(locale=locale),
        lambda locale: answers.search("defenders", locale=locale),
        lambda locale: answers.cite("4", "un", True, locale=locale),
        lambda locale: answers.footnote("1", locale=locale),
        lambda locale: answers.replay("s:A/RES/62/152:all:0", locale=locale),
    ]
    for ask in asks:
        first, other = ask("en-US"), ask("zh-CN")
        assert to_text(first) != to_text(other)
        assert ask("en-US") is first


def test_the_console_takes_a_locale(shelves: Library) -> None:
    answers = Answers(shelves)
    shown = to_text(dispatch(answers, "/paragraph 4 locale:fr document:78/216"))
    assert "A/RES/78/216 · paragraphe du dispositif 4" in shown and "[Suivant ▶]" in shown
    assert "4. *Exhorte* les États" in shown  # the text too, as a French Discord client gets it
    assert "Next" not in shown
    assert "There is no interface language “xx”" in to_text(dispatch(answers, "/paragraph 4 locale:xx"))
    assert "operative paragraph 4" in to_text(dispatch(answers, "/paragraph 4"))


# -- within Discord's limits in the longer languages ------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Library:
    mapping = generated.document(1, preamble=60, operative=140, footnotes=20, longest=True)
    return load_library([generated.write(tmp_path_factory.mktemp("docs"), mapping)], None)


@pytest.mark.parametrize("locale", LOCALES)
def test_long_replies_fit_in_every_language(big: Library, locale: str) -> None:
    answers = Answers(big)
    doc = big.default
    for ref in ("1-60", "81-140", "pp1-60", "1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49, 53, 57", "fn1-20"):
        reply = (
            answers.paragraph(ref, locale=locale)
            if not ref.startswith("fn")
            else answers.footnote(ref[2:], locale=locale)
        )
        assert_fits(reply)
        assert len(reply.content or "") <= 2000
    for addressee in ("all", "states"):
        page = 0
        while True:
            reply = answers.summary(addressee, page=page, locale=locale)
            assert_fits(reply)
            assert all(len(e.title or "") <= 256 and len(e.footer.text or "") <= 2048 for e in reply.embeds)
            if reply.nav is None or reply.nav.more is None:
                break
            page += 1
    for style in ("un", "bluebook", "aglc"):
        assert_fits(answers.cite("1-60", style, quote=True, locale=locale))
        assert_fits(answers.cite("all", style, quote=True, locale=locale))
    assert_fits(answers.search("the", locale=locale))
    assert len(doc.operative) == 140


@pytest.mark.parametrize("locale", LOCALES)
def test_every_button_label_fits(locale: str) -> None:
    keys = ("previous", "next", "footnotes", "cite", "official", "more", "post")
    for key in keys:
        assert 1 <= len(say(locale, f"read-button-{key}")) <= 80
    assert len(say(locale, "read-button-open-annex", number="53/144")) <= 80


async def complete(env: DiscordEnv, command: str, locale: str, name: str, typed: str) -> list[dict[str, Any]]:
    payload = interaction_payload(command, [option(name, typed, focused=True)], autocomplete=True)
    payload["locale"] = locale
    sent = await env.dispatch(payload)
    assert sent.json["type"] == 8, sent.json
    found: list[dict[str, Any]] = sent.json["data"]["choices"]
    assert all(1 <= len(c["name"]) <= 100 for c in found)
    return found


@pytest.mark.parametrize(
    ("locale", "items", "everyone", "cited", "article"),
    [
        ("fr", "OP4-6 · 3 éléments", "Tout le monde (tous les destinataires)", "(dans OP 2)", "article 12 · "),
        ("es-ES", "OP4-6 · 3 elementos", "Todos (todos los destinatarios)", "(en OP 2)", "artículo 12 · "),
        ("ru", "OP4-6 · 3 элемента", "Все (все адресаты)", "(в: OP 2)", "статья 12 · "),
        ("zh-CN", "OP4-6 · 3项", "所有人（全部对象）", "（见 OP 2）", "第12条 · "),
    ],
)
async def test_autocomplete_names_are_in_the_readers_language_and_values_stay_as_typed(
    lenv: DiscordEnv, locale: str, items: str, everyone: str, cited: str, article: str
) -> None:
    (ranged, *_) = await complete(lenv, "paragraph", locale, "ref", "paras 4-6")
    assert ranged == {"name": items, "value": "OP4-6"}
    addressees = await complete(lenv, "summary", locale, "addressee", "")
    assert {"name": everyone, "value": "all"} in addressees
    assert all("Everyone" not in c["name"] for c in addressees)
    (sixth,) = await complete(lenv, "footnote", locale, "number", "6")  # "See A/62/225.", cited in OP 2
    assert sixth["value"] == "6" and sixth["name"].endswith(cited) and "(in " not in sixth["name"]
    articles = await complete(lenv, "cite", locale, "ref", "53/144 art 12")
    assert any(c["name"].startswith(article) and c["value"] == "53/144 art. 12" for c in articles), articles


@pytest.mark.parametrize(
    ("locale", "opening", "footnote"),
    [
        ("fr", "PP 1 · Guidée par les buts et principes énoncés dans la Charte", "1 · Résolution 217 A (III)"),
        ("zh-CN", "PP 1 · 遵循《联合国宪章》的宗旨和原则", "1 · 第217 A(III)号决议"),
    ],
)
async def test_autocomplete_previews_the_official_text_in_the_readers_language(
    lang_env: DiscordEnv, locale: str, opening: str, footnote: str
) -> None:
    """Found by bench/interactions.py --locale: a typed reference ("pp1", "4") or a footnote number
    previewed the English text, although the library holds the reader's."""

    async def choices(command: str, name: str, typed: str) -> list[str]:
        payload = interaction_payload(
            command, [option(name, typed, focused=True), option("document", "78/216")], autocomplete=True
        )
        payload["locale"] = locale
        sent = await lang_env.dispatch(payload)
        assert sent.json["type"] == 8, sent.json
        return [c["name"] for c in sent.json["data"]["choices"]]

    assert (await choices("paragraph", "ref", "pp1"))[0].startswith(opening)
    assert (await choices("cite", "ref", "pp1"))[0].startswith(opening)
    assert (await choices("footnote", "number", "1"))[0].startswith(footnote)
    english = await choices("paragraph", "ref", "4")
    assert not any("Urges States" in name for name in english)
