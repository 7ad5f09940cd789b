# /compare and /trace: the overview, the pages, one paragraph, the trace, their buttons and errors.
# The redline's ~~struck~~ and **bold** marks stay as they are; the paragraphs quoted are the UN's words.
# `OP 5`, `PP 3` and the resolution numbers are written the same way in every language.

## The parts of a resolution

cmp-part-preamble = Preamble
cmp-part-operative = Operative part
# The buttons that jump to a part.
cmp-jump-preamble = Preamble
cmp-jump-operative = Operative

## What happened to a paragraph (after "OP 5 → OP 6 · ")

cmp-change-unchanged = unchanged
cmp-change-modified = modified
cmp-change-new = new
cmp-change-dropped = dropped
cmp-change-split = split
cmp-change-merged = merged
cmp-change-moved = moved
# How alike the two texts are, in percent.
cmp-alike = { $percent } % alike
# A modified paragraph, with how alike the two texts are in percent.
cmp-modified-alike = modified ({ $percent } % alike)
# Three or more unchanged paragraphs in a row, and the same when they were numbered differently.
cmp-run-unchanged = { $refs } · unchanged
cmp-run-unchanged-renumbered = { $refs } · unchanged (were { $old })

## How many paragraphs of a part, per kind of change (the overview)

cmp-count-unchanged = { $count } unchanged
cmp-count-modified = { $count } modified
cmp-count-new = { $count } new
cmp-count-dropped = { $count } dropped
cmp-count-split = { $count } split
cmp-count-merged = { $count } merged
cmp-count-moved = { $count } moved
cmp-count-nothing = nothing

## The lead words (the operative verb): how they changed

cmp-direction = { $direction ->
        [stronger] stronger
        [weaker] weaker
       *[changed] changed
    }
cmp-lead-words = Lead words

## The overview

cmp-overview-title = { $old } → { $new } · what changed
cmp-overview-description = Paragraphs paired by their words, not their numbers: { $old } ({ $old_year }) → { $new } ({ $new_year }).
cmp-addressees = Addressees
cmp-addressee-new = new: { $name }
cmp-addressee-dropped = dropped: { $name }
cmp-references-new = New references
cmp-references-dropped = References no longer made
cmp-footnotes = Footnotes (compared by content)
# A footnote's number as a superscript: dropped, new, or renumbered.
cmp-footnote-dropped = ~~{ $old }~~ dropped: { $text }
cmp-footnote-new = { $new } new: { $text }
cmp-footnote-renumbered = { $new } (was { $old }): { $text }
cmp-overview-footer = Redlines: ~~deleted~~ **inserted**. { cmp-more }: every paragraph, part by part.
cmp-overview-more = Page 1 of { $total }: **{ cmp-more }** shows every paragraph.
# The last line of a list cut short.
cmp-and-more = … and { $count } more

## The pages

cmp-legend = ~~deleted~~ **inserted**
cmp-page-footer = Page { $page } of { $total } · { cmp-legend }

## One paragraph (/compare … paragraph:)

cmp-paragraph-new = New in { $new }: { $old } has no counterpart.
cmp-paragraph-dropped = Dropped: { $new } has no counterpart.
cmp-paragraph-footer = { cmp-legend } · paired by text, not by number

## /trace

cmp-trace-title = trace: { $query }
cmp-trace-first = First in { $number } { $ref } ({ $year }).
cmp-trace-first-strengthened = First in { $number } { $ref } ({ $year }); strengthened in { $later }.
cmp-trace-first-appearance = first appearance
cmp-trace-unchanged-since = unchanged since { $symbol }
cmp-trace-elsewhere = in another paragraph
cmp-trace-lead = { $direction ->
        [stronger] lead words stronger
        [weaker] lead words weaker
       *[changed] lead words changed
    }
cmp-trace-against = against { $symbol }:
cmp-trace-footer = In { $found } of { $searched } resolutions, in adoption order
cmp-trace-page = page { $page } of { $total }
# The autocomplete choice that traces the words as typed.
cmp-trace-choice-words = “{ $text }”

## Buttons

cmp-previous = Previous
cmp-more = More
cmp-official-text = Official text
cmp-post = Post to channel

## Errors

cmp-error-same = Both are { $symbol }: choose two different resolutions to compare.
cmp-error-not-a-part = “{ $part }” is not a part: choose preamble or operative.
cmp-error-not-compared = { $symbol } is not one of the two resolutions compared.
cmp-error-footnote = Compare paragraphs here; footnotes are compared by content in the overview.
cmp-error-no-match = No resolution in the library carries “{ $query }”. Try fewer words, or a paragraph such as `78/216 op 5`.
cmp-error-old-button = That button is from a version of the bot that no longer exists; run the command again.
cmp-error-trace-footnote = Trace follows paragraphs; give a paragraph, e.g. `78/216 op 5`, or quote the words.
cmp-error-trace-too-long = That text is too long to trace ({ $length } characters); keep it under { $limit }.
cmp-error-trace-empty = Give some words to trace, or a paragraph such as `78/216 op 5`.
