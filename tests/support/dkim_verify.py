"""Verify a DKIM signature independently of newsdigest (dkimpy).

usage: dkim_verify.py MESSAGE_FILE SELECTOR DOMAIN DNS_TXT_RECORD
Prints the signed header list and exits 0 when the signature verifies.
"""
import sys

import dkim

message_file, selector, domain, record = sys.argv[1:5]
message = open(message_file, "rb").read()
expected_name = f"{selector}._domainkey.{domain}."


def dns(name, timeout=5):
    name = name.decode() if isinstance(name, bytes) else name
    if name.rstrip(".") + "." == expected_name:
        return record.encode()
    return None


verifier = dkim.DKIM(message)
ok = verifier.verify(dnsfunc=dns)
signature = dkim.util.parse_tag_value(
    [v for (k, v) in verifier.headers if k.lower() == b"dkim-signature"][0].replace(b"\r\n", b"")
)
print(signature[b"h"].decode())
sys.exit(0 if ok else 1)
