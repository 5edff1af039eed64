//! Stage 4: delivering each subscriber's digest, through an SMTP relay or
//! into the local outbox (`outbox`). `message` builds the MIME message with
//! its list headers; `smtp` talks to the relay.

pub mod message;
pub mod outbox;
pub mod smtp;

use std::time::Duration;

use chrono::NaiveDate;
use futures_util::stream::{self, StreamExt};

use crate::model::{Delivery, DeliveryOutcome, Digest, Subscriber};
pub use message::{Sender, build_message, message_id};
pub use outbox::Outbox;
pub use smtp::{Relay, SmtpFailure};

/// Attempts per message within one run for transient SMTP failures.
const ATTEMPTS: u32 = 3;

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    Outbox(Outbox),
    Smtp(Relay),
}

/// Delivers a digest to every subscriber, `concurrency` at a time.
/// `render` is called per subscriber, as the message is sent, so memory does
/// not grow with the list.
pub async fn deliver_all<F>(
    transport: &Transport,
    sender: &Sender,
    date: NaiveDate,
    subscribers: Vec<Subscriber>,
    concurrency: usize,
    render: F,
    mut on_done: impl FnMut(&Delivery),
) -> Vec<Delivery>
where
    F: Fn(&Subscriber) -> Digest,
{
    let render = &render;
    let mut deliveries = Vec::with_capacity(subscribers.len());
    let mut results = stream::iter(subscribers.into_iter().map(|subscriber| async move {
        deliver_one(transport, sender, date, &subscriber, render).await
    }))
    .buffer_unordered(concurrency.max(1));
    while let Some(delivery) = results.next().await {
        on_done(&delivery);
        deliveries.push(delivery);
    }
    deliveries
}

async fn deliver_one<F>(
    transport: &Transport,
    sender: &Sender,
    date: NaiveDate,
    subscriber: &Subscriber,
    render: &F,
) -> Delivery
where
    F: Fn(&Subscriber) -> Digest,
{
    let id = message_id(date, &subscriber.list, &subscriber.email, sender.domain());
    let done = |outcome| Delivery {
        list: subscriber.list.clone(),
        email: subscriber.email.clone(),
        message_id: id.clone(),
        outcome,
    };
    if let Transport::Outbox(outbox) = transport
        && outbox.contains(date, &subscriber.list, &subscriber.email)
    {
        return done(DeliveryOutcome::AlreadySent);
    }
    let digest = render(subscriber);
    let message = match build_message(&digest, subscriber, sender, date) {
        Ok(m) => m,
        Err(e) => return done(DeliveryOutcome::Failed(e.to_string())),
    };
    match transport {
        Transport::Outbox(outbox) => {
            match outbox
                .deliver(
                    date,
                    &subscriber.list,
                    &subscriber.email,
                    &message.formatted(),
                )
                .await
            {
                Ok(_) => done(DeliveryOutcome::Sent),
                Err(e) => done(DeliveryOutcome::Failed(format!(
                    "cannot write to outbox: {e}"
                ))),
            }
        }
        Transport::Smtp(relay) => {
            let mut attempt = 1;
            loop {
                match relay.send(message.clone()).await {
                    Ok(()) => return done(DeliveryOutcome::Sent),
                    Err(SmtpFailure::Permanent(why)) => return done(DeliveryOutcome::Failed(why)),
                    Err(SmtpFailure::Transient(why)) if attempt >= ATTEMPTS => {
                        return done(DeliveryOutcome::Failed(format!(
                            "{why} (after {attempt} attempts)"
                        )));
                    }
                    Err(SmtpFailure::Transient(why)) => {
                        tracing::debug!("{}: {why}; retrying", subscriber.email);
                        tokio::time::sleep(Duration::from_millis(200 * 2u64.pow(attempt))).await;
                        attempt += 1;
                    }
                }
            }
        }
    }
}
