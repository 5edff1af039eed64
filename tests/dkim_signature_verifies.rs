//! DKIM signatures made by `digest send`, checked by an independent
//! verifier (Python's dkimpy) with the public key given directly.

mod support;

use std::process::Command;

use support::{SmtpSink, digest_env, smtp_config, write_list};

fn openssl(args: &[&str]) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Sends one digest signed with `key_file` and verifies it against `record`.
fn send_and_verify(dir: &std::path::Path, key_file: &std::path::Path, record: &str) {
    let sink = SmtpSink::start(&[]);
    write_list(dir, "europe", 1);
    let config = smtp_config(
        dir,
        &sink.url(),
        &format!(
            "\n[delivery.dkim]\ndomain = \"briefing.test\"\nselector = \"news\"\nkey_file = {:?}\n",
            key_file.to_str().unwrap()
        ),
    );
    let out = digest_env(
        &[
            "--config",
            config.to_str().unwrap(),
            "send",
            "--date",
            "2026-11-26",
        ],
        &[("DIGEST_SECRET", "a secret for the tests, long enough")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    // the dump keeps bare LF line ends; a mail system sees CRLF
    let message = dir.join("message.eml");
    std::fs::write(&message, messages[0].replace('\n', "\r\n")).unwrap();
    let verifier = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/dkim_verify.py");
    let out = Command::new("python3")
        .args([
            verifier,
            message.to_str().unwrap(),
            "news",
            "briefing.test",
            record,
        ])
        .output()
        .expect("python3 with dkimpy (pip install dkimpy pynacl, as .ci/run does)");
    let signed = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(
        out.status.success(),
        "signature does not verify: {signed}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for header in [
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "list-unsubscribe",
        "list-unsubscribe-post",
    ] {
        assert!(
            signed.split(':').any(|h| h.trim() == header),
            "{header} not signed: {signed}"
        );
    }
}

#[test]
fn rsa_signature_verifies_and_covers_list_unsubscribe() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("rsa.pem");
    openssl(&[
        "genrsa",
        "-traditional",
        "-out",
        key.to_str().unwrap(),
        "2048",
    ]);
    let public = openssl(&[
        "rsa",
        "-in",
        key.to_str().unwrap(),
        "-pubout",
        "-outform",
        "DER",
    ]);
    send_and_verify(
        dir.path(),
        &key,
        &format!("v=DKIM1; k=rsa; p={}", b64(&public)),
    );
}

#[test]
fn ed25519_signature_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("ed25519.pem");
    openssl(&[
        "genpkey",
        "-algorithm",
        "ed25519",
        "-out",
        key.to_str().unwrap(),
    ]);
    let public = openssl(&[
        "pkey",
        "-in",
        key.to_str().unwrap(),
        "-pubout",
        "-outform",
        "DER",
    ]);
    // the raw key is the last 32 bytes of the DER SubjectPublicKeyInfo
    send_and_verify(
        dir.path(),
        &key,
        &format!(
            "v=DKIM1; k=ed25519; p={}",
            b64(&public[public.len() - 32..])
        ),
    );
}
