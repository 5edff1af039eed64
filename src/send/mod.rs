//! Stage 4: delivering each subscriber's digest exactly once, through an
//! SMTP relay (`smtp`) or into the local outbox (`outbox`).
//!
//! Every message goes through the ledger (`ledger`, stored by
//! [`crate::store`]): marked in flight before the SMTP transaction, sent after
//! the relay's 250, deferred after a 4xx or a dropped connection (tried again
//! in this run with backoff, then in the next run), failed after a 5xx. A run
//! of the same edition skips what is sent and retries the rest, so a run
//! killed at any point repeats at most the messages that were in flight.

pub mod dkim;
pub mod ledger;
pub mod message;
pub mod outbox;
pub mod smtp;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use chrono::NaiveDate;
use futures_util::future::join_all;
use lettre::Message;

use crate::model::{Delivery, DeliveryOutcome, Subscriber};
use crate::store::{DeliveryState, LedgerUpdate};
pub use ledger::{Ledger, LedgerError};
pub use message::{MessageError, Sender, UnsubscribeLinks, build_message, message_id};
pub use outbox::Outbox;
pub use smtp::{Relay, SmtpFailure};

/// SMTP attempts per message within one run before it is left deferred.
pub const ATTEMPTS: u32 = 4;
/// Wait before the second attempt; doubled for each one after.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    Outbox(Outbox),
    Smtp(Relay),
}

/// One message to deliver: the subscriber, and what the ledger knew before.
#[derive(Debug, Clone)]
pub struct Job {
    pub subscriber: Subscriber,
    /// `Deferred` or `InFlight` from an earlier run, `None` when new.
    pub previous: Option<DeliveryState>,
}

/// How many messages of a list ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sent: u64,
    pub already_sent: u64,
    pub deferred: u64,
    pub failed: u64,
}

/// Counts per list, for the summary line.
pub type Report = BTreeMap<String, Counts>;

/// The part of `subscribers` that shard `k` of `n` (1-based) sends.
pub fn in_shard(email: &str, shard: (u32, u32)) -> bool {
    let (k, n) = shard;
    message::fnv1a(email.to_lowercase().as_bytes()) % u64::from(n) == u64::from(k - 1)
}

/// Spaces messages out to at most `rate` a second across all connections.
struct RateLimit {
    interval: Duration,
    next: tokio::sync::Mutex<tokio::time::Instant>,
}

impl RateLimit {
    fn new(rate: f64) -> RateLimit {
        RateLimit {
            interval: Duration::from_secs_f64(1.0 / rate),
            next: tokio::sync::Mutex::new(tokio::time::Instant::now()),
        }
    }

    async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let now = tokio::time::Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// Everything the workers share.
pub struct Delivering<'a, B> {
    pub transport: &'a Transport,
    pub ledger: &'a Ledger,
    pub date: NaiveDate,
    pub concurrency: usize,
    pub rate_per_second: Option<f64>,
    /// Renders and builds the message of one subscriber; called as the
    /// message is about to go, so memory does not grow with the list.
    pub build: B,
}

/// Delivers every job, `concurrency` at a time; `on_done` sees each
/// delivery as it ends (for warnings and progress).
pub async fn deliver_all<B>(
    run: &Delivering<'_, B>,
    jobs: impl Iterator<Item = Job> + Send,
    on_done: impl FnMut(&Delivery) + Send,
) -> Result<Report, LedgerError>
where
    B: Fn(&Subscriber) -> Result<Message, MessageError> + Sync,
{
    let jobs = Mutex::new(jobs);
    let on_done = Mutex::new(on_done);
    let report = Mutex::new(Report::new());
    let rate = run.rate_per_second.map(RateLimit::new);
    let workers =
        (0..run.concurrency.max(1)).map(|_| worker(run, &jobs, &on_done, &report, rate.as_ref()));
    for result in join_all(workers).await {
        result?;
    }
    Ok(report.into_inner().expect("report lock"))
}

async fn worker<B>(
    run: &Delivering<'_, B>,
    jobs: &Mutex<impl Iterator<Item = Job>>,
    on_done: &Mutex<impl FnMut(&Delivery)>,
    report: &Mutex<Report>,
    rate: Option<&RateLimit>,
) -> Result<(), LedgerError>
where
    B: Fn(&Subscriber) -> Result<Message, MessageError>,
{
    let mut connection: Option<smtp::Connection> = None;
    // The outcome of the worker's last message, committed with the next
    // message's "in flight" (or at the end).
    let mut unrecorded: Option<LedgerUpdate> = None;
    loop {
        let Some(job) = jobs.lock().expect("job lock").next() else {
            break;
        };
        let s = &job.subscriber;
        let update = |state, error: Option<String>, attempts| LedgerUpdate {
            edition: run.date,
            list: s.list.clone(),
            email: s.email.clone(),
            state,
            error,
            attempts,
            suppress: None,
        };
        let (outcome, attempts, no_such_user) = match (run.build)(s) {
            Err(e) => (DeliveryOutcome::Failed(e.to_string()), 0, false),
            Ok(message) => {
                // the last message's outcome and this one's "in flight", in one commit
                let mut batch: Vec<LedgerUpdate> = unrecorded.take().into_iter().collect();
                batch.push(update(DeliveryState::InFlight, None, 0));
                run.ledger.record_all(batch).await?;
                match run.transport {
                    Transport::Outbox(outbox) => {
                        match outbox
                            .deliver(run.date, &s.list, &s.email, &message.formatted())
                            .await
                        {
                            Ok(_) => (DeliveryOutcome::Sent, 1, false),
                            Err(e) => (
                                DeliveryOutcome::Deferred(format!(
                                    "cannot write to the outbox: {e}"
                                )),
                                1,
                                false,
                            ),
                        }
                    }
                    Transport::Smtp(relay) => {
                        send_with_retries(relay, &mut connection, &message, rate).await
                    }
                }
            }
        };
        let last = match &outcome {
            DeliveryOutcome::Sent => update(DeliveryState::Sent, None, attempts),
            DeliveryOutcome::Deferred(why) => {
                update(DeliveryState::Deferred, Some(why.clone()), attempts)
            }
            DeliveryOutcome::Failed(why) => LedgerUpdate {
                // a mailbox that does not exist is not tried again, on any list
                suppress: no_such_user.then(|| why.clone()),
                ..update(DeliveryState::Failed, Some(why.clone()), attempts)
            },
        };
        if let Some(previous) = unrecorded.replace(last) {
            run.ledger.record(previous).await?;
        }
        let delivery = Delivery {
            list: s.list.clone(),
            email: s.email.clone(),
            outcome,
        };
        {
            let mut report = report.lock().expect("report lock");
            let counts = report.entry(s.list.clone()).or_default();
            match &delivery.outcome {
                DeliveryOutcome::Sent => counts.sent += 1,
                DeliveryOutcome::Deferred(_) => counts.deferred += 1,
                DeliveryOutcome::Failed(_) => counts.failed += 1,
            }
        }
        (on_done.lock().expect("progress lock"))(&delivery);
    }
    if let Some(last) = unrecorded {
        run.ledger.record(last).await?;
    }
    if let Some(conn) = connection {
        conn.quit().await;
    }
    Ok(())
}

/// Sends one message over the worker's connection, reconnecting and
/// retrying with backoff after transient failures. Returns the outcome, the
/// number of attempts made, and whether the relay said the mailbox does not
/// exist.
async fn send_with_retries(
    relay: &Relay,
    connection: &mut Option<smtp::Connection>,
    message: &Message,
    rate: Option<&RateLimit>,
) -> (DeliveryOutcome, u32, bool) {
    let envelope = message.envelope().clone();
    let bytes = message.formatted();
    let mut attempt = 1;
    loop {
        if let Some(rate) = rate {
            rate.wait().await;
        }
        let result = match connection {
            Some(conn) => conn.send(&envelope, &bytes).await,
            None => match relay.connect().await {
                Ok(mut conn) => {
                    let r = conn.send(&envelope, &bytes).await;
                    *connection = Some(conn);
                    r
                }
                Err(e) => Err(e),
            },
        };
        if connection.as_ref().is_some_and(|c| c.is_broken()) {
            *connection = None;
        }
        match result {
            Ok(()) => return (DeliveryOutcome::Sent, attempt, false),
            Err(SmtpFailure::Permanent {
                reply,
                no_such_user,
            }) => {
                return (DeliveryOutcome::Failed(reply), attempt, no_such_user);
            }
            Err(SmtpFailure::Transient(why)) if attempt >= ATTEMPTS => {
                return (DeliveryOutcome::Deferred(why), attempt, false);
            }
            Err(SmtpFailure::Transient(why)) => {
                tracing::debug!("attempt {attempt}: {why}; retrying");
                tokio::time::sleep(FIRST_BACKOFF * 2u32.pow(attempt - 1)).await;
                *connection = None;
                attempt += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_list() {
        let emails: Vec<String> = (0..1000).map(|i| format!("user{i}@example.org")).collect();
        let mut total = 0;
        for k in 1..=3 {
            let n = emails.iter().filter(|e| in_shard(e, (k, 3))).count();
            assert!(n > 250, "shard {k} has {n}");
            total += n;
        }
        assert_eq!(total, 1000);
        assert!(in_shard("A@x.org", (1, 1)));
    }
}
