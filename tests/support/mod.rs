//! Real servers for the integration tests: an HTTP server serving fixture
//! feeds and pages, and an SMTP server that keeps what it receives. Both
//! listen on 127.0.0.1 and live on their own threads for the whole test.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use axum::http::{StatusCode, Uri, header};
use axum::response::IntoResponse;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Path of a file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs the `digest` binary with `args`.
pub fn digest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_digest"))
        .args(args)
        .env_remove("RUST_LOG")
        .env_remove("DIGEST_CONFIG")
        .output()
        .expect("run digest")
}

/// One response the HTTP server gives for a path.
#[derive(Clone)]
pub struct Page {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Page {
    pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Page {
        Page {
            status: 200,
            content_type,
            body: body.into(),
        }
    }
}

/// Starts an HTTP server on 127.0.0.1 serving `pages` by path (query ignored);
/// other paths get 404.
pub fn http_server(pages: HashMap<String, Page>) -> SocketAddr {
    let pages = Arc::new(pages);
    serve_on_own_thread(move |listener| async move {
        let app = axum::Router::new().fallback(move |uri: Uri| {
            let pages = pages.clone();
            async move {
                match pages.get(uri.path()) {
                    Some(p) => (
                        StatusCode::from_u16(p.status).unwrap(),
                        [(header::CONTENT_TYPE, p.content_type)],
                        p.body.clone(),
                    )
                        .into_response(),
                    None => (StatusCode::NOT_FOUND, "not found").into_response(),
                }
            }
        });
        axum::serve(listener, app).await.unwrap();
    })
}

/// Binds 127.0.0.1 on a free port and runs `serve` on it in a thread with its
/// own runtime, so the server outlives any one test step.
fn serve_on_own_thread<F, Fut>(serve: F) -> SocketAddr
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(
            async move { serve(tokio::net::TcpListener::from_std(listener).unwrap()).await },
        );
    });
    addr
}

/// A message as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

/// Starts a minimal SMTP server on 127.0.0.1; returns its address and the
/// messages it accepted.
pub fn smtp_server() -> (SocketAddr, Arc<Mutex<Vec<Received>>>) {
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind smtp");
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let store = inbox.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let (socket, _) = listener.accept().await.unwrap();
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = smtp_session(socket, store).await;
                });
            }
        });
    });
    (addr, inbox)
}

async fn smtp_session(
    socket: tokio::net::TcpStream,
    store: Arc<Mutex<Vec<Received>>>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 test.local ESMTP ready\r\n").await?;
    let mut current = Received {
        mail_from: String::new(),
        rcpt_to: vec![],
        data: vec![],
    };
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let upper = line.trim_end().to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write
                .write_all(b"250-test.local\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n")
                .await?;
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            current = Received {
                mail_from: address_of(&line),
                rcpt_to: vec![],
                data: vec![],
            };
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            current.rcpt_to.push(address_of(&line));
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write
                .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .await?;
            let mut data = Vec::new();
            loop {
                let mut l = String::new();
                if lines.read_line(&mut l).await? == 0 {
                    return Ok(());
                }
                if l == ".\r\n" || l == ".\n" {
                    break;
                }
                let l = l.strip_prefix('.').unwrap_or(&l);
                data.extend_from_slice(l.as_bytes());
            }
            current.data = data;
            store.lock().unwrap().push(current.clone());
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper.starts_with("RSET") {
            current = Received {
                mail_from: String::new(),
                rcpt_to: vec![],
                data: vec![],
            };
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("QUIT") {
            write.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 Command not implemented\r\n").await?;
        }
    }
}

fn address_of(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end].to_string()
}

/// Writes a `digest.toml` into `dir` from `body` (everything after the
/// `[digest]` table) and points templates at the repository's own.
pub fn write_config(dir: &Path, body: &str) -> PathBuf {
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let text = format!(
        "[digest]\ntitle = \"Test Briefing\"\ntimezone = \"Europe/Brussels\"\nfrom = \"Test Briefing <news@briefing.test>\"\nbase_url = \"https://briefing.test\"\npostal_address = \"1 Test Street, Brussels\"\n\n[paths]\ntemplates = {templates:?}\n\n{body}"
    );
    let path = dir.join("digest.toml");
    std::fs::write(&path, text).unwrap();
    path
}
