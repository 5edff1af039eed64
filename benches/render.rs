//! Rendering benchmark: personalised digests per second on one core
//! (HTML + text + MIME build, no sending) for an edition of 3 sections x 8
//! articles. Run with `cargo bench --bench render`.

use std::hint::black_box;
use std::time::Instant;

use newsdigest::model::{Edition, EditionArticle, EditionSection, Format, Quote, Subscriber};
use newsdigest::render::{Briefing, Prepared, Reader, Theme};
use newsdigest::send::{Sender, UnsubscribeLinks, build_message};

fn edition() -> Edition {
    let lead = "Ministers from the member states met in Brussels on Wednesday to discuss the next budget, \
                and several delegations said they expected the talks to run late into the night.";
    Edition {
        date: "2026-11-26".parse().unwrap(),
        sections: ["Europe", "Economy", "World"]
            .iter()
            .map(|name| EditionSection {
                name: name.to_string(),
                articles: (0..8)
                    .map(|i| EditionArticle {
                        url: format!("https://news.example.org/{name}/{i}?id={i}"),
                        title: format!("{name} story number {i} about the budget talks in Brussels"),
                        source: "Example Wire".into(),
                        published: Some(format!("2026-11-25T{:02}:00:00Z", 8 + i).parse().unwrap()),
                        lead: lead.into(),
                        quote: Some(Quote {
                            text: "We will find an agreement that serves every region, and we will find it this week".into(),
                            speaker: Some("Anna Berg".into()),
                        }),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn main() {
    let edition = edition();
    let theme = Theme::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates"
    )))
    .unwrap();
    let briefing = Briefing::new(
        "Europe Morning Briefing".into(),
        "https://briefing.example.org".parse().unwrap(),
        Some("1 Example Street, Brussels".into()),
        chrono_tz::Europe::Brussels,
        Default::default(),
        theme,
    );
    let sender = Sender {
        from: "Briefing <news@example.org>".parse().unwrap(),
        dkim: None,
    };
    let n = 3000;
    let subscribers: Vec<Subscriber> = (0..n)
        .map(|i| Subscriber {
            list: "europe".into(),
            email: format!("reader{i}@example.org"),
            name: Some(format!("Reader {i}")),
            sections: vec![],
            format: Format::Html,
            language: None,
            timezone: None,
        })
        .collect();
    let links = |s: &Subscriber| UnsubscribeLinks {
        https: Some(format!(
            "https://briefing.example.org/unsubscribe?t={}",
            s.email
        )),
        mailto: "mailto:news@example.org?subject=unsubscribe".into(),
    };

    let start = Instant::now();
    let prepared = Prepared::new(&edition, &briefing).unwrap();
    let prepare_time = start.elapsed();
    let render = |s: &Subscriber| {
        let l = links(s);
        let reader = Reader {
            subscriber: s,
            unsubscribe_url: l.visible().to_string(),
        };
        (prepared.render(&reader), l)
    };

    let start = Instant::now();
    let mut bytes = 0;
    for s in &subscribers {
        let (d, _) = render(s);
        bytes += d.text.len() + d.html.as_ref().map_or(0, |h| h.len());
        black_box(&d);
    }
    let render_time = start.elapsed();

    let start = Instant::now();
    let mut message_bytes = 0;
    for s in &subscribers {
        let (d, l) = render(s);
        let m = build_message(d, s, &sender, edition.date, &l).unwrap();
        message_bytes += black_box(m.formatted()).len();
    }
    let full = start.elapsed();

    // the same again, without formatting the message to bytes
    let start = Instant::now();
    for s in &subscribers {
        let (d, l) = render(s);
        black_box(build_message(d, s, &sender, edition.date, &l).unwrap());
    }
    let built = start.elapsed();

    let per_sec = |d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!("edition: 3 sections x 8 articles; {n} personalised digests");
    println!(
        "prepare (Maud + css-inline, once per edition): {:.1} ms",
        prepare_time.as_secs_f64() * 1000.0
    );
    println!(
        "render (HTML + text):          {:>8.0} digests/s  ({} bytes each)",
        per_sec(render_time),
        bytes / n
    );
    println!(
        "render + MIME build:           {:>8.0} digests/s",
        per_sec(built)
    );
    println!(
        "render + MIME build + format:  {:>8.0} digests/s  ({} bytes each)",
        per_sec(full),
        message_bytes / n
    );
}
