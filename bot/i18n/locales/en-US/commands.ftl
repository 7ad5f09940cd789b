# Slash-command texts, as Discord shows them in the command picker.
# A message per command (its description), keyed by its qualified name ("daily set" → cmd-daily-set);
# an attribute per option (its description). Command and option NAMES are not here: they stay English.
# Choice names are keyed by their option's name and the choice's value: choice-<option>-<value>.
# English is the source: these must equal the descriptions written in the code (tests/i18n).
# Discord's limits: descriptions and choice names 1–100 characters, menu names 1–32.

cmd-paragraph = Show a paragraph or article verbatim: 4, PP 3, fn 2, 4-6, art. 12, Article 12(2)
    .ref = Paragraph or article: 4, PP 3, 4-6, 4, 7, art. 12 … (bare numbers are operative)
    .document = Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)
    .language = The official text in another UN language (default: yours, where the text has it)
cmd-footnote = Show a footnote, its links and the paragraphs that cite it
    .number = Footnote number, e.g. 5 (or several: 1-2)
    .document = Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)
    .language = The official text in another UN language (default: yours, where the text has it)
cmd-summary = What States (or another addressee) are asked to do, in plain language
    .addressee = Who: States (default), Secretary-General, … or all
    .document = Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)
cmd-search = Search the library: words or "quoted phrases"
    .query = Words or a "quoted phrase", e.g. impunity or "freedom of expression"
    .document = Only this text (default: every text in the library)
cmd-cite = A copy-ready citation of a paragraph, range, list, footnote or the whole text
    .ref = What to cite: 4, PP 3, 4-6, 4, 7, fn 5, art. 12 … or all for the whole resolution
    .style = Citation style (default: the server's, else UN usage)
    .quote = Quote the text above the citation
    .document = Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)
    .language = The language of the citation and quote (default: yours); any of the UN's six
cmd-about = About a resolution: symbol, dates, official link, commands
    .document = Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)
cmd-library = The texts this bot can show and cite, and which one answers here
cmd-compare = What changed between two resolutions: paragraphs paired by text, with redlines
    .from = The earlier resolution, e.g. 76/174
    .to = The later resolution, e.g. 78/216
    .part = Only the preamble or the operative part
    .paragraph = One paragraph of the later text, e.g. op 5 (or of the earlier: 76/174 op 5)
cmd-trace = Since when does the Assembly say this? A phrase or a paragraph through the library
    .text = Words to trace, or a paragraph such as 78/216 op 5
cmd-help = How to use this bot (only you see the answer)
menu-quote-cited-paragraphs = Quote cited paragraphs

cmd-daily = Post a paragraph of the resolution every day
cmd-daily-set = Post a paragraph every day in a channel (or change its settings)
    .channel = A text channel, an announcement channel or a thread
    .time = Local time, 24-hour HH:MM (default 09:00)
    .timezone = IANA time zone, e.g. Europe/Zurich or America/New_York (default UTC)
    .order = Which paragraphs, in what order (default: document order)
    .document = Which text: a symbol, number, year or name (default: the server's); articles: the Declaration
cmd-daily-stop = Stop the daily posts in a channel (deleted channels included)
    .schedule = Which channel's daily posts (start typing; needed when several have them)
cmd-daily-status = Show this server's daily posts: when, where, what comes next
cmd-daily-preview = See what the next daily post will look like (only you see it)
    .channel = Which channel (needed only when several have daily posts)
cmd-daily-skip = Skip the next paragraph: the following one is posted instead
    .channel = Which channel (needed only when several have daily posts)

cmd-settings = Your language, and this server's defaults for the bot
cmd-settings-citation-style = The citation style /cite uses here by default
    .style = The default for this server (leave empty to see the current one)
cmd-settings-document = The text commands here read and cite when none is named
    .document = A symbol, number (78/216), year or name; leave empty to see the current one
    .reset = Go back to the bot's own default
cmd-settings-language = The language the bot answers you in, everywhere (only you see it)
    .language = Your language (leave empty to see the current one)
cmd-settings-server-language = The language of this server's public answers and daily posts
    .language = This server's language (leave empty to see the current one)

choice-style-un = UN usage: General Assembly resolution 62/152 of 18 December 2007, para. 4
choice-style-short = Document symbol: A/RES/62/152, para. 4
choice-style-bluebook = Bluebook: G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)
choice-style-oscola = OSCOLA: UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4
choice-style-aglc = AGLC: Title, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007) para 4
choice-order-document = document order (PP1…, then OP1…, then again)
choice-order-operative = operative paragraphs only
choice-order-preamble = preambular paragraphs only
choice-order-random = random, no repeats until every paragraph has been posted
choice-order-articles = the articles of the Declaration, one a day (53/144)
choice-part-preamble = Preamble
choice-part-operative = Operative part
choice-language-auto = Automatic: my Discord language
choice-language-unset = Not set: English
