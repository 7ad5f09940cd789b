# What the bot says when it cannot answer as asked (bot.content.errors.UserError, bot.client's error handler).
# Every error is private to the person who asked. Code in backticks (`/cite 4`, `PP 3`, `art 12`) is what
# people type: it stays as it is in every language.
# $kind is a part of a resolution: pp (preambular), op (operative), fn (footnote), art (article).
# Numbers that echo a reference ($number, $start, $end, $article) come as text, never regrouped.

## What a resolution contains, said inside other messages ($operative, $preambular: how many).

err-outline = operative paragraphs 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}and preambular paragraphs PP1–PP{ $preambular }
    }
err-syntax-help = Try `4` or `OP 4` (operative paragraph), `PP 3` (preambular paragraph), `fn 2` (footnote), a range like `4-6`, or a list like `4, 7`.

## References (/paragraph, /cite, /footnote)

err-annex-articles = { $symbol } has an annex read by article: ask for an article, e.g. `art 12` or `Article 12(2)`. The annex's preambular paragraphs cannot be asked for here yet.
err-annex-paragraphs = { $symbol } has an annex, but its paragraphs cannot be asked for here yet.
err-other-text = This bot serves { $symbol } ({ $body ->
       *[other] { $name }
    }); “{ $shown }” names another text. Ask for a paragraph of { $number }, e.g. `4` or `PP 3`.
err-reference-too-long = That reference is too long to read ({ $length } characters). { err-syntax-help }
err-no-article = { $symbol } has no Article { $article }.
err-reference-needs-number = Which number? “{ $item }” needs one, e.g. `{ $item } 3`. { err-syntax-help }
err-reference-unreadable = I couldn't read “{ $item }” as a paragraph reference. { err-syntax-help }
err-range-mixed = A range stays within one part: “{ $item }” mixes { $kind ->
        [pp] preambular paragraphs
        [fn] footnotes
        [art] articles
       *[op] operative paragraphs
    } and { $other ->
        [pp] preambular paragraphs
        [fn] footnotes
        [art] articles
       *[op] operative paragraphs
    }. Ask for them as a list instead, e.g. `PP 15, OP 1`.
err-range-backwards = The range { $start }-{ $end } runs backwards: did you mean { $end }-{ $start }?
err-too-many = That asks for more than { $max } items at once; ask for a smaller range.
err-which-paragraph = Which paragraph? { err-syntax-help }
err-which-paragraph-or-all = Which paragraph? { err-syntax-help } Leave it as `all` to cite the whole resolution.
err-one-reference = Give one reference here, not { $count }.
err-paragraph-not-footnote = “{ $ref }” is a paragraph, not a footnote: use `/paragraph { $ref }`.
err-no-footnote = There is no footnote { $number }: this resolution has { $footnotes ->
        [0] no footnotes
       *[other] footnotes 1–{ $footnotes }
    }.
err-none-of-kind = This resolution has no { $kind ->
        [pp] preambular paragraphs
        [fn] footnotes
        [art] articles
       *[op] operative paragraphs
    }; it has { err-outline }.
err-no-such-part = There is no { $kind ->
        [pp] preambular paragraph
        [fn] footnote
        [art] article
       *[op] operative paragraph
    } { $number }: this resolution has { err-outline }.

## Articles of an annexed declaration (/paragraph art 12)

err-no-articles-anywhere = No text in the library has articles: articles belong to an annexed declaration.
err-no-articles = { $symbol } has no articles: it has { err-outline }.
err-no-articles-elsewhere = { $symbol } has no articles: it has { err-outline }. The Declaration's articles are in { $declaration }.
err-no-such-article = There is no Article { $article }: the Declaration has Articles { $first }–{ $last }.
err-no-such-clause = Article { $article } has { $clauses ->
        [0] no numbered paragraphs
       *[other] paragraphs 1–{ $clauses }
    }; there is no Article { $article }({ $clause }).
err-no-such-item = Article { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    } has { $first ->
        [none] no lettered sub-paragraphs
       *[other] sub-paragraphs ({ $first })–({ $last })
    }; there is no Article { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    }({ $item }).

## Documents of the library

err-no-document = No document “{ $name }” in the library. It holds { $symbols }: name one by its symbol, its number (62/152), its year or words of its title.
err-resolution-not-in-library = Resolution { $number } is not in the library; it holds { $symbols }.
err-document-conflict = “{ $text }” names { $named }, but the document option chose { $chosen }: leave the option empty, or leave the symbol out of the reference.

## /cite, /search, /summary, Quote cited paragraphs

err-no-style = There is no citation style “{ $style }”. Choose one of: { $styles }. (No APA or Harvard: neither manual has a published form for UN resolutions.)
err-search-too-long = That search is too long ({ $length } characters); keep it under { $max }.
err-search-empty = Search for at least one word, e.g. `impunity` or `"freedom of expression"`.
err-not-addressee = “{ $text }” is not an addressee of this resolution. Choose one of: { $choices }, or `all`.
err-nobody-addressed = No operative paragraph of { $symbol } addresses { $addressee }.
err-nobody-addressed-anyone = No operative paragraph of { $symbol } addresses anyone.
err-finder-forms = I recognise forms such as `para 4`, `OP 7`, `¶¶ 4–6`, `paras. 4 and 7`, `PP 3`, `third preambular paragraph`, `footnote 5` and `{ $number }, ¶ 4`; a bare number, a date or another resolution's paragraph is never taken for one.
err-finder-nothing = I found no reference to { $symbol } in that message. { err-finder-forms }
err-finder-missing = I found no reference to { $symbol } in that message. It mentions { $missing }, which { $symbol } does not have ({ err-outline }). { err-finder-forms }

## Buttons

err-old-button = That button is from a version of the bot that no longer exists; run the command again.

## The console (python -m bot console)

err-console-needs = This command needs { $what ->
        [cite] what to cite, e.g. `/cite 4` or `/cite all`
        [paragraph] a paragraph reference, e.g. `/paragraph 4`
        [footnote] a footnote number, e.g. `/footnote 5`
       *[search] something to search for, e.g. `/search impunity`
    }.
err-console-language = There is no official language “{ $language }”. Choose one of: { $languages }.
err-console-command = There is no command /{ $name }. Commands: { $commands }.

## Whatever else goes wrong with a command (bot.client)

err-command-gone = This command is no longer available; it may take a minute to disappear from Discord.
err-invalid-option = “{ $value }” is not valid for this option: { $type ->
        [choice] pick one of the choices offered
        [integer] a whole number is expected
        [channel] a channel is expected
        [number] expected a number
        [boolean] expected a boolean
        [user] expected a user
        [role] expected a role
        [mentionable] expected a mentionable
        [attachment] expected an attachment
       *[other] expected a { $type }
    }.
err-servers-only = This command works in servers only.
err-missing-permissions = You need the { $permissions } { $count ->
        [one] permission
       *[other] permissions
    } to do that.
err-not-here = You can't use this command here.
err-discord-problem = Discord had a problem with that request; please try again in a moment.
err-unexpected = Sorry, something went wrong on my side. It has been logged; please try again.

# Between the names of a list (of permissions).
err-list-separator = {", "}
# A Discord permission, by the name Discord's own settings show it in this language.
err-permission = { $permission ->
        [administrator] Administrator
        [manage_guild] Manage Server
        [manage_channels] Manage Channels
        [manage_messages] Manage Messages
        [manage_threads] Manage Threads
        [send_messages] Send Messages
        [send_messages_in_threads] Send Messages in Threads
        [embed_links] Embed Links
        [read_message_history] Read Message History
        [view_channel] View Channels
       *[other] { $permission }
    }
