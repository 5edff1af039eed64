//! `digest preview --serve`: the editor's view of the next digest, in a
//! browser. An index page shows the HTML at desktop (600 px) and phone
//! (375 px) widths, the text twin and the raw message; the digest is
//! rendered again whenever `digest.toml` or a file in `templates/` changes,
//! and the index reloads itself when that happens.

use std::future::Future;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::{DOCTYPE, html};
use tokio::sync::Mutex;

use crate::serve::ServeError;

/// One rendering of the preview: what `digest preview --out` writes.
#[derive(Debug, Clone)]
pub struct PreviewPages {
    pub html: String,
    pub text: String,
    /// The whole message as one subscriber would receive it.
    pub eml: Vec<u8>,
    /// Sources that failed, said on the index page.
    pub warnings: Vec<String>,
}

/// Renders the preview anew; the error is shown to the editor as it is.
pub type RenderFn = Arc<
    dyn Fn() -> Pin<Box<dyn Future<Output = Result<PreviewPages, String>> + Send>> + Send + Sync,
>;

/// A rendering and the version of the watched files it was made from.
type Rendered = (u64, Arc<Result<PreviewPages, String>>);

struct App {
    render: RenderFn,
    /// Files and folders whose change means a new rendering.
    watch: Vec<PathBuf>,
    cache: Mutex<Option<Rendered>>,
}

impl App {
    /// The current rendering, made again if a watched file changed.
    async fn current(&self) -> Rendered {
        let version = fingerprint(&self.watch);
        let mut cache = self.cache.lock().await;
        if let Some((v, pages)) = cache.as_ref()
            && *v == version
        {
            return (*v, Arc::clone(pages));
        }
        let pages = Arc::new((self.render)().await);
        if let Err(e) = pages.as_ref() {
            tracing::warn!("preview: {e}");
        }
        *cache = Some((version, Arc::clone(&pages)));
        (version, pages)
    }
}

/// A hash of the names, sizes and modification times of the watched files
/// (folders are read one level deep).
pub fn fingerprint(watch: &[PathBuf]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut stamp = |path: &std::path::Path| {
        path.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(path) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    };
    for path in watch {
        stamp(path);
        if let Ok(entries) = std::fs::read_dir(path) {
            let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            for file in files {
                stamp(&file);
            }
        }
    }
    hasher.finish()
}

/// The preview routes; `watch` lists what triggers a new rendering.
pub fn router(render: RenderFn, watch: Vec<PathBuf>) -> Router {
    let app = Arc::new(App {
        render,
        watch,
        cache: Mutex::new(None),
    });
    Router::new()
        .route("/", get(index))
        .route("/digest.html", get(digest_html))
        .route("/digest.txt", get(digest_text))
        .route("/message.eml", get(message))
        .route("/version", get(version))
        .with_state(app)
}

/// Listens on `addr` until the process is stopped.
pub async fn serve(addr: SocketAddr, router: Router) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    println!("preview on http://{addr}/ (re-rendered when digest.toml or templates/ change)");
    axum::serve(listener, router).await?;
    Ok(())
}

const RELOAD: &str = "(function(){var v=null;setInterval(function(){fetch('/version').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();";

async fn index(State(app): State<Arc<App>>) -> Response {
    let (_, pages) = app.current().await;
    let frame = "border:1px solid #c8ccd0;background:#fff;height:1400px;";
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { "Digest preview" }
                style { "body{font-family:Arial,Helvetica,sans-serif;margin:16px;background:#f4f5f7;color:#1a1a1a}\
                         .views{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}\
                         h2{font-size:15px;margin:0 0 6px}.error{background:#fde2e1;border:1px solid #d93025;padding:12px;white-space:pre-wrap}\
                         .warn{background:#fff4ce;border:1px solid #e0b000;padding:8px 12px;margin:0 0 12px}" }
            }
            body {
                h1 style="font-size:20px;margin:0 0 12px;" { "Digest preview" }
                p { "Re-rendered when digest.toml or templates/ change; this page reloads by itself. "
                    a href="/digest.html" { "HTML" } " · " a href="/digest.txt" { "text" } " · " a href="/message.eml" { "raw message" } }
                @match pages.as_ref() {
                    Err(e) => { div class="error" { (e) } }
                    Ok(p) => {
                        @for w in &p.warnings { div class="warn" { (w) } }
                        div class="views" {
                            div { h2 { "Desktop (600 px)" } iframe title="desktop view" src="/digest.html" width="640" style=(frame) {} }
                            div { h2 { "Phone (375 px)" } iframe title="phone view" src="/digest.html" width="375" style=(frame) {} }
                            div { h2 { "Text" } iframe title="text view" src="/digest.txt" width="600" style=(frame) {} }
                        }
                    }
                }
                script { (maud::PreEscaped(RELOAD)) }
            }
        }
    };
    Html(page.into_string()).into_response()
}

fn rendered(
    pages: &Result<PreviewPages, String>,
    content_type: &'static str,
    pick: impl Fn(&PreviewPages) -> Vec<u8>,
) -> Response {
    match pages {
        Ok(p) => ([(header::CONTENT_TYPE, content_type)], pick(p)).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            e.clone(),
        )
            .into_response(),
    }
}

async fn digest_html(State(app): State<Arc<App>>) -> Response {
    let (_, pages) = app.current().await;
    rendered(&pages, "text/html; charset=utf-8", |p| {
        p.html.clone().into_bytes()
    })
}

async fn digest_text(State(app): State<Arc<App>>) -> Response {
    let (_, pages) = app.current().await;
    rendered(&pages, "text/plain; charset=utf-8", |p| {
        p.text.clone().into_bytes()
    })
}

async fn message(State(app): State<Arc<App>>) -> Response {
    let (_, pages) = app.current().await;
    rendered(&pages, "text/plain; charset=utf-8", |p| p.eml.clone())
}

async fn version(State(app): State<Arc<App>>) -> String {
    fingerprint(&app.watch).to_string()
}
