//! `digest serve`: the one-click unsubscribe endpoint of RFC 8058 behind the
//! HTTPS link in every message.
//!
//! `POST /unsubscribe?t=TOKEN` with `List-Unsubscribe=One-Click` in a
//! form-urlencoded or multipart body unsubscribes at once and answers 200
//! (no redirect). `GET` only shows a page with one button, so link scanners
//! unsubscribe nobody. `POST /resubscribe?t=TOKEN` undoes it. A token that
//! does not verify gets 403 and changes nothing.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::{DOCTYPE, Markup, html};

use crate::store::{Store, StoreError};
use crate::unsubscribe::Secret;

/// Why the server stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

struct App {
    secret: Secret,
    store: Mutex<Store>,
    title: String,
}

/// The routes, over the state store; for tests and for [`serve`].
pub fn router(secret: Secret, store: Store, title: String) -> Router {
    let app = Arc::new(App {
        secret,
        store: Mutex::new(store),
        title,
    });
    Router::new()
        .route("/unsubscribe", get(confirm_page).post(unsubscribe))
        .route("/resubscribe", axum::routing::post(resubscribe))
        .with_state(app)
}

/// Listens on `addr` until the process is stopped.
pub async fn serve(addr: SocketAddr, router: Router) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    tracing::info!("one-click unsubscribe endpoint on http://{addr}/unsubscribe");
    axum::serve(listener, router).await?;
    Ok(())
}

fn token(query: &Option<String>) -> Option<String> {
    url::form_urlencoded::parse(query.as_deref()?.as_bytes())
        .find(|(k, _)| k == "t")
        .map(|(_, v)| v.into_owned())
}

/// The token of the request and the list and address it names; `None` for
/// a missing or false one.
fn verified(app: &App, query: &Option<String>) -> Option<(String, String, String)> {
    let t = token(query)?;
    let (list, email) = app.secret.verify(&t)?;
    Some((t, list, email))
}

fn page(title: &str, heading: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (heading) " · " (title) }
            }
            body style="font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;line-height:1.5;" {
                h1 style="font-size:22px;" { (heading) }
                (body)
            }
        }
    }
}

fn forbidden(app: &App) -> Response {
    (
        StatusCode::FORBIDDEN,
        Html(
            page(
                &app.title,
                "This link is not valid",
                html! { p { "The link is incomplete or was changed. Use the unsubscribe link of a recent message." } },
            )
            .into_string(),
        ),
    )
        .into_response()
}

/// GET: a page with one button; nothing changes.
async fn confirm_page(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let Some((t, list, email)) = verified(&app, &query) else {
        return forbidden(&app);
    };
    let action = format!(
        "/unsubscribe?t={}",
        url::form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>()
    );
    Html(
        page(
            &app.title,
            "Unsubscribe",
            html! {
                p { "Stop sending the " strong { (list) } " list of " (app.title) " to " strong { (email) } "?" }
                form method="post" action=(action) {
                    input type="hidden" name="List-Unsubscribe" value="One-Click";
                    button type="submit" style="font-size:16px;padding:8px 16px;" { "Unsubscribe" }
                }
            },
        )
        .into_string(),
    )
    .into_response()
}

/// Does the POST body carry `List-Unsubscribe=One-Click` (form-urlencoded or multipart)?
fn is_one_click(headers: &HeaderMap, body: &[u8]) -> bool {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let text = String::from_utf8_lossy(body);
        // each part: headers, a blank line, the value
        return text
            .split("Content-Disposition:")
            .chain(text.split("content-disposition:"))
            .any(|part| {
                part.contains("name=\"List-Unsubscribe\"")
                    && part
                        .split_once("\r\n\r\n")
                        .or_else(|| part.split_once("\n\n"))
                        .is_some_and(|(_, value)| value.trim_start().starts_with("One-Click"))
            });
    }
    url::form_urlencoded::parse(body).any(|(k, v)| k == "List-Unsubscribe" && v == "One-Click")
}

async fn with_store<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Response> {
    let app = app.clone();
    tokio::task::spawn_blocking(move || f(&app.store.lock().expect("store lock")))
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response())?
        .map_err(|e| {
            tracing::error!("{e}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "could not record the request; please try again",
            )
                .into_response()
        })
}

/// POST: unsubscribe at once (RFC 8058), answer 200 without a redirect.
async fn unsubscribe(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some((t, list, email)) = verified(&app, &query) else {
        return forbidden(&app);
    };
    if !is_one_click(&headers, &body) {
        return (
            StatusCode::BAD_REQUEST,
            "expected List-Unsubscribe=One-Click",
        )
            .into_response();
    }
    let (l, e) = (list.clone(), email.clone());
    if let Err(r) = with_store(&app, move |s| {
        s.suppress(&l, &e, "unsubscribed (one-click)")
    })
    .await
    {
        return r;
    }
    tracing::info!("{email} unsubscribed from {list}");
    let again = format!(
        "/resubscribe?t={}",
        url::form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>()
    );
    Html(
        page(
            &app.title,
            "You are unsubscribed",
            html! {
                p { (email) " will get no more mail from the " strong { (list) } " list." }
                form method="post" action=(again) {
                    button type="submit" { "That was a mistake: subscribe me again" }
                }
            },
        )
        .into_string(),
    )
    .into_response()
}

/// POST: lift the reader's own unsubscribe.
async fn resubscribe(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let Some((_, list, email)) = verified(&app, &query) else {
        return forbidden(&app);
    };
    let (l, e) = (list.clone(), email.clone());
    if let Err(r) = with_store(&app, move |s| s.unsuppress(&l, &e)).await {
        return r;
    }
    Html(
        page(
            &app.title,
            "Welcome back",
            html! { p { (email) " is subscribed to the " strong { (list) } " list again." } },
        )
        .into_string(),
    )
    .into_response()
}
