//! One orchestration function per command: each wires the stages together
//! and reports what happened. Errors here are for people, so they carry
//! context (anyhow); the stages below report typed errors.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

mod sources;

use crate::cli::{Cli, Command, SendArgs, SubscribersCommand};
use newsdigest::collect::{self, Collection, Fetcher};
use newsdigest::config::{CollectSettings, Config, Transport as TransportKind};
use newsdigest::edition::assemble;
use newsdigest::model::{DeliveryOutcome, Edition, Format, Subscriber};
use newsdigest::preview::{self, PreviewPages};
use newsdigest::render::{Briefing, Prepared, Reader, Theme, render_digest};
use newsdigest::send::{
    self, Delivering, Job, Ledger, Outbox, Relay, Sender, Transport, UnsubscribeLinks,
    message::unsubscribe_mailto,
};
use newsdigest::store::{self, DeliveryState, Store, StoreError};
use newsdigest::subscribers::load_lists;
use newsdigest::summarise::summarise;
use newsdigest::unsubscribe::{Secret, SecretError};

/// How a command ended, as cron sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was done.
    Done,
    /// Done in part: a source failed or a message was not delivered.
    Partial,
    /// Nothing was done: bad configuration, list or arguments.
    Refused,
    /// Nothing was done: another send holds the state's lock.
    Busy,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::Partial => ExitCode::from(1),
            Outcome::Refused => ExitCode::from(2),
            Outcome::Busy => ExitCode::from(3),
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
            Command::Feed {
                input,
                json,
                allow_private_hosts,
            } => sources::feed(&input, json, allow_private_hosts).await,
            Command::Check { edition } => {
                let config = load_config(&cli.config)?;
                sources::check(&config, edition.date).await
            }
            Command::Preview {
                edition,
                out,
                serve: None,
            } => {
                let config = load_config(&cli.config)?;
                preview(&config, edition.date, &out).await
            }
            Command::Preview {
                edition,
                serve: Some(addr),
                ..
            } => {
                let config = load_config(&cli.config)?;
                preview_server(config, edition.date, addr).await
            }
            Command::Send(args) => {
                let config = load_config(&cli.config)?;
                send_edition(&config, &args).await
            }
            Command::Subscribers(command) => {
                let config = load_config(&cli.config)?;
                subscribers(&config, command)
            }
            Command::Unsubscribe { from_mbox } => {
                let config = load_config(&cli.config)?;
                unsubscribe_from_mbox(&config, &from_mbox)
            }
            Command::Serve { addr } => {
                let config = load_config(&cli.config)?;
                let secret = Secret::from_env()?;
                let store = Store::open(&config.state.dir)?;
                let router = newsdigest::serve::router(secret, store, config.digest.title.clone());
                newsdigest::serve::serve(addr, router).await?;
                Ok(Outcome::Done)
            }
            Command::Status { edition } => {
                let config = load_config(&cli.config)?;
                status(&config, edition.date)
            }
        }
    })
}

fn load_config(path: &Path) -> Result<Config> {
    Ok(Config::load(path)?)
}

/// `digest summarise`: one page in, its summary out.
/// A file, or an http(s) URL fetched with the collector's safeguards.
async fn read_input(input: &str, allow_private_hosts: bool) -> Result<collect::fetch::Fetched> {
    if input.starts_with("http://") || input.starts_with("https://") {
        let url = url::Url::parse(input).with_context(|| format!("invalid URL `{input}`"))?;
        let settings = CollectSettings {
            allow_private_hosts,
            ..CollectSettings::default()
        };
        Ok(Fetcher::new(&settings)?.fetch_url(&url).await?)
    } else {
        let location = newsdigest::config::SourceLocation::File(input.into());
        Ok(Fetcher::new(&CollectSettings::default())?
            .fetch_source(&location)
            .await?)
    }
}

async fn summarise_one(
    input: &str,
    json: bool,
    lead_words: usize,
    allow_private_hosts: bool,
) -> Result<Outcome> {
    let input = read_input(input, allow_private_hosts).await?;
    let page = collect::charset::page_to_string(&input.body, input.content_type.as_deref());
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
    let memory = Arc::new(store::Memory::open(&config.state.dir)?);
    let fetcher = Fetcher::new(&config.collect)?.with_cache(memory.clone());
    let bar = progress_bar(0, "collecting");
    let progress = |step: collect::Progress| {
        if let Some(bar) = &bar {
            match step {
                collect::Progress::Queued(n) => bar.inc_length(n as u64),
                collect::Progress::Done => bar.inc(1),
            }
        }
    };
    let collection = collect::Collector {
        config,
        fetcher: &fetcher,
        history: memory.as_ref(),
        progress: &progress,
    }
    .collect(date)
    .await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let lead_words = config.summary.lead_words;
    let edition = {
        let collection = collection.clone();
        tokio::task::spawn_blocking(move || assemble(&collection, lead_words)).await?
    };
    tracing::info!(
        "edition {}: {}",
        edition.date,
        collect_summary(&collection, &edition)
    );
    Ok((edition, collection))
}

/// One line saying how collecting went.
fn collect_summary(collection: &Collection, edition: &Edition) -> String {
    let s = &collection.stats;
    format!(
        "{} articles; {} sources ({} unchanged since last run), {} pages fetched, {} left out as sent in an earlier edition, {} failure(s)",
        edition.article_count(),
        s.sources,
        s.not_modified,
        s.pages_fetched,
        s.already_sent,
        collection.failures.len()
    )
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
    eprintln!("collect: {}", collect_summary(&collection, &edition));
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
    let mut briefing = Briefing::new(
        config.digest.title.clone(),
        config.digest.base_url.clone(),
        config.digest.postal_address.clone(),
        config.digest.timezone,
        config.digest.language,
        theme,
    );
    briefing.html_budget = config.digest.max_html_bytes;
    Ok(briefing)
}

/// The unsubscribe secret, if set; a missing one only costs the one-click link.
fn unsubscribe_secret() -> Result<Option<Secret>> {
    match Secret::from_env() {
        Ok(secret) => Ok(Some(secret)),
        Err(SecretError::Missing) => {
            tracing::warn!(
                "{}; messages carry only the mailto unsubscribe link",
                SecretError::Missing
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The links that let `subscriber` leave their list.
fn unsubscribe_links(
    config: &Config,
    sender: &Sender,
    secret: Option<&Secret>,
    subscriber: &Subscriber,
) -> UnsubscribeLinks {
    let https = secret.map(|secret| {
        let mut url = config.digest.base_url.clone();
        url.set_path("unsubscribe");
        url.query_pairs_mut()
            .append_pair("t", &secret.token(&subscriber.list, &subscriber.email));
        url.to_string()
    });
    UnsubscribeLinks {
        https,
        mailto: unsubscribe_mailto(sender, &subscriber.list),
    }
}

fn sender(config: &Config, one_click: bool) -> Result<Sender> {
    let dkim = match &config.delivery.dkim {
        Some(settings) => Some(std::sync::Arc::new(send::dkim::load(settings, one_click)?)),
        None => None,
    };
    Ok(Sender {
        from: config.digest.from.clone(),
        dkim,
    })
}

/// Renders and builds the message for one subscriber.
fn build_for(
    config: &Config,
    prepared: &Prepared<'_>,
    date: NaiveDate,
    sender: &Sender,
    secret: Option<&Secret>,
    subscriber: &Subscriber,
) -> Result<lettre::Message, send::MessageError> {
    let links = unsubscribe_links(config, sender, secret, subscriber);
    let reader = Reader {
        subscriber,
        unsubscribe_url: links.visible().to_string(),
    };
    let digest = prepared.render(&reader);
    send::build_message(digest, subscriber, sender, date, &links)
}

/// The digest as one subscriber would get it: the first subscriber of the
/// lists, or an editor's sample.
async fn preview_pages(config: &Config, date: Option<NaiveDate>) -> Result<PreviewPages> {
    let briefing = briefing(config)?;
    let (edition, collection) = build_edition(config, date).await?;
    let secret = Secret::from_env().ok();
    let sender = sender(config, secret.is_some())?;
    let lists = load_lists(&config.subscribers, None, &config.section_names()).ok();
    let sample = lists
        .and_then(|l| l.subscribers.into_iter().next())
        .unwrap_or_else(|| Subscriber {
            list: "preview".into(),
            email: "preview@example.org".into(),
            name: Some("Editor".into()),
            sections: vec![],
            format: Format::Html,
            language: None,
            timezone: None,
        });
    let links = unsubscribe_links(config, &sender, secret.as_ref(), &sample);
    let reader = Reader {
        subscriber: &sample,
        unsubscribe_url: links.visible().to_string(),
    };
    let digest = render_digest(&edition, &briefing, &reader)?;
    let (html, text) = (digest.html.clone().unwrap_or_default(), digest.text.clone());
    let message = send::build_message(digest, &sample, &sender, edition.date, &links)?;
    Ok(PreviewPages {
        html,
        text,
        eml: message.formatted(),
        warnings: collection.failures.iter().map(|f| f.to_string()).collect(),
    })
}

/// `digest preview`: the digest as one subscriber would get it, on disk.
async fn preview(config: &Config, date: Option<NaiveDate>, out: &Path) -> Result<Outcome> {
    let pages = preview_pages(config, date).await?;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| -> Result<()> {
        let path = out.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
        Ok(())
    };
    write("digest.html", pages.html.as_bytes())?;
    write("digest.txt", pages.text.as_bytes())?;
    write("sample.eml", &pages.eml)?;
    Ok(partial_if(!pages.warnings.is_empty()))
}

/// `digest preview --serve`: the preview in a browser, rendered again from
/// `digest.toml` and `templates/` whenever they change.
async fn preview_server(
    config: Config,
    date: Option<NaiveDate>,
    addr: SocketAddr,
) -> Result<Outcome> {
    let watch = vec![config.path.clone(), config.templates.clone()];
    let path = config.path.clone();
    let render: preview::RenderFn = Arc::new(move || {
        let path = path.clone();
        let handle = tokio::runtime::Handle::current();
        // The rendering runs on a blocking thread of its own, so its future
        // need not be Send.
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let config = Config::load(&path).map_err(|e| e.to_string())?;
                handle
                    .block_on(preview_pages(&config, date))
                    .map_err(|e| format!("{e:#}"))
            })
            .await
            .map_err(|e| e.to_string())?
        })
    });
    preview::serve(addr, preview::router(render, watch)).await?;
    Ok(Outcome::Done)
}

/// The edition as first sent: reruns of the same date send the same digest
/// even if the feeds have moved on. Kept as JSON in the state folder.
async fn edition_for_send(config: &Config, date: NaiveDate) -> Result<(Edition, usize)> {
    let path = config
        .state
        .dir
        .join("editions")
        .join(format!("{date}.json"));
    if let Ok(bytes) = std::fs::read(&path) {
        let edition: Edition = serde_json::from_slice(&bytes)
            .with_context(|| format!("cannot read the saved edition {}", path.display()))?;
        tracing::info!("resuming edition {date} as saved in {}", path.display());
        return Ok((edition, 0));
    }
    let (edition, collection) = build_edition(config, Some(date)).await?;
    if edition.article_count() > 0 {
        let dir = path.parent().expect("editions folder");
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let tmp = path.with_extension("json.part");
        std::fs::write(&tmp, serde_json::to_vec(&edition)?)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        // Later editions leave these articles out.
        let keys: Vec<String> = edition
            .sections
            .iter()
            .flat_map(|s| &s.articles)
            .map(|a| collect::dedupe::canonical_url(&a.url))
            .collect();
        store::Memory::open(&config.state.dir)?.mark_sent(date, keys.iter().map(String::as_str));
    }
    Ok((edition, collection.failures.len()))
}

/// `digest send`: collect, render and deliver to every active subscriber,
/// exactly once per subscriber and edition.
async fn send_edition(config: &Config, args: &SendArgs) -> Result<Outcome> {
    let briefing = briefing(config)?;
    let lists = load_lists(
        &config.subscribers,
        args.list.as_deref(),
        &config.section_names(),
    )?;
    for problem in &lists.problems {
        tracing::warn!("{problem}");
    }
    if !lists.problems.is_empty() && !args.skip_invalid {
        bail!(
            "{} invalid subscriber row(s) (listed above); fix them or pass --skip-invalid to send to the valid rows",
            lists.problems.len()
        );
    }
    let secret = unsubscribe_secret()?;
    let sender = sender(config, secret.is_some())?;
    let date = args
        .edition
        .date
        .unwrap_or_else(|| collect::window::today(config.digest.timezone));

    let _lock = match store::lock_state(&config.state.dir) {
        Ok(lock) => lock,
        Err(e @ StoreError::Busy { .. }) => {
            eprintln!("error: {e}");
            return Ok(Outcome::Busy);
        }
        Err(e) => return Err(e.into()),
    };
    let store = Store::open(&config.state.dir)?;

    // What is left to do: skip suppressed addresses, other shards, and
    // messages the ledger already holds as sent or failed for good.
    let mut report = send::Report::new();
    let mut suppressed_count = 0usize;
    let mut jobs = Vec::new();
    let problem_rows = lists.problems.len();
    let mut known: HashMap<String, (HashSet<String>, HashMap<String, DeliveryState>)> =
        HashMap::new();
    for s in lists.subscribers {
        if args
            .shard
            .is_some_and(|shard| !send::in_shard(&s.email, shard))
        {
            continue;
        }
        if !known.contains_key(&s.list) {
            let ledger = (
                store.suppressed(&s.list)?,
                store.delivery_states(date, &s.list)?,
            );
            known.insert(s.list.clone(), ledger);
        }
        let (suppressed, states) = &known[&s.list];
        let counts = report.entry(s.list.clone()).or_default();
        match states.get(&s.email).copied() {
            Some(DeliveryState::Sent) => counts.already_sent += 1,
            Some(DeliveryState::Failed) => counts.failed += 1,
            _ if suppressed.contains(&s.email.to_lowercase()) => suppressed_count += 1,
            previous => jobs.push(Job {
                subscriber: s,
                previous,
            }),
        }
    }
    drop(known);

    let (edition, source_failures) = if jobs.is_empty() {
        (None, 0)
    } else {
        let (edition, failures) = edition_for_send(config, date).await?;
        (Some(edition), failures)
    };
    if let Some(edition) = edition.as_ref().filter(|e| e.article_count() == 0) {
        println!(
            "edition {}: no articles in the window, nothing sent",
            edition.date
        );
        return Ok(Outcome::Partial);
    }

    if args.dry_run {
        let mut bytes = 0usize;
        if let Some(edition) = &edition {
            let prepared = Prepared::new(edition, &briefing)?;
            for job in &jobs {
                bytes += build_for(
                    config,
                    &prepared,
                    date,
                    &sender,
                    secret.as_ref(),
                    &job.subscriber,
                )?
                .formatted()
                .len();
            }
        }
        println!(
            "dry run, edition {date}: {} messages to send ({} KB), {} already sent, {suppressed_count} suppressed; nothing sent",
            jobs.len(),
            bytes / 1024,
            report.values().map(|c| c.already_sent).sum::<u64>()
        );
        return Ok(partial_if(source_failures > 0));
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
    let retried = jobs.iter().filter(|j| j.previous.is_some()).count();
    if retried > 0 {
        tracing::info!(
            "resuming edition {date}: {retried} message(s) deferred or in flight in an earlier run"
        );
    }

    let progress = progress_bar(jobs.len() as u64, "sending").filter(|_| !jobs.is_empty());
    let (ledger, writer) = Ledger::start(store);
    let result = if let Some(edition) = &edition {
        let prepared = Prepared::new(edition, &briefing)?;
        let run = Delivering {
            transport: &transport,
            ledger: &ledger,
            date,
            concurrency,
            rate_per_second: config.delivery.smtp.rate_per_second,
            build: |s: &Subscriber| build_for(config, &prepared, date, &sender, secret.as_ref(), s),
        };
        send::deliver_all(&run, jobs.into_iter(), |d| {
            match &d.outcome {
                DeliveryOutcome::Deferred(why) => {
                    tracing::warn!("{} ({}): deferred: {why}", d.email, d.list)
                }
                DeliveryOutcome::Failed(why) => {
                    tracing::warn!("{} ({}): failed: {why}", d.email, d.list)
                }
                _ => {}
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        })
        .await
    } else {
        Ok(send::Report::new())
    };
    drop(ledger);
    writer.finish();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    for (list, counts) in result? {
        let total = report.entry(list).or_default();
        total.sent += counts.sent;
        total.deferred += counts.deferred;
        total.failed += counts.failed;
    }

    let summary: Vec<String> = report
        .iter()
        .map(|(list, c)| {
            format!(
                "{list}: {} sent, {} already sent, {} deferred, {} failed",
                c.sent, c.already_sent, c.deferred, c.failed
            )
        })
        .collect();
    let mut line = format!("edition {date}: {}", summary.join("; "));
    if suppressed_count > 0 {
        line.push_str(&format!("; {suppressed_count} suppressed"));
    }
    if source_failures > 0 {
        line.push_str(&format!("; {source_failures} source(s) failed"));
    }
    println!("{line}");
    let unfinished = report.values().any(|c| c.deferred > 0 || c.failed > 0);
    Ok(partial_if(
        unfinished || source_failures > 0 || problem_rows > 0,
    ))
}

/// A progress bar on a terminal; nothing under cron.
/// A progress bar on stderr when it is a terminal; nothing under cron.
fn progress_bar(len: u64, doing: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {doing} {{pos}}/{{len}} [{{bar:40}}] {{per_sec}} eta {{eta}}"
        ))
        .expect("static template")
        .progress_chars("=> "),
    );
    Some(bar)
}

/// `digest status`: where each message of an edition stands.
fn status(config: &Config, date: Option<NaiveDate>) -> Result<Outcome> {
    let date = date.unwrap_or_else(|| collect::window::today(config.digest.timezone));
    let store = Store::open(&config.state.dir)?;
    let rows = store.status(date)?;
    if rows.is_empty() {
        println!("edition {date}: nothing recorded yet");
        return Ok(Outcome::Done);
    }
    let mut per_list: BTreeMap<String, BTreeMap<DeliveryState, u64>> = BTreeMap::new();
    for row in rows {
        per_list
            .entry(row.list)
            .or_default()
            .insert(row.state, row.count);
    }
    println!("edition {date}");
    for (list, states) in &per_list {
        let get = |s| states.get(&s).copied().unwrap_or(0);
        println!(
            "  {list}: {} sent, {} deferred, {} failed, {} in flight, {} pending",
            get(DeliveryState::Sent),
            get(DeliveryState::Deferred),
            get(DeliveryState::Failed),
            get(DeliveryState::InFlight),
            get(DeliveryState::Pending)
        );
    }
    let problems = store.problems(date)?;
    for p in &problems {
        println!(
            "  {} {}: {} after {} attempt(s): {}",
            p.list,
            p.email,
            p.state.as_str(),
            p.attempts,
            p.last_error
        );
    }
    Ok(partial_if(!problems.is_empty()))
}

/// For each subscriber, whether the state suppresses them on their list.
fn suppressed_marks(store: &Store, subscribers: &[Subscriber]) -> Result<Vec<bool>> {
    let mut per_list: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut marks = Vec::with_capacity(subscribers.len());
    for s in subscribers {
        if !per_list.contains_key(s.list.as_str()) {
            per_list.insert(&s.list, store.suppressed(&s.list)?);
        }
        marks.push(per_list[s.list.as_str()].contains(&s.email.to_lowercase()));
    }
    Ok(marks)
}

/// `digest subscribers …`: look after the lists.
fn subscribers(config: &Config, command: SubscribersCommand) -> Result<Outcome> {
    use newsdigest::subscribers::edit::{self, NewRow};
    let sections = config.section_names();
    let dir = &config.subscribers;
    match command {
        SubscribersCommand::List { list, all } => {
            let lists = load_lists(dir, list.as_deref(), &sections)?;
            let store = Store::open(&config.state.dir)?;
            let mut out = std::io::stdout().lock();
            let marks = suppressed_marks(&store, &lists.subscribers)?;
            for (s, suppressed) in lists.subscribers.iter().zip(marks) {
                if suppressed && !all {
                    continue;
                }
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    s.list,
                    s.email,
                    s.name.as_deref().unwrap_or(""),
                    if s.sections.is_empty() {
                        "all".to_string()
                    } else {
                        s.sections.join(";")
                    },
                    if suppressed {
                        "suppressed"
                    } else if s.format == Format::Text {
                        "text"
                    } else {
                        "html"
                    }
                )?;
            }
            if all {
                writeln!(
                    out,
                    "({} row(s) marked unsubscribed or bounced in the files)",
                    lists.inactive
                )?;
            }
            for p in &lists.problems {
                tracing::warn!("{p}");
            }
            Ok(partial_if(!lists.problems.is_empty()))
        }
        SubscribersCommand::Validate { list } => {
            let lists = load_lists(dir, list.as_deref(), &sections)?;
            for p in &lists.problems {
                println!("{p}");
            }
            println!(
                "{} valid row(s), {} inactive, {} invalid",
                lists.subscribers.len(),
                lists.inactive,
                lists.problems.len()
            );
            Ok(if lists.problems.is_empty() {
                Outcome::Done
            } else {
                Outcome::Refused
            })
        }
        SubscribersCommand::Add {
            email,
            list,
            name,
            sections: chosen,
            format,
        } => {
            let format = match format.as_deref() {
                None => None,
                Some("html") => Some(Format::Html),
                Some("text") => Some(Format::Text),
                Some(other) => bail!("unknown format `{other}` (html or text)"),
            };
            let row = NewRow {
                email,
                name,
                sections: chosen
                    .map(|s| {
                        s.split(';')
                            .map(|x| x.trim().to_string())
                            .filter(|x| !x.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                format,
            };
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            edit::add(&list, &edit::list_path(dir, &list), &row, &sections)?;
            println!("added {} to {list}", row.email);
            Ok(Outcome::Done)
        }
        SubscribersCommand::Remove { email, list } => {
            let removed = edit::remove(&edit::list_path(dir, &list), &email)?;
            if removed == 0 {
                bail!("{email} is not on the {list} list");
            }
            println!("removed {email} from {list}");
            Ok(Outcome::Done)
        }
        SubscribersCommand::Import { file, list } => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let report = edit::import(&list, &edit::list_path(dir, &list), &file, &sections)?;
            for p in &report.problems {
                tracing::warn!("{p}");
            }
            println!(
                "imported into {list}: {} added, {} already listed, {} skipped (invalid)",
                report.added,
                report.already_listed,
                report.problems.len()
            );
            Ok(partial_if(!report.problems.is_empty()))
        }
        SubscribersCommand::Export { list } => {
            let lists = load_lists(dir, list.as_deref(), &sections)?;
            let store = Store::open(&config.state.dir)?;
            let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
            writer.write_record(["list", "email", "name", "sections", "format", "status"])?;
            let marks = suppressed_marks(&store, &lists.subscribers)?;
            for (s, suppressed) in lists.subscribers.iter().zip(marks) {
                let status = if suppressed { "unsubscribed" } else { "active" };
                let format = if s.format == Format::Text {
                    "text"
                } else {
                    "html"
                };
                writer.write_record([
                    s.list.as_str(),
                    s.email.as_str(),
                    s.name.as_deref().unwrap_or(""),
                    &s.sections.join(";"),
                    format,
                    status,
                ])?;
            }
            writer.flush()?;
            Ok(Outcome::Done)
        }
    }
}

/// `digest unsubscribe --from-mbox`: unsubscribe the senders of messages whose
/// subject is "unsubscribe LIST" (what the List-Unsubscribe mailto link sends).
fn unsubscribe_from_mbox(config: &Config, mbox: &Path) -> Result<Outcome> {
    let file =
        std::fs::File::open(mbox).with_context(|| format!("cannot read {}", mbox.display()))?;
    let names = newsdigest::subscribers::list_names(&config.subscribers)?;
    let store = Store::open(&config.state.dir)?;
    let (mut applied, mut ignored) = (0usize, 0usize);
    for (i, raw) in
        mail_parser::mailbox::mbox::MessageIterator::new(std::io::BufReader::new(file)).enumerate()
    {
        let Ok(raw) = raw else {
            tracing::warn!("{}: message {}: cannot be read", mbox.display(), i + 1);
            ignored += 1;
            continue;
        };
        let Some(message) = mail_parser::MessageParser::default().parse(raw.contents()) else {
            ignored += 1;
            continue;
        };
        let from = message
            .from()
            .and_then(|f| f.first())
            .and_then(|a| a.address())
            .map(str::to_lowercase);
        let subject = message.subject().unwrap_or("").trim().to_lowercase();
        let mut words = subject.split_whitespace();
        let (Some(from), Some("unsubscribe")) = (from, words.next()) else {
            tracing::warn!(
                "{}: message {}: not an unsubscribe request (subject `{subject}`)",
                mbox.display(),
                i + 1
            );
            ignored += 1;
            continue;
        };
        let lists: Vec<String> = match words.next() {
            Some(list) if names.iter().any(|n| n == list) => vec![list.to_string()],
            Some(list) => {
                tracing::warn!(
                    "{}: message {}: no list named `{list}`; unsubscribing from all",
                    mbox.display(),
                    i + 1
                );
                names.clone()
            }
            None => names.clone(),
        };
        for list in &lists {
            store.suppress(list, &from, "unsubscribed (mail)")?;
        }
        applied += 1;
    }
    println!("{applied} unsubscribe request(s) applied, {ignored} message(s) ignored");
    Ok(partial_if(ignored > 0))
}
