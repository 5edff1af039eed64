//! Command-line interface: the flags and subcommands of `digest`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

/// Turns the day's news feeds into a morning email briefing.
///
/// Exit codes: 0 everything done; 1 done in part (a source failed or a
/// message was not delivered; see the warnings); 2 nothing done because of
/// the configuration, a subscriber list or the command line; 3 another send
/// is running on the same state.
#[derive(Debug, Parser)]
#[command(name = "digest", version, about, long_about = None, after_help = "Exit codes: 0 all done, 1 partly done (see warnings), 2 nothing done (bad config, list or arguments), 3 another send is running.")]
pub struct Cli {
    /// The briefing's configuration file.
    #[arg(
        long,
        short = 'c',
        global = true,
        default_value = "digest.toml",
        env = "DIGEST_CONFIG"
    )]
    pub config: PathBuf,

    /// More detail on standard error (-v info, -vv debug); RUST_LOG overrides.
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Only errors on standard error.
    #[arg(long, short = 'q', global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract and summarise one article page (HTML or plain text).
    Summarise {
        /// A file, or an http(s) URL.
        input: String,
        /// Print one JSON object: {"title", "body", "lead", "quote"}.
        #[arg(long)]
        json: bool,
        /// Word budget of the lead, cut at a sentence boundary.
        #[arg(long, default_value_t = 60)]
        lead_words: usize,
        /// Allow fetching a URL on this machine or a private network.
        #[arg(long)]
        allow_private_hosts: bool,
    },
    /// Gather and summarise the day's articles of every section.
    Collect {
        #[command(flatten)]
        edition: EditionArgs,
        /// Print the edition as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Parse one feed (file or URL) and list every item, whatever its date:
    /// for trying a new source.
    Feed {
        /// A feed file or http(s) URL.
        input: String,
        /// Print `{"title", "items": [{"title", "url", "published", "summary_words"}]}`.
        #[arg(long)]
        json: bool,
        /// Allow a URL on this machine's own network (loopback, private).
        #[arg(long)]
        allow_private_hosts: bool,
    },
    /// Report each configured source's health: reachable, parseable, items in
    /// the edition's window.
    Check {
        #[command(flatten)]
        edition: EditionArgs,
    },
    /// Write the rendered digest (digest.html, digest.txt, sample.eml) for editors.
    Preview {
        #[command(flatten)]
        edition: EditionArgs,
        /// Folder to write into.
        #[arg(long, default_value = "preview")]
        out: PathBuf,
        /// Serve the preview in a browser at this address (e.g.
        /// 127.0.0.1:8025) instead of writing files; it is rendered again
        /// when digest.toml or templates/ change.
        #[arg(long, value_name = "ADDR")]
        serve: Option<std::net::SocketAddr>,
    },
    /// Collect, render and deliver the digest to every active subscriber,
    /// once per subscriber and edition: a rerun resumes where the last stopped.
    Send(SendArgs),
    /// Look after the subscriber lists in subscribers/.
    #[command(subcommand)]
    Subscribers(SubscribersCommand),
    /// Apply unsubscribe requests mailed to the List-Unsubscribe mailto address.
    Unsubscribe {
        /// An mbox file with the received requests (subject "unsubscribe LIST").
        #[arg(long, value_name = "FILE")]
        from_mbox: std::path::PathBuf,
    },
    /// Serve the one-click unsubscribe endpoint (needs DIGEST_SECRET).
    Serve {
        /// Address to listen on; put a TLS proxy for `base_url` in front.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Show how the messages of an edition stand (sent, deferred, failed).
    Status {
        #[command(flatten)]
        edition: EditionArgs,
    },
}

/// `digest subscribers …`
#[derive(Debug, Subcommand)]
pub enum SubscribersCommand {
    /// Print the subscribers (with --all also inactive and suppressed ones).
    List {
        #[arg(long)]
        list: Option<String>,
        /// Also show rows marked unsubscribed or bounced, and suppressed addresses.
        #[arg(long)]
        all: bool,
    },
    /// Check every row; report `file:line: reason` for each bad one.
    Validate {
        #[arg(long)]
        list: Option<String>,
    },
    /// Add one subscriber to a list.
    Add {
        email: String,
        #[arg(long)]
        list: String,
        #[arg(long)]
        name: Option<String>,
        /// Section names separated by ";".
        #[arg(long)]
        sections: Option<String>,
        /// "html" (default) or "text".
        #[arg(long)]
        format: Option<String>,
    },
    /// Remove a subscriber's row from a list.
    Remove {
        email: String,
        #[arg(long)]
        list: String,
    },
    /// Merge a CSV (e.g. another tool's export) into a list, without duplicates.
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        list: String,
    },
    /// Print lists as CSV; suppressed addresses get status "unsubscribed".
    Export {
        #[arg(long)]
        list: Option<String>,
    },
}

/// Flags of `digest send`.
#[derive(Debug, clap::Args)]
pub struct SendArgs {
    #[command(flatten)]
    pub edition: EditionArgs,
    /// Render and count, deliver nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Only this subscriber list (a file name in subscribers/, without .csv).
    #[arg(long)]
    pub list: Option<String>,
    /// Send to the valid rows even when some rows of a list are invalid.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Send only shard K of N (K from 1 to N), so N hosts can split the lists.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 1/4")?;
    let k: u32 = k.trim().parse().map_err(|_| "K must be a number")?;
    let n: u32 = n.trim().parse().map_err(|_| "N must be a number")?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: K must be between 1 and N"));
    }
    Ok((k, n))
}

/// Which edition to work on.
#[derive(Debug, clap::Args)]
pub struct EditionArgs {
    /// Edition date (YYYY-MM-DD); today in the briefing's timezone by default.
    #[arg(long)]
    pub date: Option<NaiveDate>,
}
