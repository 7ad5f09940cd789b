# What the reading and citing commands write: /paragraph, /footnote, /summary, /search, /cite, /library,
# the "Quote cited paragraphs" menu, and the buttons under their answers.
# Code in backticks (`/paragraph 4`, `PP 3`) is what people type: it stays as it is in every language.
# The resolution's own words, its references and citations are never part of these messages.

## A paragraph, footnote or article shown

read-title = { $kind ->
        [preamble] preambular paragraph { $number }
        [footnote] footnote { $number }
       *[operative] operative paragraph { $number }
    }
read-article = Article { $number }{ $rest }
read-declaration = Declaration
read-annexed = { $annex }, { $article }
read-footnotes = Footnotes
read-links = Links
read-cited-in = Cited in
read-showing = Showing { $shown } of { $total } (one Discord message holds at most { $embeds } embeds and { $chars } characters). Left out: { $rest }; { $how }.
read-more-all = **More** shows them, or `/paragraph { $rest }`
read-more-some = **More** shows { $shows }; `/paragraph { $rest }` shows them all
read-more-none = `/paragraph { $rest }` shows them

## A quoted message (the "Quote cited paragraphs" menu)

read-quoted-where = { $title } · cited in { $where }
read-also-cited = *(Also cited: { $others }.)*
read-not-in = *(Not in { $symbol }: { $missing }.)*

## /summary

read-strength = { $strength ->
        [urges] Urges
        [calls-upon] Calls upon
        [requests] Requests
        [encourages] Encourages
        [invites] Invites
       *[other] Other provisions (nothing asked)
    }
read-also-to = *(also to { $who })*
read-summary-everyone = who is asked to do what
read-summary-who = { $plural ->
        [yes] what { $who } are asked to do
       *[no] what the { $who } is asked to do
    }
read-summary-continued = { $title } (continued)
read-summary-footer = Plain-language summaries written for this bot, not the resolution's wording. Use /paragraph with the number for the official text.
read-summary-footer-opening = No summary has been written for this text yet: each line in quotes is the paragraph's own opening words. Use /paragraph with the number for the whole official text.
read-summary-footer-mixed = Lines in quotes are the paragraph's own opening words (no summary written yet); the others are plain-language summaries written for this bot, not the resolution's wording. Use /paragraph with the number for the official text.
read-page-more = Page { $page } of { $pages }: **More** shows the rest.
read-page = Page { $page } of { $pages }.

## /search

read-search-corrected = No exact match, so I searched for close words: { $fixed }.
read-search-correction = “{ $typed }” → “{ $searched }”
read-search-unknown = Not found anywhere: { $words }.
read-search-some = No paragraph contains all of those words; these contain some of them.
read-search-nothing-library = Nothing in the texts I serve matches “{ $query }”.
read-search-nothing = Nothing in { $symbol } matches “{ $query }”.
read-search-close = Close words in the text: { $words }.
read-search-try = Try fewer or other words, or browse with `/paragraph`.
read-sentences = { $first } { $next }
read-list-separator = {", "}
read-search-title = search: { $query }
read-search-best = { $total } matches, best { $shown } shown · /paragraph with a number for the full text
read-search-count = { $total ->
        [one] { $total } match
       *[other] { $total } matches
    } · /paragraph with a number for the full text

## /cite

read-style = { $style ->
        [un] UN usage
        [short] Document symbol
       *[other] { $name }
    }
read-cite-running = In running text:
read-cite-official = Official text: <{ $url }>
read-cite-whole = *(The whole resolution is too long to quote here: cite paragraphs to quote them.)*
read-cite-whole-declaration = *(The whole Declaration is too long to quote here: cite an article to quote it.)*
read-quote-shortened = *(Quote shortened to fit one message; `/paragraph { $refs }` shows it all.)*
read-not-quoted = *(Not quoted, to fit one message: { $rest }; { $ask }.)*
read-not-quoted-ask = `/paragraph { $refs }` shows them
read-not-quoted-ask-bare = `/paragraph` shows them

## /library

read-library-title = { $count ->
        [one] The library: { $count } document
       *[other] The library: { $count } documents
    }
read-library-default = ← default here
read-library-sizes = { $preambular } preambular and { $operative } operative paragraphs, { $footnotes } footnotes
read-library-articles = , articles 1–{ $count }
read-library-annex = { $name } (annex{ $number })
read-library-footer = Every reading and citing command takes a document option: a symbol, a number (78/216), a year (2023) or words of the title (Declaration). A reference that names its document (A/RES/78/216 para 5) needs none.

## The buttons

read-button-previous = Previous
read-button-next = Next
read-button-footnotes = Footnotes
read-button-cite = Cite
read-button-official = Official text
read-button-more = More
read-button-post = Post to channel
read-button-open = Open { $number }
read-button-open-annex = Open { $number }, annex

## Post to channel, when it does not post

read-post-locked = This thread is locked: only people with the **Manage Threads** permission can post in it, so I won't post this here for you. Your private copy stays visible to you.
read-post-refused = You can't post in this { $where ->
        [thread] thread
       *[channel] channel
    } yourself (that needs the { $needed } { $count ->
        [one] permission
       *[other] permissions
    }), so I won't post this here for you. Your private copy stays visible to you.
read-permission = { $permission ->
        [threads] Send Messages in Threads
       *[send] Send Messages
    }
read-permissions = { $first } and { $second }
read-post-wait = You posted a moment ago: you can post again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }. Your private copy stays visible to you.

## The terminal console (python -m bot console)

read-console-no-locale = There is no interface language “{ $typed }”. Choose one of: { $locales }.

## References in footers and headers (operative paragraphs of a General Assembly resolution)
# $pin is the UN's own pinpoint in that language (bot/content/un_wording.py): "par. 4", "第4段".

read-reference = General Assembly resolution { $number }, { $pin }

## Autocomplete: the rest of a choice's name (its value is what people type, in every language)

read-choice-items = { $count } items
read-choice-footnote = { $text } (in { $where })
read-choice-everyone = Everyone (all addressees)
