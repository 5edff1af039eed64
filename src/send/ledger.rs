//! The send ledger as the workers see it: one writer thread that commits the
//! updates of all workers together (group commit), and answers each worker
//! only once its update is on disk. A worker records the outcome of one
//! message together with the "in flight" of its next, and never starts a
//! transaction before both are committed, so a crash can leave at most one
//! unrecorded message per worker.

use std::sync::mpsc as std_mpsc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::store::{LedgerUpdate, Store, StoreError};

type Request = (Vec<LedgerUpdate>, oneshot::Sender<Result<(), String>>);

/// A cheap handle the workers share.
#[derive(Clone)]
pub struct Ledger {
    tx: std_mpsc::Sender<Request>,
}

/// Owns the writer thread; `finish` hands the store back.
pub struct LedgerWriter {
    thread: JoinHandle<Store>,
}

/// Why an update could not be recorded.
#[derive(Debug, thiserror::Error)]
#[error("cannot record delivery state: {0}")]
pub struct LedgerError(String);

impl Ledger {
    /// Starts the writer thread over `store`.
    pub fn start(mut store: Store) -> (Ledger, LedgerWriter) {
        let (tx, rx) = std_mpsc::channel::<Request>();
        let thread = std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = vec![first];
                while let Ok(more) = rx.try_recv() {
                    batch.push(more);
                }
                let updates: Vec<LedgerUpdate> =
                    batch.iter().flat_map(|(u, _)| u.iter().cloned()).collect();
                let result = store.apply(&updates).map_err(|e: StoreError| e.to_string());
                for (_, reply) in batch {
                    let _ = reply.send(result.clone());
                }
            }
            store
        });
        (Ledger { tx }, LedgerWriter { thread })
    }

    /// Records `update` and waits until it is committed.
    pub async fn record(&self, update: LedgerUpdate) -> Result<(), LedgerError> {
        self.record_all(vec![update]).await
    }

    /// Records `updates` in one transaction and waits until it is committed.
    pub async fn record_all(&self, updates: Vec<LedgerUpdate>) -> Result<(), LedgerError> {
        let (reply, done) = oneshot::channel();
        self.tx
            .send((updates, reply))
            .map_err(|_| LedgerError("the ledger writer has stopped".into()))?;
        done.await
            .map_err(|_| LedgerError("the ledger writer has stopped".into()))?
            .map_err(LedgerError)
    }
}

impl LedgerWriter {
    /// Waits for the writer to drain (every `Ledger` handle dropped) and
    /// returns the store.
    pub fn finish(self) -> Store {
        self.thread.join().expect("ledger writer thread panicked")
    }
}
