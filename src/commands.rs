//! One orchestration function per command: each wires the stages together
//! and reports what happened. Errors here are for people, so they carry
//! context (anyhow); the stages below report typed errors.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, Command};
use newsdigest::collect::{self, Collection, Fetcher};
use newsdigest::config::{CollectSettings, Config, Transport as TransportKind};
use newsdigest::edition::assemble;
use newsdigest::model::{DeliveryOutcome, Edition, Format, Subscriber};
use newsdigest::render::{Briefing, Reader, Theme, render_digest};
use newsdigest::send::{self, Outbox, Relay, Sender, Transport, message::unsubscribe_mailto};
use newsdigest::subscribers::load_lists;
use newsdigest::summarise::summarise;

/// How a command ended, as cron sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was done.
    Done,
    /// Done in part: a source failed or a message was not delivered.
    Partial,
    /// Nothing was done: bad configuration, list or arguments.
    Refused,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::Partial => ExitCode::from(1),
            Outcome::Refused => ExitCode::from(2),
        }
    }
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<Outcome> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        match cli.command {
            Command::Summarise {
                input,
                json,
                lead_words,
                allow_private_hosts,
            } => summarise_one(&input, json, lead_words, allow_private_hosts).await,
            Command::Collect { edition, json } => {
                let config = load_config(&cli.config)?;
                collect_edition(&config, edition.date, json).await
            }
            Command::Preview { edition, out } => {
                let config = load_config(&cli.config)?;
                preview(&config, edition.date, &out).await
            }
            Command::Send {
                edition,
                dry_run,
                list,
                skip_invalid,
            } => {
                let config = load_config(&cli.config)?;
                send_edition(
                    &config,
                    edition.date,
                    dry_run,
                    list.as_deref(),
                    skip_invalid,
                )
                .await
            }
        }
    })
}

fn load_config(path: &Path) -> Result<Config> {
    Ok(Config::load(path)?)
}

/// `digest summarise`: one page in, its summary out.
async fn summarise_one(
    input: &str,
    json: bool,
    lead_words: usize,
    allow_private_hosts: bool,
) -> Result<Outcome> {
    let bytes = if input.starts_with("http://") || input.starts_with("https://") {
        let url = url::Url::parse(input).with_context(|| format!("invalid URL `{input}`"))?;
        let settings = CollectSettings {
            allow_private_hosts,
            ..CollectSettings::default()
        };
        Fetcher::new(&settings)?.fetch_url(&url).await?.body
    } else {
        std::fs::read(input).with_context(|| format!("cannot read {input}"))?
    };
    let page = String::from_utf8_lossy(&bytes);
    let summary = summarise(&page, lead_words);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &summary)?;
        writeln!(out)?;
    } else {
        if let Some(title) = &summary.title {
            writeln!(out, "{title}\n")?;
        }
        writeln!(out, "Lead: {}\n", summary.lead)?;
        if let Some(q) = &summary.quote {
            writeln!(
                out,
                "Quote: “{}” — {}\n",
                q.text,
                q.speaker.as_deref().unwrap_or("(unattributed)")
            )?;
        }
        writeln!(out, "{}", summary.body)?;
    }
    Ok(Outcome::Done)
}

/// Collects and summarises an edition; failed sources are warned about.
async fn build_edition(config: &Config, date: Option<NaiveDate>) -> Result<(Edition, Collection)> {
    let date = date.unwrap_or_else(|| collect::window::today(config.digest.timezone));
    let fetcher = Fetcher::new(&config.collect)?;
    let collection = collect::collect_edition(config, &fetcher, date).await;
    let lead_words = config.summary.lead_words;
    let edition = {
        let collection = collection.clone();
        tokio::task::spawn_blocking(move || assemble(&collection, lead_words)).await?
    };
    tracing::info!(
        "edition {}: {} articles, {} failed sources",
        edition.date,
        edition.article_count(),
        collection.failures.len()
    );
    Ok((edition, collection))
}

/// `digest collect`: the edition, as JSON or for reading.
async fn collect_edition(config: &Config, date: Option<NaiveDate>, json: bool) -> Result<Outcome> {
    let (edition, collection) = build_edition(config, date).await?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &edition)?;
        writeln!(out)?;
    } else {
        let tz = config.digest.timezone;
        writeln!(
            out,
            "Edition {} ({} to {}, {tz})",
            edition.date,
            collection
                .window
                .start
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M"),
            collection
                .window
                .end
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M"),
        )?;
        for section in &edition.sections {
            writeln!(
                out,
                "\n{} ({} articles)",
                section.name,
                section.articles.len()
            )?;
            for a in &section.articles {
                writeln!(out, "  - {} ({})", a.title, a.source)?;
                writeln!(out, "    {}", a.lead)?;
            }
        }
    }
    Ok(partial_if(!collection.failures.is_empty()))
}

fn partial_if(partial: bool) -> Outcome {
    if partial {
        Outcome::Partial
    } else {
        Outcome::Done
    }
}

fn briefing(config: &Config) -> Result<Briefing> {
    let theme = Theme::load(&config.templates)?;
    Ok(Briefing {
        title: config.digest.title.clone(),
        base_url: config.digest.base_url.clone(),
        postal_address: config.digest.postal_address.clone(),
        timezone: config.digest.timezone,
        theme,
        reply_address: config.digest.from.email.to_string(),
    })
}

/// `digest preview`: the digest as one subscriber would get it, on disk.
async fn preview(config: &Config, date: Option<NaiveDate>, out: &Path) -> Result<Outcome> {
    let briefing = briefing(config)?;
    let (edition, collection) = build_edition(config, date).await?;
    let sender = Sender {
        from: config.digest.from.clone(),
    };
    let lists = load_lists(&config.subscribers, None, &config.section_names()).ok();
    let sample = lists
        .and_then(|l| l.subscribers.into_iter().next())
        .unwrap_or_else(|| Subscriber {
            list: "preview".into(),
            email: "preview@example.org".into(),
            name: Some("Editor".into()),
            sections: vec![],
            format: Format::Html,
        });
    let reader = Reader {
        subscriber: &sample,
        unsubscribe_url: unsubscribe_mailto(&sender, &sample.list),
    };
    let digest = render_digest(&edition, &briefing, &reader);
    let message = send::build_message(&digest, &sample, &sender, edition.date)?;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| -> Result<()> {
        let path = out.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
        Ok(())
    };
    write(
        "digest.html",
        digest.html.as_deref().unwrap_or_default().as_bytes(),
    )?;
    write("digest.txt", digest.text.as_bytes())?;
    write("sample.eml", &message.formatted())?;
    Ok(partial_if(!collection.failures.is_empty()))
}

/// `digest send`: collect, render and deliver to every active subscriber.
async fn send_edition(
    config: &Config,
    date: Option<NaiveDate>,
    dry_run: bool,
    only_list: Option<&str>,
    skip_invalid: bool,
) -> Result<Outcome> {
    let briefing = briefing(config)?;
    let lists = load_lists(&config.subscribers, only_list, &config.section_names())?;
    for problem in &lists.problems {
        tracing::warn!("{problem}");
    }
    if !lists.problems.is_empty() && !skip_invalid {
        bail!(
            "{} invalid subscriber row(s) (listed above); fix them or pass --skip-invalid to send to the valid rows",
            lists.problems.len()
        );
    }
    let (edition, collection) = build_edition(config, date).await?;
    if edition.article_count() == 0 {
        tracing::warn!("edition {} has no articles: nothing sent", edition.date);
        println!(
            "edition {}: no articles in the window, nothing sent",
            edition.date
        );
        return Ok(Outcome::Partial);
    }

    let sender = Sender {
        from: config.digest.from.clone(),
    };
    let render = |subscriber: &Subscriber| {
        let reader = Reader {
            subscriber,
            unsubscribe_url: unsubscribe_mailto(&sender, &subscriber.list),
        };
        render_digest(&edition, &briefing, &reader)
    };
    if dry_run {
        let bytes: usize = lists
            .subscribers
            .iter()
            .map(|s| {
                let d = render(s);
                d.text.len() + d.html.map_or(0, |h| h.len())
            })
            .sum();
        println!(
            "dry run, edition {}: {} articles, {} messages rendered ({} KB), nothing sent",
            edition.date,
            edition.article_count(),
            lists.subscribers.len(),
            bytes / 1024
        );
        return Ok(partial_if(!collection.failures.is_empty()));
    }

    let (transport, concurrency) = match config.delivery.transport {
        TransportKind::Outbox => (
            Transport::Outbox(Outbox {
                dir: config.delivery.outbox.clone(),
            }),
            4,
        ),
        TransportKind::Smtp => {
            let password = std::env::var(send::smtp::PASSWORD_ENV).ok();
            let relay = Relay::new(&config.delivery.smtp, password)?;
            (Transport::Smtp(relay), config.delivery.smtp.concurrency)
        }
    };
    let deliveries = send::deliver_all(
        &transport,
        &sender,
        edition.date,
        lists.subscribers,
        concurrency,
        render,
        |d| {
            if let DeliveryOutcome::Failed(why) = &d.outcome {
                tracing::warn!("{} ({}): not delivered: {why}", d.email, d.list);
            }
        },
    )
    .await;

    let mut per_list: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for d in &deliveries {
        let counts = per_list.entry(d.list.as_str()).or_default();
        match d.outcome {
            DeliveryOutcome::Sent => counts[0] += 1,
            DeliveryOutcome::AlreadySent => counts[1] += 1,
            DeliveryOutcome::Failed(_) => counts[2] += 1,
        }
    }
    let failed: usize = per_list.values().map(|c| c[2]).sum();
    let summary: Vec<String> = per_list
        .iter()
        .map(|(list, [sent, already, failed])| {
            format!("{list}: {sent} sent, {already} already sent, {failed} failed")
        })
        .collect();
    println!(
        "edition {}: {}{}",
        edition.date,
        summary.join("; "),
        if collection.failures.is_empty() {
            String::new()
        } else {
            format!("; {} source(s) failed", collection.failures.len())
        }
    );
    Ok(partial_if(
        failed > 0 || !collection.failures.is_empty() || !lists.problems.is_empty(),
    ))
}
