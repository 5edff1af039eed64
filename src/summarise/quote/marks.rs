//! Finding quotations: the marks that open and close them in each
//! language, within a paragraph or over several, and whether one is made
//! of whole sentences.

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    /// The paragraph the quotation opens in (earlier than `paragraph` when
    /// it runs over several).
    pub(super) first: usize,
    /// The paragraph it closes in.
    pub(super) paragraph: usize,
    /// Byte offsets of the opening and after the closing mark.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

/// The marks that open a quotation (those `closers` knows).
pub(super) const OPENING_MARKS: [char; 10] = ['“', '"', '„', '«', '»', '‘', '‚', '‹', '›', '\''];

/// The closing marks that end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”'],
        '"' => &['"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        '›' => &['‹'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// Whether the mark `c` at byte `pos` opens a quotation: it follows a
/// space, a bracket, a dash or a colon (or starts the text) and comes right
/// before a word (guillemets may be spaced off in the French way). A
/// typewriter's single quote, which is also the apostrophe ("’90s", "rock
/// ’n’ roll"), opens only before a capital: speech opens a sentence.
fn opens_at(text: &str, pos: usize, c: char) -> bool {
    let after_ok = text[pos + c.len_utf8()..].chars().next().is_some_and(|n| {
        if c == '\'' {
            n.is_uppercase()
        } else {
            !n.is_whitespace() || matches!(c, '«' | '‹')
        }
    });
    let before_ok = text[..pos].chars().next_back().is_none_or(|prev| {
        prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':' | '\u{a0}')
    });
    after_ok && before_ok
}

/// Finds the quotations of one paragraph, outermost first.
pub(super) fn quotations(paragraph: usize, text: &str) -> Vec<Found> {
    // most paragraphs quote no one (and most apostrophes open nothing)
    let typewriter_single = |(pos, _): (usize, &str)| opens_at(text, pos, '\'');
    if !text.contains(&OPENING_MARKS[..OPENING_MARKS.len() - 1])
        && !text.match_indices('\'').any(typewriter_single)
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let close = closers(c);
        if close.is_empty() || !opens_at(text, pos, c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut closed = None;
        while j < chars.len() {
            let (_, d) = chars[j];
            // an apostrophe inside a word ("won’t") does not close a single quote
            let inside_word = matches!(d, '’' | '\'')
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic())
                && chars[j - 1].1.is_alphabetic();
            if close.contains(&d)
                && !inside_word
                && (d != '\'' || closes_typewriter_single(&chars, j))
            {
                closed = Some(j);
                break;
            }
            j += 1;
        }
        let Some(j) = closed else {
            i += 1;
            continue;
        };
        let inner_start = pos + c.len_utf8();
        let inner_end = chars[j].0;
        let end = inner_end + chars[j].1.len_utf8();
        let inner = text[inner_start..inner_end]
            .trim_matches(|ch: char| ch.is_whitespace())
            .trim_end_matches([',', ';', ':'])
            .trim_end();
        if !inner.is_empty() {
            found.push(Found {
                first: paragraph,
                paragraph,
                start: pos,
                end,
                text: inner.to_string(),
            });
        }
        i = j + 1;
    }
    found
}

/// Whether the typewriter's single quote at `chars[j]` closes a
/// quotation rather than ending a plural's possessive ("the farmers'
/// union"): it follows the speech's closing punctuation ("…,' he said"),
/// or comes right before punctuation or the paragraph's end ("…', he
/// said").
fn closes_typewriter_single(chars: &[(usize, char)], j: usize) -> bool {
    let before = chars[j - 1].1;
    let after = chars.get(j + 1).map(|&(_, c)| c);
    matches!(before, '.' | ',' | '!' | '?' | '…')
        || after.is_none_or(|c| matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | ')'))
}

/// A quotation that runs over several paragraphs. It opens in paragraph
/// `k` and is not closed there (`in_first`: the quotations closed within
/// `k`); each following paragraph either reopens it, in the press's way,
/// or closes it, where a page broke one paragraph of speech in two
/// ("…shared: “I started with zero background.¶The projects made all the
/// difference.” What's…").
pub(super) fn spanning_quotation(
    paragraphs: &[String],
    k: usize,
    in_first: &[Found],
) -> Option<Found> {
    let first = &paragraphs[k];
    let (start, open) = unclosed_opening(first, in_first)?;
    let close = closers(open);
    let mut parts = vec![first[start + open.len_utf8()..].trim()];
    for (m, p) in paragraphs.iter().enumerate().skip(k + 1).take(MAX_SPAN - 1) {
        let (text, end) = match p.strip_prefix(open) {
            Some(body) => match quotations(m, p).into_iter().find(|f| f.start == 0) {
                Some(last) => (last.text, last.end),
                None => {
                    parts.push(body.trim());
                    continue;
                }
            },
            None => {
                // the paragraph must go on with the same sentence-ended
                // speech and close it before anything opens
                if !parts.last()?.ends_with(['.', '!', '?', '…']) {
                    return None;
                }
                let at = closing_mark(p, open, close)?;
                let mark = p[at..].chars().next()?;
                (p[..at].trim().to_string(), at + mark.len_utf8())
            }
        };
        parts.push(&text);
        let text = parts.join(" ");
        return Some(Found {
            first: k,
            paragraph: m,
            start,
            end,
            text,
        });
    }
    None
}

/// The opening mark of a paragraph that no closing mark answers, with its
/// byte offset: the first such mark outside the quotations closed within it.
fn unclosed_opening(text: &str, closed: &[Found]) -> Option<(usize, char)> {
    text.char_indices().find(|&(pos, c)| {
        let close = closers(c);
        // (a typewriter's single quote left open is more likely an
        // apostrophe than speech going on)
        !close.is_empty()
            && c != '\''
            && !closed.iter().any(|f| (f.start..f.end).contains(&pos))
            && opens_at(text, pos, c)
            && !text[pos + c.len_utf8()..].contains(close)
    })
}

/// Where the continuation of a broken quotation closes: the first closing
/// mark after a sentence's end, with no mark opening before it.
fn closing_mark(text: &str, open: char, close: &[char]) -> Option<usize> {
    for (pos, c) in text.char_indices() {
        if close.contains(&c) {
            let spoken = text[..pos].trim_end();
            return (spoken.len() == pos && spoken.ends_with(['.', '!', '?', '…', ',']))
                .then_some(pos);
        }
        if c == open && opens_at(text, pos, c) {
            return None;
        }
    }
    None
}

/// Most paragraphs one quotation may run over.
const MAX_SPAN: usize = 4;

/// Whole sentences: starts with a capital (or a number) and ends with
/// sentence punctuation or the comma of a "…,” he said" attribution.
pub(super) fn is_complete(found: &Found, paragraphs: &[String]) -> bool {
    let paragraph = &paragraphs[found.paragraph];
    // "…,” he said", in the British style "… all those fixes”.", and in
    // the Polish "„…” – powiedział Tusk"
    let comma_after = paragraph[found.end..]
        .trim_start()
        .starts_with([',', '.', '!', '?', '–', '—']);
    let first = found.text.chars().find(|c| c.is_alphanumeric());
    let starts_ok = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let from = if found.first == found.paragraph {
        found.start
    } else {
        0
    };
    let raw_inner = &paragraph[from..found.end];
    let raw_inner = raw_inner.trim_end_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '…' | ',')
    });
    let ends_ok =
        found.text.ends_with(['.', '!', '?', '…']) || raw_inner.ends_with(',') || comma_after;
    starts_ok && ends_ok
}
