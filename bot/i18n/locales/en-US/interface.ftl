# What the bot writes: /help, /about and the /settings replies.
# Code in backticks (`/cite 4`, `PP 3`) is what people type: it stays as it is in every language.

## /help

help-title = **Reading { $symbol }**
help-paragraph = a paragraph verbatim; also `PP 3`, `fn 2`, `4-6`, `4, 7`, `art. 12`, `78/216 para 5`
help-cite = a copy-ready citation (UN, short, Bluebook, OSCOLA, AGLC); `quote:True` quotes it
help-footnote = a footnote, its links and the paragraphs citing it
help-summary = what States (or anyone else, or `all`) are asked to do
help-search = ranked matches in the library; "quoted phrases" work
help-about = the resolution's details and where the text comes from
help-library = the texts loaded; every command's `document` option picks one
help-compare = what changed between two resolutions, paragraph by paragraph, with redlines
help-trace = since when the Assembly says this: a phrase or paragraph through the library
help-daily-set = server managers: post a paragraph every day in a channel
help-settings-citation-style = server managers: the server's default citation style
help-settings-document = server managers: the text commands read here by default
help-settings-server-language = server managers: the language of public answers and daily posts
help-settings-language = the language the bot answers you in
help-help = this help
help-references = **References:** Try `4` or `OP 4` (operative paragraph), `PP 3` (preambular paragraph), `fn 2` (footnote), a range like `4-6`, or a list like `4, 7`. Also `para. 4`, `¶¶ 4–6`, `pmbl. para. 3`, `third preambular paragraph`, `{ $number }, ¶ 4`. In a list the part carries over: `PP 3, 5` is PP3 and PP5.
help-discussion = **In a discussion:** right-click (or long-press) a message → Apps → *{ menu-quote-cited-paragraphs }* quotes every paragraph it refers to.
help-contents = This resolution has operative paragraphs 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}and preambular paragraphs PP1–PP{ $preambular }
    }, and footnotes 1–{ $footnotes }.

## /about

about-adopted-on = adopted on { DATETIME($adopted, dateStyle: "long") }
about-adopted-on-report = adopted on { DATETIME($adopted, dateStyle: "long") } on the report of the { $committee } ({ $report })
about-adopted-on-report-only = adopted on { DATETIME($adopted, dateStyle: "long") } (report { $report })
about-description = **{ $name }**, { $origin }.
about-session = Session
    .value = { $session }, agenda item { $item }
about-adopted = Adopted
    .value = { DATETIME($adopted, dateStyle: "long") }, { $meeting }
about-distributed = Distributed
    .value = { DATETIME($distributed, dateStyle: "long") } ({ $distribution })
about-contents = Contents
    .value = { $preambular ->
        [one] { $preambular } preambular paragraph
       *[other] { $preambular } preambular paragraphs
    } · { $operative ->
        [one] { $operative } operative paragraph
       *[other] { $operative } operative paragraphs
    } · { $footnotes ->
        [one] { $footnotes } footnote
       *[other] { $footnotes } footnotes
    }
about-official-text = Official text
about-commands = Commands
about-commands-more = `/help` says what each one does.
about-footer = The text is transcribed verbatim from the official document as distributed by the United Nations. Summaries are the bot's own plain-language paraphrases, never the text.

## /settings

settings-manage-server = You need the Manage Server permission to change this server's settings.
settings-style-current = Citations in this server default to **{ $style }**. Pick another with the `style` option.
settings-style-set = Citations in this server now default to **{ $style }**. Anyone can still choose a style with `/cite … style:`.
settings-language-chosen = The bot answers you in **{ $language }**, wherever you use it. Choose *{ choice-language-auto }* to follow your Discord language again.
settings-language-auto = You have not chosen a language: the bot answers you in your Discord language when it has it, else in the server's language, else in English. Here that is **{ $language }**.
settings-server-language-set = Public answers and daily posts in this server are in **{ $language }**. Everyone can still choose their own language with `/settings language`.
settings-server-language-unset = This server has no language set: public answers and daily posts are in **{ $language }**.
