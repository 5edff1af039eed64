//! Removing what surrounds an article but is not part of it: breadcrumbs,
//! bylines, share and cookie prompts, "Related Posts", captions and the like.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::text::word_count;

/// Short lines that are navigation or prompts, whatever else they say, in
/// the languages of the sections we read (English, German, French,
/// Italian, Spanish, Dutch, Portuguese, Polish).
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            source\ link | reuse\ this\ content | se\ adhiere\ a\ los\ criterios\ de\ the\ trust\ project | related(?:\ posts|\ articles|\ stories|\ news|\ content|\ topics)? |
            read\ (?:more|also|next)(?:\ about)?(?-u:\b).* | see\ also(?-u:\b).* | also\ read(?-u:\b).* | related\s*:.* | more\ on\ this\ story | most\ read |
            read\ (?:our|the)\ (?:full|complete|in-depth)(?-u:\b).* | check\ (?:the\ )?prices?\ (?:at|on)(?-u:\b).* |
            (?:share|tweet|email|print|copy\ link)(?:\ (?:this(?:\ article|\ story|\ page)?|on\ \S+|via\ \S+|article|story|the\ article))?:? |
            (?:teilen|artikel\ teilen|partager|condividi|compartir|compartilhar|delen|udostępnij)(?:\ (?:auf|sur|su|en|em|op|na)\ \S+)?:? |
            (?:follow|like)\ us(?-u:\b).* | sign\ up(?-u:\b).* | subscribe(?-u:\b).* | .*(?-u:\b)newsletter(?-u:\b).* |
            .*(?-u:\b)cookies?(?-u:\b).* | advertisement(?:\W.*)? | advertising | sponsored |
            \d+\ comments? | comments? | leave\ a\ (?:comment|reply) | no\ comments\ yet.* |
            (?:comments?|kommentare?|commentaires?|réagir|commenti|comentarios?|reacties|komentarze)\s*\(\d+\) |
            (?:back\ to\ (?:the\ )?home(?:\ ?page)?|zur\ startseite|retour\ à\ l['’]accueil|torna\ alla\ home(?:page)?|volver\ a\ la\ portada) |
            (?:read|save\ for)\ later | später\ lesen | merken | lire\ plus\ tard | leggi\ dopo | leer\ más\ tarde | guardar |
            (?:photo|image|picture|foto|bild|credit|crédit|source|quelle|fuente|fonte|bron)s?\s*[:/©].* | image\ (?:from|via|courtesy)(?-u:\b).* |
            this\ field\ is\ for\ validation\ purposes.* |
            .*(?-u:\b)(?:getty\ images|afp\ photo|reuters/|ap\ photo|shutterstock|epa-efe)(?-u:\b).* |
            ©.* | copyright(?-u:\b).* |
            (?:published|updated|posted|last\ updated|last\ reviewed)(?-u:\b).* |
            (?:medically\ )?(?:reviewed|fact[-\ ]checked|edited)\ by(?-u:\b).* | (?:estimated\ )?reading\ time(?-u:\b).* |
            tags?\s*:.* | topics?\s*:.* | filed\ under(?-u:\b).* | skip\ to\ (?:main\ )?content |
            back\ to\ top | (?:click|check)\ here(?-u:\b).* | (?:show|hide|toggle)\ caption | enlarge\ this\ image |
            table\ of\ contents | contents | learn\ more | contact\ us | get\ in\ touch |
            author | about\ the\ author | written\ by | (?:in\ )?this\ article | jump\ to(?-u:\b).* | listen\ to\ (?:this\ )?article.* | \d+\ min(?:ute)?s?\ read |
            # German
            (?:lesen\ sie\ (?:auch|mehr)|auch\ interessant|mehr\ zum\ thema|(?:jetzt\ )?weiterlesen|mehr\ lesen|siehe\ auch)(?:\W.*)? |
            # a broadcaster's note of the programme that carried the story
            (?:dieses\ thema\ im\ programm|über\ dieses\ thema\ berichtete?)(?-u:\b).* |
            # paywalls
            (?:this|the\ rest\ of\ this)\ (?:article|story)\ is\ (?:only\ )?(?:for|available\ to)\ (?:paying\ )?subscribers(?:\ only)?\.? |
            already\ a\ subscriber\??(?:\W.*)? | continue\ reading\ with(?-u:\b).* |
            dieser\ artikel\ ist\ (?:nur\ )?für\ abonnenten(?:\W.*)? | bereits\ abonnent(?:in)?\??(?:\W.*)? |
            (?:cet\ article|la\ suite)\ est\ réservée?\ aux\ abonnés\.? | il\ (?:vous\ )?reste\ \d+\ ?%\ de\ (?:l['’]article|cet\ article)\ à\ lire\.? | déjà\ abonné\ ?\??(?:\W.*)? |
            (?:questo\ articolo|il\ resto\ dell['’]articolo)\ è\ riservato\ agli\ abbonati\.? | (?:este\ artículo|el\ resto\ del\ artículo)\ es\ (?:solo\ |exclusivo\ )?para\ suscriptores\.? |
            (?:ähnliche|verwandte)\ (?:artikel|beiträge|themen) | folgen\ sie\ uns.* | (?:jetzt\ )?abonnieren(?:\W.*)? |
            anzeige | werbung | \d+\ kommentare? | kommentare | (?:veröffentlicht|aktualisiert|stand\s*:)(?:\W.*)? |
            (?:\d+\ min(?:\.|uten)?\ )?lesezeit(?:\W.*)? | (?:schlagwörter|themen)\s*:.* | autor(?:in)?\s*:.* |
            # French
            (?:à\ )?lire\ (?:aussi|également|la\ suite)(?:\W.*)? | voir\ aussi(?:\W.*)? | articles?\ (?:similaires|liés|connexes) | sur\ le\ même\ sujet |
            suivez-nous.* | abonnez-vous.* | s'abonner.* | publicité | \d+\ commentaires? | commentaires |
            (?:publié|mis\ à\ jour)(?:\W.*)? | (?:\d+\ min(?:utes?)?\ de\ lecture|temps\ de\ lecture(?:\W.*)?) | mots[-\ ]clés\s*:.* | auteur\s*:.* |
            # Italian
            (?:leggi|vedi)\ (?:anche|di\ più|tutto)(?:\W.*)? | continua\ a\ leggere.* | (?:articoli|notizie)\ correlat[ie] |
            seguici.* | iscriviti.* | pubblicità | \d+\ commenti | commenti | (?:pubblicato|aggiornato|modificato|modifica\ il)(?:\W.*)? |
            tempo\ di\ lettura(?:\W.*)? | argomenti\s*:.* | autore\s*:.* |
            # Spanish
            (?:lee|leer|ver)\ (?:también|más)(?:\W.*)? | seguir\ leyendo.* | te\ puede\ interesar.* | (?:artículos|noticias)\ relacionad[oa]s |
            síguenos.* | suscríbete.* | publicidad | \d+\ comentarios? | comentarios | (?:publicado|actualizado)(?:\W.*)? |
            tiempo\ de\ lectura(?:\W.*)? | (?:etiquetas|temas)\s*:.* |
            # Dutch, Portuguese, Polish
            (?:lees|zie|bekijk)\ (?:ook|meer)(?:\W.*)? | deel\ (?:dit\ )?artikel:? | gerelateerde\ artikelen | volg\ ons.* | advertentie | (?:gepubliceerd|bijgewerkt)(?:\W.*)? |
            (?:schrijf\ je\ in|meld\ je\ aan|abonneer\ je)(?-u:\b).* | .*(?-u:\b)nieuwsbrief(?-u:\b).* |
            leia\ (?:também|mais)(?:\W.*)? | publicidade |
            czytaj\ (?:też|także|więcej)(?:\W.*)? | reklama | (?:opublikowano|aktualizacja)(?:\W.*)?
        )$",
    )
    .expect("boilerplate pattern")
});

/// A photo caption ending in its credit: "… Photo: iRunFar/Meghan Hicks",
/// "… | Photo by Lisa Jennings", "… Photo by: 'Neil Thomas'.", "… Credit:
/// Sam Schild", "(Foto: dpa)", "… Photo de Jean Dupont"; or in the button
/// that folds it away, as NPR's do: "… FatCamera/Getty Images hide caption".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:^|[.!?|)]\s*|\(\s*)(?:photo(?:graph)?|image|picture|illustration|foto(?:grafía)?|bild|immagine|imagen|credit|crédit)s?(?:\s+(?P<by>by|de|di|von)\s*:?|\s*:|\s+credit\s*:?)\s+(?P<credit>[^.!?]+)\)?(?P<stop>\.)?|\s(?:hide|toggle)\ caption)$",
    )
    .expect("caption credit pattern")
});

/// A line that only points elsewhere on the page: "Full results from
/// testing 18 top products are in our Product Comparison Table and
/// Analysis & Test Results sections."
static CROSS_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:is|are|can be found)\s+(?:in\s+our\s+[^.!?]{1,80}(?-u:\b)sections?|in\s+the\s+[^.!?]{1,80}(?-u:\b)sections?\s+below)\.?$")
        .expect("cross-reference pattern")
});

/// Longest line, in words, that only points elsewhere on the page.
const CROSS_REFERENCE_WORDS: usize = 25;

/// Longest photo credit after "Photo:" and the like, in characters.
const MAX_CREDIT_CHARS: usize = 60;

/// A row of share buttons read as text: "Share this page to Facebook Share
/// …", or one prompt and the networks: "Share this article: Facebook X
/// LinkedIn", "Teilen: WhatsApp E-Mail".
static SHARE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:share|tweet|email|pin)(?-u:\b).*){2,}$|^(?:share|teilen|partager|condividi|compartir|compartilhar|delen|udostępnij)(?-u:\b)[^.!?]*?:?\s*(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|bluesky|threads|mastodon|pinterest|messenger|flipboard|print|copy link)[\s,|·/]*)+$",
    )
    .expect("share row pattern")
});

// Month names and their short forms, in the languages we read.
macro_rules! months {
    () => {
        concat!(
            r"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|",
            r"januar|februar|märz|mai|juni|juli|oktober|dezember|janv|janvier|févr|février|mars|avr|avril|juin|juil|juillet|août|octobre|novembre|déc|décembre|",
            r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
        )
    };
}

// A time of day: "09:14", "9.14 Uhr", "9h14", "9:14 am", "09:14 CET".
macro_rules! clock {
    () => {
        r"\d{1,2}[:.h]\d\d(?:\s*(?:uhr|am|pm|[a-z]{3,4}))?"
    };
}

// The word that says a story was updated, in the languages we read.
macro_rules! updated {
    () => {
        r"(?:updated|aktualisiert|aangepast|bijgewerkt|actualizado|aggiornato|mis\s+à\s+jour)"
    };
}

/// A line that is only a date, perhaps with the time and the place: "27
/// novembre 2026", "Nov. 27, 2026", "27.11.2026, 09:14", "Madrid - 27 nov
/// 2026 - 09:14 CET", "Vandaag, 09:14", "Heute, 09:14 Uhr", "Vandaag,
/// 09:14 • aangepast 10:02". Furniture when a page has one or
/// two (its dateline); a page of many is a timeline or a calendar.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:(?:today|yesterday|heute|gestern|aujourd['’]hui|hier|hoy|ayer|oggi|ieri|vandaag|gisteren),?\s+(?:(?:at|um|à|a\s+las|alle|om)\s+)?",
        clock!(),
        // "… • aangepast 10:02", "… | aktualisiert 10:02 Uhr"
        r"(?:\s*[•·|,–—-]\s*",
        updated!(),
        r"\s+(?:(?:at|um|om|à|a\s+las|alle)\s+)?",
        clock!(),
        r")?$|",
        r"(?:\p{L}+,?\s+|\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'\-]+)?\s*[-–—|]\s*)?(?:\d{1,2}\.?\s+(?:",
        months!(),
        r")\.?\s+\d{4}|(?:",
        months!(),
        r")\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{2,4})(?:[\s,|·–—-]+",
        clock!(),
        r"(?:\s*(?:gmt|utc)\s*[+\-−]\s*\d{1,2}(?::\d\d)?)?)?",
        // "… Updated 2 hours ago", "…, aktualisiert vor 2 Stunden"
        r"(?:[\s,|·–—-]+",
        updated!(),
        r"\s+(?:\d+\s+\p{L}+\s+(?:ago|fa)|(?:vor|hace|il\s+y\s+a)\s+\d+\s+\p{L}+))?$)",
    ))
    .expect("date line pattern")
});

/// Bylines: "by editor", "By Jane Doe and John Roe", "Von Anna Weber", "Par
/// …", alone or stamped with the time: "Von dpa | 01.12.2026, 09:14 Uhr",
/// "By Jane Doe · Updated Dec. 1, 2026 9:14 am GMT", "Par AFP - Publié le
/// 01/12/2026 à 09h14", "Por Ana García | Madrid | 27 nov 2026 - 09:14
/// CET". The stamp holds only dates, times, places and the words around
/// them, so "By the end of the year, 2026 …" is no byline.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:posted\ |written\ |reported\ )?(?:by|von|par|di|por|door|av|przez)\s+[\p{L}.'’\- ,&]+",
        r"(?:[|·•–—-]\s*(?:(?:\d{1,4}(?:h\d\d)?|\d{1,2}[:.]\d\d|",
        months!(),
        "|",
        r"uhr|am|pm|gmt|cet|cest|utc|bst|updated|published|aktualisiert|veröffentlicht|publié|mis|à|jour|le|on|at|um|(?-i:\p{Lu})[\p{L}\-]+)[\s|·•,./–—-]*)+)?$",
    ))
    .expect("byline pattern")
});

/// The word that opens a byline, on a line of its own because the page set
/// the writer's name in an element of its own: "By", "By:", "Von", "Par".
fn is_byline_word(p: &str) -> bool {
    static BYLINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:(?:posted|written|reported)\s+)?(?:by|von|par|por|door|av|przez)\s*:?$",
        )
        .expect("byline word pattern")
    });
    // (the longest, "Reported by:", fits in 16 bytes with spaces around)
    p.len() <= 24 && BYLINE_WORD.is_match(p.trim())
}

/// A news agency's credit line under the story: "Reporting by Jane Doe in
/// Brussels; Editing by John Smith", "Mit Material von dpa und AFP", "(Avec
/// AFP)", "Le Monde avec AFP", "Con información de EFE". After "by" come names only, so
/// "Reporting by the BBC revealed …" is a sentence.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|graphics|research)\s+by)",
        r"(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|in|from|(?i:(?:additional\s+)?(?:reporting|writing|editing|graphics|research)\s+by))[,;]?)+\.?$",
        r"|^(?i:mit\s+material\s+(?:von|der|aus)\s)[^.!?]+\.?$",
        r"|^\(?(?:\p{Lu}[\p{L}’'\-]*\s+){0,3}(?i:avec|con\s+información\s+de)\s+(?:l[’']\s*)?(?:AFP|Reuters|AP|EFE|Europa\s+Press|dpa|ANSA)\)?\.?$",
    ))
    .expect("credit line pattern")
});

/// Longest credit line, in words.
const CREDIT_LINE_WORDS: usize = 30;

/// Affiliate and sponsorship disclosures, whatever their length.
static DISCLOSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)affiliate (?:links?|commission)(?-u:\b)|(?-u:\b)(?:may|might|could) earn (?:us )?(?:a )?(?:small )?commission(?-u:\b)|(?-u:\b)earn(?:s)? (?:us )?a commission(?-u:\b)|(?-u:\b)this (?:post|article|page) (?:may )?contains? (?:affiliate|sponsored)(?-u:\b)|(?-u:\b)independently (?:selected|chosen|reviewed) by (?:our )?editors(?-u:\b)|(?-u:\b)(?:may|might|could|will) (?:receive|earn|get) (?:a )?(?:small )?(?:commission|compensation)(?-u:\b)|(?-u:\b)earns? (?:us )?(?:a )?(?:small )?commissions?(?-u:\b)|(?-u:\b)may be compensated when you click(?-u:\b)|(?-u:\b)when you (?:buy|click|shop) through (?:the |our )?links(?-u:\b)",
    )
    .expect("disclosure pattern")
});

/// An author's box: "Jane Doe is a freelance writer …", "Anurag is an
/// experienced journalist …", "Elaine Chen covers biotech …", "Writer and
/// storyteller. Contributor to …".
static AUTHOR_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}’'\-]+(?: \p{Lu}[\p{L}’'.\-]+){0,2} (?:(?:is|was) (?:a|an|the) (?:[\p{L}\-,]+ ){0,5}(?:writer|journalist|editor|reporter|author|correspondent|contributor|columnist|freelancer)s?(?-u:\b)|covers \p{Ll})|^(?:Freelance )?(?:Writer|Journalist|Editor|Reporter|Author|Photographer)(?: and \p{Ll}+)?\. ",
    )
    .expect("author box pattern")
});

/// A contact line: "Inquiries: jane@example.com", "Email: …".
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:inquiries|enquiries|e-?mail|contact|reach (?:me|him|her) at)\s*:?\s*)?\S+@\S+\.\w+$")
        .expect("contact line pattern")
});

/// Is this paragraph a note about the writer rather than the story?
pub fn is_author_box(paragraph: &str) -> bool {
    let p = paragraph.trim();
    word_count(p) <= 120 && AUTHOR_BOX.is_match(p)
}

/// Words after which an article has had its say: what follows a closing
/// heading or sits at the very end may be furniture.
const ARTICLE_SAID_WORDS: usize = 150;

/// How many of a page's last paragraphs may be the writer's box.
const AUTHOR_BOX_TAIL: usize = 4;

/// Headings after which a page has only furniture left: related stories,
/// comments, the author's box.
static END_OF_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            related\ (?:posts|articles|stories|reading|content|links)(?:(?-u:\b).*)? | you\ (?:may|might)\ also\ (?:like|enjoy)(?-u:\b).* |
            more\ (?:from\ \S+(?:\ \S+){0,3}|stories|articles|posts)(?:\ (?:you|that)\ (?:may|might)\ (?:like|enjoy))? |
            also\ in\ the\ news | what\ do\ you\ think\?? | recommended(?:\ for\ you|\ reading|\ articles)? | (?:popular|trending)(?:\ posts|\ now|\ stories)? |
            reader\ interactions | (?:\d+\ )?comments?(?:\ \(\d+\))? |
            (?:kommentare|commentaires|réagir|commenti|comentarios)\s*\(\d+\) | leave\ a\ (?:comment|reply) | join\ the\ (?:conversation|discussion) |
            about\ the\ author | share\ this:? | like\ this:? | explore\ more\ on\ (?:these|this)\ topics? | most\ viewed |
            weitere\ artikel | mehr\ zum\ thema | das\ könnte\ sie\ auch\ interessieren | kommentare | über\ (?:den|die)\ autor(?:in)? |
            à\ lire\ aussi | lire\ aussi | sur\ le\ même\ sujet | vous\ aimerez\ aussi | commentaires | à\ propos\ de\ l'auteur |
            leggi\ anche | (?:ti\ )?potrebbe\ interessarti | articoli\ correlati | commenti |
            (?:también\ )?te\ puede\ interesar | noticias\ relacionadas | más\ noticias | más\ información | archivado\ en | comentarios | sobre\ el\ autor |
            bekijk\ ook | lees\ ook | meer\ over\ dit\ onderwerp | gerelateerde\ artikelen | reacties | more\ on\ this\ story
        )$",
    )
    .expect("end-of-article pattern")
});

/// The headings of `END_OF_ARTICLE` that a page may also put inside its
/// story, over a box of links: "Mehr zum Thema", "Related articles",
/// "Lire aussi". (Comments and the author's box only come after it.)
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:related|you (?:may|might) also|more (?:from|stories|articles|posts)|recommended|weitere artikel|mehr zum thema|das könnte|à lire aussi|lire aussi|sur le même sujet|vous aimerez|leggi anche|(?:ti )?potrebbe|articoli correlati|(?:también )?te puede|noticias relacionadas|más noticias|más información|bekijk ook|lees ook|meer over dit onderwerp|gerelateerde artikelen|more on this story)",
    )
    .expect("related heading pattern")
});

/// Most links a box of related stories inside the story holds.
const LINK_BOX_LINES: usize = 3;

/// How many link lines may follow `line` as a box of related stories:
/// up to `LINK_BOX_LINES` under a heading ("Mehr zum Thema"), one after
/// "Related:", none after "Related: …", which is the link itself, or after
/// a line that is no such heading.
fn links_under(line: &str) -> usize {
    if !RELATED_HEADING.is_match(line) {
        0
    } else if END_OF_ARTICLE.is_match(line) {
        LINK_BOX_LINES
    } else {
        usize::from(line.ends_with(':'))
    }
}

/// Does the story go on after a box of related links that starts at
/// `heading`? It does when, before the next closing heading, at least two
/// paragraphs of prose follow and hold at least half as many words as the
/// page had before the box. (Teasers in a list of related stories are
/// few and short beside the story above them.)
fn story_goes_on(paragraphs: &[String], words: &[usize], heading: usize, before: usize) -> bool {
    const PROSE_WORDS: usize = 15;
    let (mut prose, mut prose_words) = (0, 0);
    for (p, &w) in paragraphs.iter().zip(words).skip(heading + 1) {
        if w <= 6 && END_OF_ARTICLE.is_match(p.trim()) {
            break;
        }
        if w >= PROSE_WORDS {
            prose += 1;
            prose_words += w;
        }
    }
    prose >= 2 && prose_words * 2 >= before
}

/// Lines of the page's legal small print, whatever they start with:
/// copyright notices, sign-up consent, template placeholder text, an
/// agency's standards ("Our Standards: The Thomson Reuters Trust
/// Principles."), a subscription's note on a gifted article ("Dieser
/// Artikel gehört zum Angebot von SPIEGEL+ …").
static SMALL_PRINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^lorem ipsum|^our standards:|^dieser artikel gehört zum angebot von(?-u:\b)|(?:^|\s)©\s*\S|\s©$|(?-u:\b)(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|riproduzione riservata|todos los derechos reservados)(?-u:\b)|^by (?:submitting|signing up|clicking|subscribing|providing|entering|continuing)(?-u:\b).*(?-u:\b)you (?:agree|consent|acknowledge)(?-u:\b)",
    )
    .expect("small print pattern")
});

/// A box that sells a newsletter or a subscription, closed by its button:
/// "Newsletter « La Revue du Monde » Chaque week-end, la rédaction
/// sélectionne les articles de la semaine. S’inscrire". The button stands
/// after a sentence's end, so "… expected to subscribe." is no box.
static SIGN_UP_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[.!?»”]\s*(?:s['’]inscrire|inscrivez-vous|je m['’]abonne|sign up(?: now| here| today| for free)?|subscribe(?: now| here| today| for free)?|(?:jetzt )?(?:abonnieren|anmelden|registrieren)|iscriviti(?: ora)?|suscríbete|apúntate|aanmelden|inschrijven)\s*[.!→›»]?$",
    )
    .expect("sign-up box pattern")
});

/// Longest sign-up box, in words.
const SIGN_UP_BOX_WORDS: usize = 40;

/// Longest small-print line, in words.
const SMALL_PRINT_WORDS: usize = 60;

/// Is this paragraph of `words` words only a date?
fn is_date_line(p: &str, words: usize) -> bool {
    words <= DATE_LINE_WORDS && DATE_LINE.is_match(p.trim())
}

/// Most words of a date line: a weekday or place, the date, the time and
/// its zone, and when it was updated.
const DATE_LINE_WORDS: usize = 12;

/// Most date lines a page may have for them to be its dateline.
const DATELINES: usize = 2;

/// Longest byline, in words: a name or two, or with a time stamp a few
/// more.
const BYLINE_WORDS: usize = 8;
const STAMPED_BYLINE_WORDS: usize = 14;

fn is_byline(p: &str, words: usize) -> bool {
    let most = if p.contains(|c: char| c.is_ascii_digit()) {
        STAMPED_BYLINE_WORDS
    } else {
        BYLINE_WORDS
    };
    words <= most && BYLINE.is_match(p)
}

/// Longest line, in words, that the short-line patterns may remove.
const SHORT_LINE_WORDS: usize = 14;

/// Longest stamp line, in words.
const STAMP_WORDS: usize = 30;

/// A time of day alone: "10:02", "09.14 Uhr", "9h14".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}[:.h]\d\d(?:\s*(?:uhr|am|pm))?$").expect("time pattern")
});

/// The line of dates, bylines and reading times a page stamps its story
/// with, each part furniture on its own: "27.11.2026, 09.14 Uhr •
/// Lesezeit: 3 Min.", "Publié le 27 novembre 2026 à 09h14, modifié à 10h02
/// • Temps de lecture : 3 min.", "27 novembre 2026 (modifica il 27
/// novembre 2026 | 10:02)".
fn is_stamp(p: &str) -> bool {
    const SEPARATORS: [char; 5] = ['•', '·', '|', '(', ')'];
    if !p.contains(SEPARATORS) {
        return false;
    }
    let parts: Vec<&str> = p
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let words = word_count(part);
            is_date_line(part, words)
                || TIME.is_match(part)
                || words <= SHORT_LINE_WORDS
                    && (BOILERPLATE.is_match(part) || is_byline(part, words))
        })
}

/// A paragraph of this many words seen twice is a copy (a teaser printed
/// again, a repeated pull quote); shorter repeats are labels that recur in
/// the story ("Pros", "Cons", "What we like") and stay.
const COPY_MIN_WORDS: usize = 8;

/// Is this paragraph page furniture rather than article text?
pub fn is_boilerplate(paragraph: &str) -> bool {
    boilerplate_of(paragraph, word_count(paragraph))
}

/// `is_boilerplate` for a paragraph of `words` words.
fn boilerplate_of(paragraph: &str, words: usize) -> bool {
    let p = paragraph.trim();
    // no word at all: a bullet, a separator, a comma left by links removed
    if !p.chars().any(char::is_alphanumeric) {
        return true;
    }
    if words <= 2 && is_byline_word(p) {
        return true;
    }
    if words <= SHORT_LINE_WORDS && (BOILERPLATE.is_match(p) || is_byline(p, words)) {
        return true;
    }
    if words <= STAMP_WORDS && is_stamp(p) {
        return true;
    }
    if words <= 6 && CONTACT_LINE.is_match(p) {
        return true;
    }
    if words <= CREDIT_LINE_WORDS && CREDIT_LINE.is_match(p) {
        return true;
    }
    // (the credit's length is checked here: a counted repetition in the
    // pattern would multiply the states of its automaton)
    let caption = words <= 60 && is_caption(p);
    if caption || words <= 20 && SHARE_ROW.is_match(p) {
        return true;
    }
    if words <= CROSS_REFERENCE_WORDS && CROSS_REFERENCE.is_match(p) {
        return true;
    }
    if words <= SMALL_PRINT_WORDS && SMALL_PRINT.is_match(p) {
        return true;
    }
    if words <= SIGN_UP_BOX_WORDS && SIGN_UP_BOX.is_match(p) {
        return true;
    }
    if words <= 80 && DISCLOSURE.is_match(p) {
        return true;
    }
    is_breadcrumb(p, words)
}

/// Does the paragraph end in a photo credit or a caption's fold button?
fn is_caption(p: &str) -> bool {
    let Some(c) = CAPTION_CREDIT.captures(p) else {
        return false;
    };
    // no credit: the caption ends in its "hide caption" button
    let Some(credit) = c.name("credit").map(|m| m.as_str()) else {
        return true;
    };
    // a credit closed by a full stop, or after "de", "di" or "von", is a
    // name: "Photo by: 'Neil Thomas'.", not "Photo by photo, the album
    // grows." or "Image de la France"
    let plain = c.name("stop").is_none()
        && c.name("by")
            .is_none_or(|by| by.as_str().eq_ignore_ascii_case("by"));
    credit.chars().count() <= MAX_CREDIT_CHARS
        && (plain || credit.starts_with(|ch: char| ch.is_uppercase() || "'\"‘“".contains(ch)))
}

/// "Home > World > Europe": a trail of links, no sentence.
fn is_breadcrumb(p: &str, words: usize) -> bool {
    words <= 10
        && !p.ends_with(['.', '!', '?', '"', '”'])
        && p.matches(['>', '›', '»', '▸', '/', '|']).count() >= 2
}

/// "Home Europe …": a trail that starts at the site's home page, without
/// marks between its links. Only looked for before the story starts: later,
/// "Home Gym Setup for $500" is a heading.
fn is_home_trail(p: &str, words: usize) -> bool {
    if words > 25 || p.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let lower = p.to_lowercase();
    [
        "home ",
        "home>",
        "home›",
        "home »",
        "startseite ",
        "accueil ",
        "inicio ",
        "portada ",
    ]
    .iter()
    .any(|h| lower.starts_with(h))
}

/// "Jennifer Rankin in Brussels", "Anna Weber und Jan Roth aus Berlin":
/// the writer and where they file from, a line of its own above the
/// story. Only looked for before the story starts: later, "Winter Games
/// in Milan" is a heading.
fn is_filed_from(p: &str, words: usize) -> bool {
    static FILED_FROM: LazyLock<Regex> = LazyLock::new(|| {
        let name = r"[\p{Lu}][\p{L}’'\-]+(?:\s+[\p{Lu}][\p{L}’'\-]+){1,2}";
        Regex::new(&format!(
            r"^{name}(?:,?\s+(?:and|und|et|e|y)\s+{name})?\s+(?:in|aus|à|a|en|da|desde)\s+[\p{{Lu}}][\p{{L}}’'\-]+(?:\s+[\p{{Lu}}][\p{{L}}’'\-]+){{0,2}}$"
        ))
        .expect("filed-from byline pattern")
    });
    words <= FILED_FROM_WORDS && FILED_FROM.is_match(p.trim())
}

/// Longest "Name in Place" byline, in words: two writers and a place.
const FILED_FROM_WORDS: usize = 11;

/// A person's name alone on its line, as a byline sets it beside the date:
/// "Carlos E. Cué", "Ursula von der Leyen". Title-case headings have small
/// words ("What Comes Next"), names do not.
fn is_name_alone(p: &str, words: usize) -> bool {
    static NAME_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}’'\-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}’'\-]+|de|del|der|den|van|von|da|di|du|la|le))*\s+\p{Lu}[\p{L}’'\-]+$")
            .expect("name line pattern")
    });
    (2..=NAME_ALONE_WORDS).contains(&words)
        && NAME_ALONE.is_match(p.trim())
        && p.split_whitespace()
            .all(|w| !HEADING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Most words in a name alone on its line.
const NAME_ALONE_WORDS: usize = 5;

/// Small words of title-case headings, never a whole word of a name.
const HEADING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by",
    "about", "is", "are", "what", "how", "why", "when", "where", "who", "this", "that", "our",
    "your", "my", "we", "you", "next", "new", "more", "top", "best", "latest",
];

/// A page's own table of contents: a run of at least this many short lines,
/// each of which comes back later as a heading of the story, in the same
/// order and with text between them. (A list of tags or specs repeated
/// from card to card comes back without text between its lines.)
const CONTENTS_MIN_LINES: usize = 3;

/// Marks the lines of the page's own tables of contents.
fn table_of_contents(paragraphs: &[String], words: &[usize]) -> Vec<bool> {
    let count = paragraphs.len();
    let mut marks = vec![false; count];
    let short = |i: usize| words[i] <= SHORT_LINE_WORDS;
    // where each short line appears, and how many long paragraphs come
    // before each index
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut long_before = Vec::with_capacity(count + 1);
    long_before.push(0);
    for (i, p) in paragraphs.iter().enumerate() {
        if short(i) {
            places.entry(p.as_str()).or_default().push(i);
        }
        long_before.push(long_before[i] + usize::from(!short(i)));
    }
    if places.values().all(|at| at.len() < 2) {
        return marks;
    }
    let next_place = |i: usize, after: usize| {
        let at = places.get(paragraphs[i].as_str())?;
        at.get(at.partition_point(|&x| x <= after)).copied()
    };
    let mut start = 0;
    while start < count {
        let mut end = start;
        let mut last: Option<usize> = None;
        while end < count && short(end) {
            let Some(at) = next_place(end, last.unwrap_or(end).max(end)) else {
                break;
            };
            if last.is_some_and(|prev| long_before[at] == long_before[prev + 1]) {
                break;
            }
            last = Some(at);
            end += 1;
        }
        if end - start >= CONTENTS_MIN_LINES {
            marks[start..end].iter_mut().for_each(|m| *m = true);
            start = end;
        } else {
            start += 1;
        }
    }
    marks
}

/// Is the paragraph before or after this one a date line?
fn beside_dateline(date_lines: &[bool], index: usize) -> bool {
    date_lines.get(index + 1) == Some(&true) || index > 0 && date_lines[index - 1]
}

/// Drops boilerplate paragraphs and repeats, keeping order, and cuts the
/// page at a heading that starts the furniture after an article ("Related
/// Posts", "Comments", "About the author") once the article had its say.
pub fn clean_paragraphs(paragraphs: Vec<String>) -> Vec<String> {
    let counts: Vec<usize> = paragraphs.iter().map(|p| word_count(p)).collect();
    let total: usize = counts.iter().sum();
    let count = paragraphs.len();
    let mut seen = 0;
    let mut keep = vec![false; count];
    let mut kept: HashSet<&str> = HashSet::with_capacity(count);
    let in_contents = table_of_contents(&paragraphs, &counts);
    let date_lines: Vec<bool> = paragraphs
        .iter()
        .zip(&counts)
        .map(|(p, &w)| is_date_line(p, w))
        .collect();
    let datelines = date_lines.iter().filter(|&&d| d).count() <= DATELINES;
    let mut story_started = false;
    let mut link_box = 0;
    for (index, p) in paragraphs.iter().enumerate() {
        let words = counts[index];
        // "By" on its line, then the writer's name on the next
        let after_byline_word = index > 0 && is_byline_word(&paragraphs[index - 1]);
        if words <= 6
            && (seen >= ARTICLE_SAID_WORDS || seen * 10 >= total * 4)
            && END_OF_ARTICLE.is_match(p.trim())
        {
            if RELATED_HEADING.is_match(p.trim())
                && story_goes_on(&paragraphs, &counts, index, seen)
            {
                // the box goes, heading and links, and the story goes on
                seen += words;
                link_box = links_under(p.trim());
                continue;
            }
            break;
        }
        seen += words;
        if link_box > 0 {
            link_box -= 1;
            if words <= SHORT_LINE_WORDS
                && !p.trim_end().ends_with(['.', '!', '?', '”', '"', '»', '“'])
            {
                continue;
            }
            link_box = 0;
        }
        if boilerplate_of(p, words)
            || (datelines && date_lines[index])
            || (words >= COPY_MIN_WORDS && kept.contains(p.as_str()))
            || in_contents[index]
            || (!story_started && (is_home_trail(p, words) || is_filed_from(p, words)))
            || ((after_byline_word || datelines && beside_dateline(&date_lines, index))
                && is_name_alone(p, words))
        {
            // "Mehr zum Thema" inside the story: its links follow
            if words <= 6 {
                link_box = links_under(p.trim());
            }
            continue;
        }
        // a writer's box above the story, or below it once the story had
        // its say (it belongs to the page, not the text)
        let at_end = index + AUTHOR_BOX_TAIL >= count && seen >= ARTICLE_SAID_WORDS + words;
        if (kept.is_empty() || at_end) && is_author_box(p) {
            continue;
        }
        kept.insert(p);
        keep[index] = true;
        story_started |= words > SHORT_LINE_WORDS;
    }
    paragraphs
        .into_iter()
        .zip(keep)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_filing_from_a_place_and_the_topic_list_go() {
        let page: Vec<String> = [
            "Jennifer Rankin in Brussels",
            "EU leaders have agreed to lend Ukraine €90bn over the next two years, after an all-night summit in Brussels.",
            "The deal, reached shortly before 5am on Thursday, avoids using frozen Russian assets directly.",
            "Winter Games in Milan",
            "The loan will be financed by joint borrowing on the markets, backed by the headroom in the EU budget.",
            "Explore more on these topics",
            "European Union",
            "Ukraine",
            "Most viewed",
        ]
        .map(String::from)
        .to_vec();
        let kept = clean_paragraphs(page);
        assert!(kept[0].starts_with("EU leaders"), "{kept:?}");
        // once the story has started, a line of that shape is a heading
        assert!(
            kept.contains(&"Winter Games in Milan".to_string()),
            "{kept:?}"
        );
        assert!(kept.last().unwrap().starts_with("The loan"), "{kept:?}");
        for byline in [
            "Anna Weber und Jan Roth aus Berlin",
            "Jennifer Rankin and Jon Henley in Paris",
            "Marc Semo à Bruxelles",
        ] {
            assert!(is_filed_from(byline, word_count(byline)), "{byline}");
        }
        for line in ["Christmas in Paris", "EU leaders meet in Brussels today."] {
            assert!(!is_filed_from(line, word_count(line)), "{line}");
        }
        // El País's tag list
        let page: Vec<String> = [
            "El Consejo de Ministros aprobó este martes el proyecto de presupuestos generales del Estado para 2027.",
            "El proyecto llegará al Congreso la próxima semana, donde el Gobierno todavía no tiene asegurados los apoyos.",
            "Archivado En",
            "Presupuestos Generales Estado",
            "Gobierno de España",
            "Más información",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(clean_paragraphs(page).len(), 2);
    }

    #[test]
    fn a_name_alone_beside_the_dateline_is_the_byline() {
        const STANDFIRST: &str =
            "El Consejo de Ministros da luz verde a unas cuentas que prevén un déficit del 2,5%";
        const STORY: &str = "El Consejo de Ministros ha aprobado este martes el proyecto de presupuestos generales del Estado para 2027.";
        let page: Vec<String> = [
            STANDFIRST,
            "Carlos E. Cué",
            "Madrid - 27 nov 2026 - 09:14 CET",
            STORY,
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(clean_paragraphs(page), vec![STANDFIRST, STORY]);
        // below the date as well
        let page: Vec<String> = ["27 novembre 2026", "Marc Semo", STORY]
            .map(String::from)
            .to_vec();
        assert_eq!(clean_paragraphs(page), vec![STORY]);
        for line in [
            "Madrid - 27 nov 2026 - 09:14 CET",
            "Bruxelles | 27 novembre 2026",
            "Vandaag, 09:14",
            "Heute, 09:14 Uhr",
            "Yesterday at 9.14pm",
        ] {
            assert!(is_date_line(line, word_count(line)), "{line}");
        }
        // a name away from the date stays, and so does a heading beside it
        let later = STORY.replace("martes", "miércoles");
        let page: Vec<String> = ["27 novembre 2026", STORY, "Ursula von der Leyen", &later]
            .map(String::from)
            .to_vec();
        assert_eq!(clean_paragraphs(page).len(), 3);
        let page: Vec<String> = ["27 novembre 2026", "What Comes Next", STORY]
            .map(String::from)
            .to_vec();
        assert_eq!(clean_paragraphs(page).len(), 2);
    }

    #[test]
    fn a_byline_split_over_two_lines_goes() {
        const STORY: &str = "EU farm ministers failed to agree on the subsidy package on Tuesday after talks that ran late into the night.";
        for byline in [
            ["By", "Naoise McNally"],
            ["By:", "Carlos E. Cué"],
            ["Von", "Anna Weber"],
        ] {
            let page: Vec<String> = [byline[0], byline[1], STORY].map(String::from).to_vec();
            assert_eq!(clean_paragraphs(page), vec![STORY], "{byline:?}");
        }
        // what links left behind: a bullet, a comma, a rule
        for line in ["•", ",", "* * *", "—"] {
            assert!(is_boilerplate(line), "{line}");
        }
        // a name after a line that is no byline stays
        let page: Vec<String> = ["Speakers", "Naoise McNally", STORY]
            .map(String::from)
            .to_vec();
        assert_eq!(clean_paragraphs(page).len(), 3);
    }

    #[test]
    fn furniture_is_recognised() {
        for line in [
            "Home > World > Europe",
            "Home ▸ News Release ▸ Mindfulness training lowers stress",
            "by editor",
            "By Jane Doe and John Roe",
            "Source link",
            "Reuse this content",
            "Se adhiere a los criterios de The Trust Project",
            "Related Posts",
            "Share this article",
            "We use cookies to improve your experience",
            "Sign up for our morning newsletter",
            "Advertisement",
            "12 comments",
            "Photo: Jane Doe/Reuters",
            "Published 25 November 2026",
            "Read more: Ministers meet in Brussels",
            "Teilen auf Facebook",
            "This article contains affiliate links that may earn us a commission at no extra cost to you.",
            "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
            "If you find this helpful and buy through my links, I may receive a small commission.",
            "Inquiries: archie.f@example.com",
            "Bryon Powell testing out a variety of trail running shoes. Photo: iRunFar/Meghan Hicks",
            "Paris Baguette opened 80 units this year. | Photo by Lisa Jennings",
            "Der Hafen von Antwerpen am Montag (Foto: dpa)",
            "DSLRs are great all-round digital cameras. Photo by: 'Neil Thomas'.",
            "A new study shows a mindfulness program works as well as Lexapro. FatCamera/Getty Images hide caption",
            "toggle caption",
            "Show Caption",
            "Check here to see if your local garden centre stocks it.",
            "Full results from testing 18 top products are in our Product Comparison Table and Analysis & Test Results sections.",
            // German
            "Startseite › Politik › Ausland",
            "Lesen Sie auch: Koalition einigt sich auf Haushalt",
            "Mehr zum Thema",
            "Anzeige",
            "Folgen Sie uns auf Instagram",
            "Stand: 12.03.2026, 14:05 Uhr",
            "3 Min. Lesezeit",
            "Von Anna Weber",
            "Von dpa | 01.12.2026, 09:14 Uhr",
            "By Jane Doe · Updated Dec. 1, 2026 9:14 am GMT",
            "Par AFP - Publié le 01/12/2026 à 09h14",
            "Por Ana García | Madrid | 27 nov 2026 - 09:14 CET",
            "Der Kanzler am Montag in Brüssel. Foto: Michael Kappeler/dpa",
            // French
            "Accueil > International > Europe",
            "Lire aussi : Retraites, ce que contient le projet",
            "À lire également | Le budget adopté en première lecture",
            "Publicité",
            "Suivez-nous sur X",
            "Publié le 12 mars 2026 à 14h05",
            "4 min de lecture",
            "Par la rédaction",
            "Le président devant l'Élysée, mardi. Photo de Jean Dupont",
            // Italian
            "Leggi anche: la manovra in dieci punti",
            "Pubblicità",
            "Seguici su Facebook",
            "Pubblicato il 12 marzo 2026",
            "Di Marco Rossi",
            "La premier a Palazzo Chigi, giovedì. Foto di Marco Rossi",
            // Spanish
            "Lee también: El Congreso aprueba los presupuestos",
            "Publicidad",
            "Síguenos en Instagram",
            "Actualizado 12/03/2026 14:05",
            "12 comentarios",
            "Por Ana García",
            // Dutch, Portuguese, Polish
            "Lees ook: Kabinet valt over asielbeleid",
            "Bekijk ook",
            "Deel artikel:",
            "Leia também: Governo aprova orçamento",
            "Czytaj też: Sejm przyjął budżet",
            "Schrijf je in voor de nieuwsbrief",
            "Meld je aan voor onze nieuwsbrief en mis niets",
            "Abonneer je op de krant",
            "Share this page to Facebook Share this page to X Share this page via Email",
            "Share this article: Facebook X LinkedIn",
            "Teilen: WhatsApp E-Mail",
            "Also read: Ministers meet in Brussels",
            "Read our full review of the Fairphone 5.",
            "Check price at Amazon",
            "Reviewed by: Brian Stormont, CFP®",
            "Medically reviewed by Dr. Anna Weber, cardiologist",
            "Reading Time: 11 minutes",
            "Last reviewed January 2023",
            "Advertisement - Continue Reading Below",
            "Image courtesy of the European Commission",
            "This field is for validation purposes and should be left unchanged.",
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
            "Copyright © 2026 Morgenpost Verlag GmbH. Alle Texte und Bilder sind urheberrechtlich geschützt, all rights reserved.",
            "By signing up, you agree to receive marketing emails from us and to our Privacy Policy. You can unsubscribe at any time.",
            // news agencies' credits and standards
            "Reporting by Jane Doe in Brussels and Max Muster in Berlin; Editing by John Smith",
            "Additional reporting by Anna Weber; Writing by Jane Doe; Editing by Alex Richardson.",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Mit Material von dpa und AFP",
            "(Avec AFP)",
            "Le Monde avec AFP",
            "Con información de EFE",
            // stamps, counts and links of the page's own
            "27.11.2026, 09.14 Uhr • Lesezeit: 3 Min.",
            "Publié le 27 novembre 2026 à 09h14, modifié à 10h02 • Temps de lecture : 3 min.",
            "Von Anna Berg | 27.11.2026, 09:14 Uhr · Lesezeit: 4 Min.",
            "Kommentare (12)",
            "Réagir (34)",
            "Zur Startseite",
            "Dieses Thema im Programm: Das Erste | tagesschau | 27.11.2026 | 09:00 Uhr",
            "Über dieses Thema berichtete Deutschlandfunk am 27. November 2026 um 09:00 Uhr.",
            "Lire plus tard",
            "Später lesen",
            "Jetzt weiterlesen mit SPIEGEL+",
            "27 novembre 2026 (modifica il 27 novembre 2026 | 10:02)",
            "Riproduzione riservata ©",
            "© Le Monde 2026. Tous droits réservés.",
            "Dieser Artikel ist nur für Abonnenten verfügbar.",
            "Dieser Artikel gehört zum Angebot von SPIEGEL+. Sie können ihn auch ohne Abonnement lesen, weil er Ihnen geschenkt wurde.",
            "Il vous reste 75 % de cet article à lire.",
            "La suite est réservée aux abonnés.",
            "Already a subscriber? Log in",
            "This article is for subscribers only.",
            "Questo articolo è riservato agli abbonati.",
            "Este artículo es exclusivo para suscriptores.",
            "Newsletter « La Revue du Monde » Chaque week-end, la rédaction sélectionne les articles de la semaine. S’inscrire",
            "Der Morgen-Newsletter: Die wichtigsten Nachrichten des Tages, jeden Morgen um sechs Uhr in Ihrem Postfach. Jetzt abonnieren",
            "Get the Europe briefing in your inbox every weekday morning, free of charge and with no advertising. Sign up",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        // parts that are not all furniture make no stamp
        for line in [
            "Politik | Deutschland",
            "Bundestag (Berlin)",
            "27.11.2026 • Der Bundestag hat den Haushalt beschlossen.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
        // a sentence that opens like a credit is kept
        for line in [
            "Reporting by the BBC revealed that the ministry had known of the leak for weeks.",
            "Avec AFP et Reuters, la rédaction a suivi la nuit électorale.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn a_dateline_goes_a_timeline_stays() {
        for line in [
            "27 novembre 2026",
            "Nov. 27, 2026",
            "Donnerstag, 27.11.2026, 09:14 Uhr",
            "27/11/2026",
            "November 27, 2026 9:14 AM GMT+1 Updated 2 hours ago",
            "27.11.2026, 09:14 Uhr, aktualisiert vor 2 Stunden",
            "Vandaag, 09:14 • aangepast 10:02",
            "Heute, 09:14 Uhr | aktualisiert 10:02 Uhr",
            "Oggi, 09:14 - aggiornato alle 10:02",
        ] {
            assert!(is_date_line(line, word_count(line)), "{line}");
        }
        for line in ["9.5/10", "Rated 4.5/5 by 27 readers"] {
            assert!(!is_date_line(line, word_count(line)), "{line}");
        }
        let story = "Ministers from the euro area met in Brussels on Monday and agreed to extend the fiscal rules by a year.";
        let page = vec!["27 novembre 2026".to_string(), story.to_string()];
        assert_eq!(clean_paragraphs(page), vec![story.to_string()]);
        let timeline: Vec<String> = [
            "March 16, 2026",
            story,
            "April 7, 2026",
            story,
            "May 5, 2026",
            story,
        ]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{p}{}",
                if i % 2 == 1 {
                    format!(" ({i})")
                } else {
                    String::new()
                }
            )
        })
        .collect();
        assert_eq!(clean_paragraphs(timeline.clone()), timeline);
    }

    #[test]
    fn author_boxes_are_recognised() {
        assert!(is_author_box(
            "Archie is a writer from South London. He studied film production."
        ));
        assert!(is_author_box(
            "Elaine Chen covers biotech and co-writes the newsletter."
        ));
        assert!(!is_author_box(
            "Ursula von der Leyen is a former German defence minister who became Commission president."
        ));
        // a bio that opens with the trade, as a phrase of its own
        assert!(is_author_box(
            "Writer and storyteller. Contributor to The Guardian, Independent and BBC."
        ));
        assert!(!is_author_box(
            "Writers and artists protested outside the ministry on Monday."
        ));
        let page = vec![
            "Archie is a writer from South London who watches too much television.".to_string(),
            "Inquiries: archie@example.com".to_string(),
            "It is nearly the end of the year, and that can only mean one thing: rankings."
                .to_string(),
        ];
        assert_eq!(clean_paragraphs(page).len(), 1);

        // the same box at the end of a story goes too, but not in a short
        // text where it may be the story
        let story = "Ministers from the euro area met in Brussels on Monday and agreed to extend the fiscal rules by a year, officials said after the talks ended late in the evening.";
        let mut page: Vec<String> = (0..6).map(|i| format!("{story} Paragraph {i}.")).collect();
        page.push("Jane Roe is a correspondent in Brussels covering the euro area.".to_string());
        assert!(
            !clean_paragraphs(page.clone())
                .iter()
                .any(|p| p.starts_with("Jane Roe"))
        );
        let short = vec![
            story.to_string(),
            "Jane Roe is a correspondent in Brussels who was detained on Monday.".to_string(),
        ];
        assert_eq!(clean_paragraphs(short).len(), 2);
    }

    #[test]
    fn the_page_is_cut_at_a_closing_heading() {
        let story = "Ministers from the euro area met in Brussels on Monday and agreed to extend the fiscal rules by a year, officials said after the talks ended late in the evening.";
        for heading in [
            "Related Posts",
            "Related articles that may interest you",
            "Related content:",
            "More Articles You Might Enjoy",
            "What do you think?",
            "Comments (12)",
            "Bekijk ook",
            "Meer over dit onderwerp",
            "More on this story",
        ] {
            let mut page: Vec<String> = (0..6).map(|i| format!("{story} Paragraph {i}.")).collect();
            page.push(heading.to_string());
            page.push("Ten cheap flights to take before the summer is over.".to_string());
            assert_eq!(clean_paragraphs(page).len(), 6, "{heading}");
        }
        // early in the page, the same words are a heading of the story
        let page = vec!["What do you think?".to_string(), story.to_string()];
        assert_eq!(clean_paragraphs(page).len(), 2);
    }

    #[test]
    fn a_box_of_related_links_inside_the_story_goes_and_the_story_stays() {
        let page = lines(&[
            "Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. Nach einer langen Debatte stimmten 388 Abgeordnete für den Etat von Finanzminister Lars Klingbeil, 280 dagegen.",
            "Mehr zum Thema",
            "Schuldenbremse: Was die Reform für die Länder bedeutet",
            "„Dieser Haushalt investiert in Schienen, Brücken und Schulen, ohne die Schuldenbremse zu brechen“, sagte Klingbeil im Plenum. Die Ausgaben steigen auf 520 Milliarden Euro.",
            "Die Opposition kritisierte die hohen Kreditaufnahmen scharf und kündigte eine Klage vor dem Bundesverfassungsgericht in Karlsruhe an, sollte der Etat so in Kraft treten.",
            "Kommentare (12)",
            "Das ist ein Skandal, und die Regierung weiß das ganz genau, schreibt ein Leser unter dem Artikel.",
        ]);
        let kept = clean_paragraphs(page.clone());
        assert_eq!(kept, [page[0].as_str(), &page[3], &page[4]], "{kept:#?}");
        // a box after the story is the end of it, links and all
        let mut story: Vec<String> = (0..6).map(|i| format!("{} Absatz {i}.", page[0])).collect();
        story.extend(lines(&[
            "Mehr zum Thema",
            "Schuldenbremse: Was die Reform für die Länder bedeutet",
            "Die Länder fordern mehr Geld vom Bund für Schulen und Straßen, und sie drohen mit einer Blockade im Bundesrat.",
        ]));
        assert_eq!(clean_paragraphs(story).len(), 6);
        // "Related: …" is a link of its own; the heading after it stays
        let page = lines(&[
            &page[0],
            "Related: Maximizing Your SEO with Testimonials",
            "6. Build High-Quality Backlinks",
            &page[3],
        ]);
        assert_eq!(clean_paragraphs(page).len(), 3);
    }

    #[test]
    fn article_text_is_kept() {
        for line in [
            "Ministers met in Brussels on Tuesday to discuss the budget.",
            "By the end of the week, the talks had collapsed and both sides blamed each other for the failure.",
            "Share prices fell sharply after the announcement, traders said.",
            "The agency said the image was taken by a drone over the harbour.",
            "Photographers gathered outside the court before the verdict on Friday.",
            "The new rules",
            "Home owners across Spain face higher mortgage costs after the central bank raised rates again.",
            "Article 53.1© states that providers must publish a summary of their training data.",
            "By signing the treaty, the two countries agreed to share their energy grids from next year.",
            "Photo by photo, the archive of the old harbour grows.",
            "By the end of the year, 2026 will be the hottest on record.",
            "By bus, train and plane, the delegates came from across the continent.",
            "By 2030 – the deadline – half of all cars sold must be electric.",
            "The savings are in the budget's transport and energy sections.",
            "Delegates said the differences between the drafts are in the sections on migration and asylum.",
            "The minister said the cuts are in our transport and energy sections, not in health.",
            "Image de la France à l'étranger: le gouvernement lance une campagne.",
            "Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen.",
            "Le gouvernement a publié mardi un décret qui encadre les loyers dans quarante villes.",
            "Seguirà un incontro con i sindacati nella giornata di giovedì a Palazzo Chigi.",
            "Anzeigen gegen den Bürgermeister wurden am Montag von der Staatsanwaltschaft geprüft.",
            "Readers of the local paper fell by half, but twice as many are now expected to subscribe.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|line| line.to_string()).collect()
    }

    #[test]
    fn copies_go_but_recurring_labels_stay() {
        let teaser = "The council approved the new tram line on Tuesday after a long debate.";
        let page = lines(&[
            teaser,
            "Pros",
            "Runs every ten minutes through the old town and the station.",
            "Cons",
            "Costs more than the bus it replaces, at least for the first years.",
            teaser,
            "Pros",
            "The second option keeps the bus and adds a night service on weekends.",
            "Cons",
            "It does nothing for the crowded platforms at the central station.",
        ]);
        let kept = clean_paragraphs(page);
        assert_eq!(kept.iter().filter(|p| *p == teaser).count(), 1);
        assert_eq!(kept.iter().filter(|p| *p == "Pros").count(), 2);
        assert_eq!(kept.iter().filter(|p| *p == "Cons").count(), 2);
    }

    #[test]
    fn the_page_own_table_of_contents_is_dropped() {
        let section = |what: &str| {
            format!(
                "This section explains in a few plain sentences {what}, and why that matters to the readers of the paper."
            )
        };
        let (why, cost, when) = (section("why"), section("the cost"), section("the date"));
        let page = lines(&[
            "Why the line was built",
            "What it costs",
            "When it opens",
            "Why the line was built",
            &why,
            "What it costs",
            &cost,
            "When it opens",
            &when,
        ]);
        assert_eq!(clean_paragraphs(page.clone()), page[3..].to_vec());
        // a list of features repeated from card to card is not one
        let cards = lines(&[
            "Organic cotton",
            "Fair trade",
            "Recycled packaging",
            "The first brand makes shirts and dresses in a small workshop in Porto.",
            "Organic cotton",
            "Fair trade",
            "Recycled packaging",
            "The second brand sells trousers made from old fishing nets in Lisbon.",
        ]);
        let kept = clean_paragraphs(cards);
        assert_eq!(kept.iter().filter(|p| *p == "Fair trade").count(), 2);
    }

    #[test]
    fn a_home_trail_is_dropped_only_above_the_story() {
        let story = "NATO called on Tuesday for a political solution to the conflict, \
                     its secretary-general told reporters in Brussels.";
        let page = lines(&[
            "Home Europe NATO urges political solution to Afghanistan conflict",
            story,
            "Home Gym Setup for $500",
            "Home Depot (Milwaukee)",
        ]);
        assert_eq!(clean_paragraphs(page.clone()), page[1..].to_vec());
    }
}
