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

/// Runs `digest --config CONFIG ARGS...`.
pub fn digest_at(config: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--config", config.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    digest(&all)
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
/// Serves `router` on 127.0.0.1 from a thread of its own.
pub fn axum_server(router: axum::Router) -> SocketAddr {
    serve_on_own_thread(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    })
}

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

/// Postfix's `smtp-sink` on 127.0.0.1, keeping every message in a dump file.
/// `.ci/run` installs it (apt package `postfix`).
pub struct SmtpSink {
    pub port: u16,
    pub dump: PathBuf,
    child: std::process::Child,
    _dir: tempfile::TempDir,
}

impl SmtpSink {
    /// Starts a sink with extra options (e.g. `["-r", "RCPT"]` for 4xx replies).
    pub fn start(options: &[&str]) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        Self::start_on(port, dir, options)
    }

    fn start_on(port: u16, dir: tempfile::TempDir, options: &[&str]) -> SmtpSink {
        use std::os::unix::fs::PermissionsExt;
        // smtp-sink drops to `nobody`, who must be able to write the dump.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let dump = dir.path().join("dump");
        let child = Command::new(sink_binary())
            .args(["-u", "nobody", "-D", dump.to_str().unwrap()])
            .args(options)
            .arg(format!("127.0.0.1:{port}"))
            .arg("256")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start smtp-sink");
        let sink = SmtpSink {
            port,
            dump,
            child,
            _dir: dir,
        };
        sink.wait_until_listening();
        sink
    }

    fn wait_until_listening(&self) {
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("smtp-sink did not start on port {}", self.port);
    }

    /// Stops the sink and starts it again on the same port and dump file,
    /// with new options.
    pub fn restart(mut self, options: &[&str]) -> SmtpSink {
        self.stop();
        let port = self.port;
        let dir = std::mem::replace(&mut self._dir, tempfile::tempdir().unwrap());
        std::mem::forget(self);
        // the port is free again once the old process is gone
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Self::start_on(port, dir, options)
    }

    /// Stops the sink (it is also stopped when dropped).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The recipient of every message received so far, in arrival order.
    pub fn recipients(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.dump).unwrap_or_default();
        text.lines()
            .filter_map(|l| l.strip_prefix("X-Rcpt-Args: <"))
            .map(|l| l.trim_end_matches('>').to_string())
            .collect()
    }

    /// The messages received so far, as written by the client: each dump
    /// entry less the sink's own headers and its Received line.
    pub fn messages(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.dump).unwrap_or_default();
        text.split("X-Client-Addr: ")
            .filter(|m| !m.trim().is_empty())
            .map(|entry| {
                let mut lines = entry.split_inclusive('\n').peekable();
                while lines.next_if(|l| !l.starts_with("Received: ")).is_some() {}
                lines.next(); // Received:
                while lines
                    .next_if(|l| l.starts_with('\t') || l.starts_with(' '))
                    .is_some()
                {}
                lines.collect::<String>()
            })
            .collect()
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

fn sink_binary() -> PathBuf {
    for candidate in ["/usr/sbin/smtp-sink", "/usr/lib/postfix/sbin/smtp-sink"] {
        if Path::new(candidate).exists() {
            return candidate.into();
        }
    }
    panic!("smtp-sink not found: install Postfix (apt-get install postfix), as .ci/run does");
}

/// Writes `n` subscribers to `subscribers/<list>.csv` under `dir`.
pub fn write_list(dir: &Path, list: &str, n: usize) -> Vec<String> {
    std::fs::create_dir_all(dir.join("subscribers")).unwrap();
    let emails: Vec<String> = (0..n)
        .map(|i| format!("reader{i:05}@example.org"))
        .collect();
    let mut csv = String::from("email,name\n");
    for (i, e) in emails.iter().enumerate() {
        csv.push_str(&format!("{e},Reader {i}\n"));
    }
    std::fs::write(dir.join(format!("subscribers/{list}.csv")), csv).unwrap();
    emails
}

/// A config using the shipped sample feed, sending through `smtp_url`.
pub fn smtp_config(dir: &Path, smtp_url: &str, extra_smtp: &str) -> PathBuf {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/feeds/europe.xml");
    write_config(
        dir,
        &format!(
            "[[section]]\nname = \"Europe\"\nsources = [{:?}]\n\n[delivery]\ntransport = \"smtp\"\n\n[delivery.smtp]\nurl = \"{smtp_url}\"\ntimeout_secs = 5\n{extra_smtp}\n",
            feed.to_str().unwrap()
        ),
    )
}

/// Runs `digest` with extra environment variables.
pub fn digest_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_digest"));
    cmd.args(args)
        .env_remove("RUST_LOG")
        .env_remove("DIGEST_CONFIG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run digest")
}

/// Copies what the main command reads (digest.toml, sample feeds, lists,
/// templates) into a scratch folder, so a test writes there and not into
/// the repository.
pub fn shipped_setup(into: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("digest.toml"), into.join("digest.toml")).unwrap();
    for dir in ["samples/feeds", "subscribers", "templates"] {
        std::fs::create_dir_all(into.join(dir)).unwrap();
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), into.join(dir).join(entry.file_name())).unwrap();
        }
    }
}

/// A port free on 127.0.0.1 at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `digest` server process, killed when dropped.
pub struct Running {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Running {
    /// Waits until `child` accepts connections on `port`, failing the test
    /// with what happened when it exits first or never listens. (A loaded
    /// machine, with Chromium starting in the next test, can take seconds.)
    pub fn on_port(mut child: std::process::Child, port: u16) -> Running {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the server on port {port} exited before listening: {status}");
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the server on port {port} did not listen within 60 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Running {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
