//! `digest serve`: RFC 8058 one-click unsubscribe over real HTTP on
//! 127.0.0.1, with tokens made as `digest send` makes them.

mod support;

use std::process::Command;

use futures_util::stream::{self, StreamExt};
use newsdigest::unsubscribe::Secret;
use support::{Running, digest_env, free_port, write_config, write_list};

const SECRET: &str = "a secret for the tests, long enough";

fn setup(subscribers: usize) -> (tempfile::TempDir, std::path::PathBuf, Running) {
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), "europe", subscribers);
    let feed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/feeds/europe.xml");
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"Europe\"\nsources = [{:?}]\n",
            feed.to_str().unwrap()
        ),
    );
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_digest"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .env("DIGEST_SECRET", SECRET)
        .spawn()
        .unwrap();
    (dir, config, Running::on_port(child, port))
}

fn client() -> reqwest::Client {
    newsdigest::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn token(list: &str, email: &str) -> String {
    Secret::new(SECRET).unwrap().token(list, email)
}

/// Sends the edition to the outbox and returns the summary line.
fn send_summary(config: &std::path::Path) -> String {
    let out = digest_env(
        &[
            "--config",
            config.to_str().unwrap(),
            "send",
            "--date",
            "2026-11-26",
        ],
        &[("DIGEST_SECRET", SECRET)],
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_click_works_with_both_body_types_and_get_changes_nothing() {
    let (_dir, config, server) = setup(4);
    let http = client();
    let url = |email: &str| format!("{}/unsubscribe?t={}", server.base, token("europe", email));

    // GET shows a button and unsubscribes nobody
    let page = http
        .get(url("reader00000@example.org"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let text = page.text().await.unwrap();
    assert!(
        text.contains("<form method=\"post\"") && text.contains("reader00000@example.org"),
        "{text}"
    );

    let form = http
        .post(url("reader00001@example.org"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    assert!(form.text().await.unwrap().contains("/resubscribe?t="));

    let boundary = "----newsdigest-test";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--{boundary}--\r\n"
    );
    let mp = http
        .post(url("reader00002@example.org"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(mp.status(), 200);

    let summary = send_summary(&config);
    assert!(
        summary.contains("europe: 2 sent") && summary.contains("2 suppressed"),
        "{summary}"
    );

    // subscribing again lifts it for later editions
    let again = http
        .post(format!(
            "{}/resubscribe?t={}",
            server.base,
            token("europe", "reader00001@example.org")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_truncated_and_moved_tokens_are_refused() {
    let (_dir, config, server) = setup(2);
    let http = client();
    let good = token("europe", "reader00000@example.org");
    let forged = Secret::new("some other secret, also long enough")
        .unwrap()
        .token("europe", "reader00000@example.org");
    let (who, tag) = good.split_once('.').unwrap();
    let other_list = format!(
        "{}.{tag}",
        token("economy", "reader00000@example.org")
            .split_once('.')
            .unwrap()
            .0
    );
    let other_address = format!(
        "{}.{tag}",
        token("europe", "reader00001@example.org")
            .split_once('.')
            .unwrap()
            .0
    );
    for bad in [
        forged,
        good[..good.len() - 3].to_string(),
        who.to_string(),
        other_list,
        other_address,
        String::new(),
    ] {
        let response = http
            .post(format!("{}/unsubscribe?t={bad}", server.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "token {bad}");
        let get = http
            .get(format!("{}/unsubscribe?t={bad}", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(get.status(), 403);
    }
    let summary = send_summary(&config);
    assert!(
        summary.contains("europe: 2 sent") && !summary.contains("suppressed"),
        "{summary}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_unsubscribes_are_all_recorded() {
    let (_dir, config, server) = setup(1003);
    let http = client();
    let statuses: Vec<u16> = stream::iter(0..1000)
        .map(|i| {
            let http = http.clone();
            let url = format!(
                "{}/unsubscribe?t={}",
                server.base,
                token("europe", &format!("reader{i:05}@example.org"))
            );
            async move {
                http.post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click")
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0)
            }
        })
        .buffer_unordered(1000)
        .collect()
        .await;
    assert!(
        statuses.iter().all(|s| *s == 200),
        "{:?}",
        statuses.iter().filter(|s| **s != 200).count()
    );
    let summary = send_summary(&config);
    assert!(
        summary.contains("europe: 3 sent") && summary.contains("1000 suppressed"),
        "{summary}"
    );
}
